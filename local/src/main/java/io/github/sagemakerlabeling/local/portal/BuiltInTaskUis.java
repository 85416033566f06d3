package io.github.sagemakerlabeling.local.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The built-in task UIs that jobs name by {@code HumanTaskUiArn}
 * ({@code arn:aws:sagemaker:<region>:<account>:human-task-ui/<Name>}), as Liquid templates of Local Ground Truth's
 * own: AWS does not publish its built-in UIs' source. Only the named entity recognition UI is here; the video frame
 * and 3D point cloud UIs are not.
 */
public final class BuiltInTaskUis {

    private static final List<String> NAMES = List.of("NamedEntityRecognition");

    private BuiltInTaskUis() {
    }

    /** The template of a built-in task UI by its ARN, if Local Ground Truth has it. */
    public static Optional<String> template(String humanTaskUiArn) {
        String name = humanTaskUiArn.substring(humanTaskUiArn.lastIndexOf('/') + 1);
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = BuiltInTaskUis.class.getResourceAsStream("/portal/ui/" + name + ".liquid.html")) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the built-in UIs Local Ground Truth has. */
    public static List<String> names() {
        return NAMES;
    }
}
