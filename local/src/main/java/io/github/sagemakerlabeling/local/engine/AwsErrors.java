package io.github.sagemakerlabeling.local.engine;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Short descriptions of the errors AWS calls answer with, for failure reasons and logs. */
final class AwsErrors {

    private AwsErrors() {
    }

    /** The service's error code and message, as in {@code NoSuchKey: The specified key does not exist.} */
    static String describe(RuntimeException error) {
        if (error instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details.errorCode() != null ? details.errorCode() : "HTTP " + service.statusCode();
            return details.errorMessage() != null ? code + ": " + details.errorMessage() : code;
        }
        return error.getMessage();
    }
}
