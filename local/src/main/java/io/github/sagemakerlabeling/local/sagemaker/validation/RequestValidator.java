package io.github.sagemakerlabeling.local.sagemaker.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.SdkJson;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Validates SageMaker requests as the service does, and refuses them with a {@code ValidationException} in AWS's
 * format: first every constraint of SageMaker's service model ({@link ModelValidator}), then, for a request that
 * passes them, the rules the service enforces beyond the model ({@link ServiceRules}).
 */
public final class RequestValidator {

    private final ModelValidator model = new ModelValidator(ServiceModel.sageMaker());

    /**
     * Checks a request against its operation's model constraints.
     *
     * @param operation the operation, for example {@code ListLabelingJobs}
     * @param request   the request as the SDK model holds it
     * @throws io.github.sagemakerlabeling.local.sagemaker.SageMakerApiException a {@code ValidationException} listing
     *                                                                          every violated constraint
     */
    public void check(String operation, SdkPojo request) {
        check(operation, SdkJson.toJson(request));
    }

    /** Checks a request's wire JSON against its operation's model constraints. */
    public void check(String operation, JsonNode request) {
        List<ConstraintViolation> violations = model.violations(operation, request);
        if (!violations.isEmpty()) {
            throw ValidationErrors.of(violations);
        }
    }

    /**
     * Checks the rules beyond the model of a CreateLabelingJob request that passed {@link #check}.
     *
     * @param spec the request as a spec, with the region the job would run in
     */
    public void checkServiceRules(LabelingJobSpec spec) {
        List<ConstraintViolation> violations = ServiceRules.createLabelingJob(spec);
        if (!violations.isEmpty()) {
            throw ValidationErrors.of(violations);
        }
    }
}
