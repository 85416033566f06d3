package io.github.sagemakerlabeling.core.labels;

import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The length and uniqueness checks shared by the rules on labels, attributes and instructions. */
final class TextRules {

    /** A string value and the field path it sits at. */
    record Field(String path, String value) {
    }

    private TextRules() {
    }

    /** The length as Ground Truth counts characters: Unicode code points, not UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Reports {@code value} unless it has {@code min} to {@code max} characters. */
    static void checkLength(String path, String value, int min, int max, List<Violation> out) {
        int length = length(value);
        if (length < min || length > max) {
            String bounds = min == 0 ? "at most " + max : min + " to " + max;
            out.add(new Violation(path, value, "must be " + bounds + " characters long"));
        }
    }

    /**
     * Reports each field whose value an earlier field already has. Fields before {@code firstReported} only serve as
     * earlier values: their own duplicates are reported elsewhere.
     */
    static void checkUnique(List<Field> fields, int firstReported, String scope, List<Violation> out) {
        Map<String, String> firstPathByValue = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            String firstPath = firstPathByValue.putIfAbsent(field.value(), field.path());
            if (firstPath != null && i >= firstReported) {
                out.add(new Violation(field.path(), field.value(),
                        "must be unique " + scope + ", but " + firstPath + " has the same value"));
            }
        }
    }
}
