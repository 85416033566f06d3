package io.github.sagemakerlabeling.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when input breaks one or more Ground Truth rules. It carries every violation found, not just the first, and
 * is raised before anything is sent to AWS whenever the rule can be checked locally.
 */
public class LabelingValidationException extends IllegalArgumentException {

    private final transient List<Violation> violations;

    /**
     * @param subject what was validated, for example {@code "Labeling job spec 'my-job'"}
     * @param violations the violations, at least one
     */
    public LabelingValidationException(String subject, List<Violation> violations) {
        super(message(subject, violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** Convenience for a single broken rule. */
    public LabelingValidationException(String subject, Violation violation) {
        this(subject, List.of(violation));
    }

    /** Every violation found, in the order they were checked. */
    public List<Violation> violations() {
        return violations;
    }

    private static String message(String subject, List<Violation> violations) {
        if (violations.size() == 1) {
            return subject + " is invalid: " + violations.get(0);
        }
        return violations.stream()
                .map(v -> "  - " + v)
                .collect(Collectors.joining("\n", subject + " is invalid (" + violations.size() + " violations):\n", ""));
    }
}
