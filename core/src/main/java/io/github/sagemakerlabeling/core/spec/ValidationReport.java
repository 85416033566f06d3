package io.github.sagemakerlabeling.core.spec;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.List;

/**
 * Everything a validation found: errors, which make the service refuse the request (or the job fail), and warnings,
 * which the service accepts but which rarely do what the user meant.
 *
 * @param errors   broken rules, in the order they were checked
 * @param warnings accepted but suspicious settings
 */
public record ValidationReport(List<Violation> errors, List<Violation> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether no error was found (warnings allowed). */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /**
     * Throws one exception listing every error when there is any.
     *
     * @param subject what was validated, used to start the message
     */
    public void throwIfInvalid(String subject) {
        if (!errors.isEmpty()) {
            throw new LabelingValidationException(subject, errors);
        }
    }
}
