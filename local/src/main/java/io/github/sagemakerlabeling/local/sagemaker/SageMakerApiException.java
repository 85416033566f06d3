package io.github.sagemakerlabeling.local.sagemaker;

/**
 * An error the SageMaker API answers with, in AWS's JSON error form: {@code {"__type": code, "Message": message}}
 * with HTTP 400. The AWS SDK turns the modeled codes into their typed exceptions ({@code ResourceInUse} into
 * {@code ResourceInUseException}, and so on).
 */
public class SageMakerApiException extends RuntimeException {

    /** A request member breaks a constraint. */
    public static final String VALIDATION = "ValidationException";
    /** The body is not JSON of the operation's shape. */
    public static final String SERIALIZATION = "SerializationException";
    /** A labeling job of that name exists or existed. */
    public static final String RESOURCE_IN_USE = "ResourceInUse";
    /** No labeling job of that name. */
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    /** The operation is not one the stand-in serves. */
    public static final String UNKNOWN_OPERATION = "UnknownOperationException";

    private final String code;
    private final int httpStatus;

    public SageMakerApiException(String code, String message) {
        this(code, message, 400);
    }

    public SageMakerApiException(String code, String message, int httpStatus) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The error code, sent as {@code __type}. */
    public String code() {
        return code;
    }

    /** The HTTP status. */
    public int httpStatus() {
        return httpStatus;
    }
}
