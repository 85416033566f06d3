package io.github.sagemakerlabeling.camel.job;

import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The tags of a labeling job, as the {@code tags} option gives them: {@code key=value} pairs separated by commas
 * (URIs, properties, YAML), or a {@code Map} (a bean, Java code). Text is checked when the job is described, so a
 * malformed pair is reported with the job's other violations.
 */
public final class JobTags {

    private static final String RULE = "must be key=value pairs separated by commas";

    private final String text;
    private final Map<String, String> tags;

    private JobTags(String text, Map<String, String> tags) {
        this.text = text;
        this.tags = tags;
    }

    /** Tags written as {@code key=value,key2=value2}. */
    public static JobTags parse(String text) {
        return new JobTags(Objects.requireNonNull(text, "text"), null);
    }

    /** Tags from a map, in its iteration order; keys and values are taken as text. */
    public static JobTags of(Map<?, ?> tags) {
        Map<String, String> copy = new LinkedHashMap<>();
        tags.forEach((key, value) -> copy.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        return new JobTags(null, Collections.unmodifiableMap(copy));
    }

    /** The tags by key; each malformed pair of the text form is reported to {@code violations} (field {@code tags}). */
    Map<String, String> toMap(JobViolations violations) {
        if (tags != null) {
            return tags;
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                violations.add(new Violation("tags", pair.trim(), RULE));
            } else {
                parsed.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return parsed;
    }

    /** The text form. */
    @Override
    public String toString() {
        return text != null ? text : tags.entrySet().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
                .collect(Collectors.joining(","));
    }
}
