package io.github.sagemakerlabeling.local.faults;

import io.github.sagemakerlabeling.local.faults.Operation.Service;

/**
 * How a service reports an injected failure on the wire, in the form the real service uses for it, so that an AWS
 * SDK v2 client classifies it as it would the real thing.
 *
 * <table>
 *   <caption>Error forms</caption>
 *   <tr><th>service</th><th>throttling</th><th>server error</th></tr>
 *   <tr><td>SNS (query XML)</td><td>{@code Throttled}, HTTP 429, type {@code Sender}: the modeled
 *       {@code ThrottledException}</td><td>{@code InternalError}, HTTP 500, type {@code Receiver}: the modeled
 *       {@code InternalErrorException}</td></tr>
 *   <tr><td>SQS (JSON 1.0 / query XML)</td><td>{@code RequestThrottled}, HTTP 400: the modeled
 *       {@code RequestThrottledException}</td><td>{@code InternalFailure}, HTTP 500</td></tr>
 *   <tr><td>SageMaker (JSON 1.1)</td><td>{@code ThrottlingException}, HTTP 400</td><td>{@code InternalFailure},
 *       HTTP 500</td></tr>
 * </table>
 *
 * <p>The SDK's {@code isThrottlingException()} is true for all three throttling codes, and its retry policies retry
 * them (with the throttling back-off) as they retry every HTTP 500. In a batch response's {@code Failed} list an
 * injected entry failure carries the same code with {@code SenderFault} false: retrying the entry may succeed.
 *
 * @param httpStatus  the HTTP status
 * @param code        the error code
 * @param senderFault whether the protocol reports it as the sender's fault ({@code Sender}) or the service's
 *                    ({@code Receiver})
 * @param message     the error message
 */
public record WireError(int httpStatus, String code, boolean senderFault, String message) {

    private static final String SUFFIX = " (fault injected by Local Ground Truth)";

    /** The error a service answers for an injected failure of this kind. */
    public static WireError of(Service service, Fault.Kind kind) {
        if (kind == Fault.Kind.DELAY) {
            throw new IllegalArgumentException("a delay is not an error");
        }
        boolean throttling = kind == Fault.Kind.THROTTLING;
        return switch (service) {
            case SNS -> throttling
                    ? new WireError(429, "Throttled", true, "Rate exceeded" + SUFFIX)
                    : new WireError(500, "InternalError", false,
                            "Request could not be completed due to an internal error" + SUFFIX);
            case SQS -> throttling
                    ? new WireError(400, "RequestThrottled", true, "Request is throttled." + SUFFIX)
                    : new WireError(500, "InternalFailure", false,
                            "The request processing has failed because of an unknown error, exception or failure."
                                    + SUFFIX);
            case SAGEMAKER -> throttling
                    ? new WireError(400, "ThrottlingException", true, "Rate exceeded" + SUFFIX)
                    : new WireError(500, "InternalFailure", false, "An internal error occurred" + SUFFIX);
        };
    }

    /** {@code Sender} or {@code Receiver}, the query protocol's {@code <Type>}. */
    public String type() {
        return senderFault ? "Sender" : "Receiver";
    }
}
