package io.github.sagemakerlabeling.local.http;

/** A request that cannot be parsed at all, e.g. a form with a broken percent-escape: the server answers 400. */
public final class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is malformed, and where */
    public MalformedRequestException(String message) {
        super(message, null, false, false);
    }
}
