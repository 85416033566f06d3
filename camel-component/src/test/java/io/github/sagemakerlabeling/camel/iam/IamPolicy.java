package io.github.sagemakerlabeling.camel.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The actions an IAM policy document allows (its Allow statements' Action entries, with * wildcards). */
final class IamPolicy {

    /** The shipped document, from the module's directory (where Maven runs the tests). */
    static final Path SHIPPED = Path.of("..", "docs", "iam", "component-policy.json");
    private static volatile IamPolicy shipped;

    private final List<Pattern> allowed;

    private IamPolicy(List<Pattern> allowed) {
        this.allowed = allowed;
    }

    static IamPolicy shipped() {
        IamPolicy current = shipped;
        if (current == null) {
            current = read(SHIPPED);
            shipped = current;
        }
        return current;
    }

    static IamPolicy read(Path document) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(document));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the IAM policy " + document.toAbsolutePath(), e);
        }
        List<Pattern> allowed = new ArrayList<>();
        for (JsonNode statement : root.path("Statement")) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            JsonNode actions = statement.path("Action");
            for (JsonNode action : actions.isArray() ? actions : List.of(actions)) {
                allowed.add(Pattern.compile(Pattern.quote(action.asText()).replace("*", "\\E.*\\Q"),
                        Pattern.CASE_INSENSITIVE));
            }
        }
        return new IamPolicy(allowed);
    }

    boolean allows(String action) {
        return allowed.stream().anyMatch(pattern -> pattern.matcher(action).matches());
    }
}
