package io.github.sagemakerlabeling.local.sagemaker.validation;

import io.github.sagemakerlabeling.local.sagemaker.SageMakerApiException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code ValidationException} for failed constraints, in AWS's words: {@code 1 validation error detected: ...} or
 * {@code N validation errors detected: ...}, the violations joined by {@code "; "}.
 */
public final class ValidationErrors {

    private ValidationErrors() {
    }

    /** The exception listing every violation, in the order given. */
    public static SageMakerApiException of(List<ConstraintViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violations");
        }
        int count = violations.size();
        return new SageMakerApiException(SageMakerApiException.VALIDATION, count + " validation error"
                + (count == 1 ? "" : "s") + " detected: "
                + violations.stream().map(ConstraintViolation::toString).collect(Collectors.joining("; ")));
    }

    /** The exception for one violation. */
    public static SageMakerApiException of(ConstraintViolation violation) {
        return of(List.of(violation));
    }
}
