package io.github.sagemakerlabeling.local.http;

/** Why a {@link RequestGuard} refused a request before any handler saw it, with the HTTP status it answers. */
public enum Refusal {

    /** The {@code Host} header names something other than this loopback server: DNS rebinding. */
    FOREIGN_HOST(403),
    /** A browser sent the request from a page of another origin: cross-site request forgery. */
    FOREIGN_ORIGIN(403),
    /** The request body is larger than the server takes. */
    TOO_LARGE(413);

    private final int httpStatus;

    Refusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of the answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
