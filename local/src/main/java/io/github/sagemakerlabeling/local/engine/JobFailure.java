package io.github.sagemakerlabeling.local.engine;

/** Something that ends a job as {@code Failed}; the message is its {@code FailureReason}. */
final class JobFailure extends RuntimeException {

    JobFailure(String reason) {
        super(reason);
    }

    /** The reason, naming {@code what} could not be used and why, from the error the service call answered. */
    static JobFailure of(String what, RuntimeException cause) {
        return new JobFailure("Unable to " + what + ": " + AwsErrors.describe(cause));
    }
}
