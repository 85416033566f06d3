package io.github.sagemakerlabeling.core.validation;

import java.util.Objects;

/**
 * One broken rule: which field, the offending value and the rule it breaks, phrased so a user can act on it.
 *
 * @param field the field path, for example {@code HumanTaskConfig.TaskKeywords[2]}
 * @param value the offending value as given (may be {@code null} for a missing field)
 * @param rule  the rule in words, for example {@code "must be 1 to 30 characters"}
 */
public record Violation(String field, Object value, String rule) {

    private static final int MAX_SHOWN_VALUE_LENGTH = 120;

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
    }

    /** The value as shown in messages: quoted, and abbreviated when long (text objects can be 100,000 characters). */
    public String shownValue() {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        if (text.length() > MAX_SHOWN_VALUE_LENGTH) {
            text = text.substring(0, MAX_SHOWN_VALUE_LENGTH) + "... (" + text.length() + " characters)";
        }
        return value instanceof Number || value instanceof Boolean ? text : "'" + text + "'";
    }

    @Override
    public String toString() {
        return field + " = " + shownValue() + ": " + rule;
    }
}
