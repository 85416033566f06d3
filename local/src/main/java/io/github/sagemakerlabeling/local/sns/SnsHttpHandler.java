package io.github.sagemakerlabeling.local.sns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.sagemakerlabeling.local.faults.FaultDecision;
import io.github.sagemakerlabeling.local.faults.FaultInjector;
import io.github.sagemakerlabeling.local.faults.Operation;
import io.github.sagemakerlabeling.local.faults.Operation.Service;
import io.github.sagemakerlabeling.local.faults.WireError;
import io.github.sagemakerlabeling.local.http.MalformedRequestException;
import io.github.sagemakerlabeling.local.http.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the query protocol: reads the parameters (form body of a POST, or the query string, as the
 * {@code UnsubscribeURL} of a notification uses), runs the action's handler and writes the XML response or error.
 * Requests from outside clients first meet the {@link FaultInjector}: a delay, or an injected error before or after
 * the action runs; requests with {@link FaultInjector#INTERNAL_CALLER_HEADER} (Local Ground Truth's own) do not.
 */
final class SnsHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SnsHttpHandler.class);

    private final Map<String, ActionHandler> handlers;
    private final FaultInjector faults;

    SnsHttpHandler(Map<String, ActionHandler> handlers, FaultInjector faults) {
        this.handlers = Map.copyOf(handlers);
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        int status = 200;
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            SnsRequest request = SnsRequest.parse(exchange.getRequestURI().getRawQuery(),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            String action = request.action();
            ActionHandler handler = action == null ? null : handlers.get(action);
            if (handler == null) {
                throw new SnsException(action == null ? "MissingAction" : "InvalidAction", 400,
                        action == null ? "No Action parameter"
                                : "The action " + action + " is not valid for this endpoint.");
            }
            FaultDecision fault = FaultDecision.NONE;
            if (!exchange.getRequestHeaders().containsKey(FaultInjector.INTERNAL_CALLER_HEADER)) {
                request = request.withFaults(faults);
                fault = faults.decide(Operation.request(Service.SNS, action).orElse(null));
            }
            fault.awaitDelay();
            body = fault.failsBeforeProcessing() ? null : SnsXml.success(action, handler.handle(request), requestId);
            if (fault.failure().isPresent()) {
                WireError error = fault.error(Service.SNS);
                status = error.httpStatus();
                body = SnsXml.error(error.type(), error.code(), error.message(), requestId);
            }
        } catch (SnsException e) {
            status = e.httpStatus();
            body = SnsXml.error("Sender", e.code(), e.getMessage(), requestId);
        } catch (MalformedRequestException e) {
            status = 400;
            body = SnsXml.error("Sender", "MalformedQueryString", e.getMessage(), requestId);
        } catch (RuntimeException e) {
            LOG.error("SNS request {} failed", requestId, e);
            status = 500;
            body = SnsXml.error("Receiver", "InternalError", "Local Ground Truth SNS failed: " + e, requestId);
        }
        send(exchange, status, body, requestId);
    }

    /** The {@link io.github.sagemakerlabeling.local.http.ErrorResponder} of the SNS server: a query-protocol error. */
    static void refuse(HttpExchange exchange, Refusal refusal, String message) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String code = refusal == Refusal.TOO_LARGE ? "RequestEntityTooLarge" : "AuthorizationError";
        send(exchange, refusal.httpStatus(), SnsXml.error("Sender", code, message, requestId), requestId);
    }

    private static void send(HttpExchange exchange, int status, String body, String requestId) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
