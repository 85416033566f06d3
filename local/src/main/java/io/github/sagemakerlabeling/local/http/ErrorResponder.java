package io.github.sagemakerlabeling.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** How one server words a {@link Refusal} in its own protocol's error form (query XML, JSON 1.0, JSON 1.1). */
@FunctionalInterface
public interface ErrorResponder {

    /**
     * Sends the error response for the refusal and its message; the guard closes the exchange afterwards.
     *
     * @param exchange the refused request
     * @param refusal  why it is refused; {@link Refusal#httpStatus()} is the status to answer with
     * @param message  a message naming what was refused and the rule
     */
    void refuse(HttpExchange exchange, Refusal refusal, String message) throws IOException;
}
