package io.github.sagemakerlabeling.core.result;

/**
 * A format rule broken somewhere inside a line. Internal: the readers throw it with a message naming the place, and
 * {@link OutputLineParser} turns it into a {@link MalformedOutputException} that carries the text as received.
 */
final class OutputShapeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OutputShapeException(String message) {
        super(message);
    }

    OutputShapeException(String message, Throwable cause) {
        super(message, cause);
    }
}
