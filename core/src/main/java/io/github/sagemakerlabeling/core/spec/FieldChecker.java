package io.github.sagemakerlabeling.core.spec;

import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects violations of the generic shape rules (required, length, pattern, range) while a validator walks a spec. */
final class FieldChecker {

    private final List<Violation> errors = new ArrayList<>();
    private final List<Violation> warnings = new ArrayList<>();

    void error(String field, Object value, String rule) {
        errors.add(new Violation(field, value, rule));
    }

    void error(Violation violation) {
        errors.add(violation);
    }

    void warning(String field, Object value, String rule) {
        warnings.add(new Violation(field, value, rule));
    }

    /** Checks a required string: present, within the length bounds and, when given, matching the pattern. */
    boolean requiredText(String field, String value, int min, int max, Pattern pattern, String patternRule) {
        if (value == null || value.isEmpty() && min > 0) {
            error(field, value, "is required");
            return false;
        }
        return optionalText(field, value, min, max, pattern, patternRule);
    }

    /** Checks an optional string; {@code null} passes. Returns whether the value is present and well-formed. */
    boolean optionalText(String field, String value, int min, int max, Pattern pattern, String patternRule) {
        if (value == null) {
            return false;
        }
        if (value.length() < min || value.length() > max) {
            error(field, value, min == max ? "must be " + min + " characters"
                    : "must be " + min + " to " + max + " characters long, is " + value.length());
            return false;
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            error(field, value, patternRule);
            return false;
        }
        return true;
    }

    /** Checks a required integer against an inclusive range. */
    void requiredRange(String field, Integer value, long min, long max) {
        if (value == null) {
            error(field, null, "is required");
            return;
        }
        optionalRange(field, value, min, max);
    }

    /** Checks an optional integer against an inclusive range; {@code null} passes. */
    void optionalRange(String field, Integer value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            error(field, value, max == Long.MAX_VALUE ? "must be at least " + min
                    : "must be between " + min + " and " + max);
        }
    }

    ValidationReport report() {
        return new ValidationReport(errors, warnings);
    }
}
