package io.github.sagemakerlabeling.local.sns;

/** An SNS error as the query protocol reports it: code, HTTP status and message, always the sender's fault. */
final class SnsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int httpStatus;

    SnsException(String code, int httpStatus, String message) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** {@code InvalidParameter} (SDK: {@code InvalidParameterException}); the message gets SNS's prefix. */
    static SnsException invalidParameter(String detail) {
        return new SnsException("InvalidParameter", 400, "Invalid parameter: " + detail);
    }

    /** {@code ParameterValueInvalid} (SDK: {@code InvalidParameterValueException}), used for message attributes. */
    static SnsException invalidParameterValue(String message) {
        return new SnsException("ParameterValueInvalid", 400, message);
    }

    /** {@code NotFound} (SDK: {@code NotFoundException}), HTTP 404 as in the SNS model. */
    static SnsException notFound(String message) {
        return new SnsException("NotFound", 404, message);
    }

    String code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }
}
