package io.github.sagemakerlabeling.local.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Forwarding a request received by a JDK {@code HttpServer} to another loopback server, and relaying its answer. */
public final class Forwarding {

    /** Headers that belong to one connection, or that the sending side computes itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "content-length", "expect", "date");

    private Forwarding() {
    }

    /** Sends the request (method, target, end-to-end headers) with this body to the server behind the client. */
    public static LoopbackHttpClient.Response forward(HttpExchange exchange, LoopbackHttpClient server, byte[] body)
            throws IOException {
        return forward(exchange, server, body, exchange.getRequestURI().toString(), Map.of());
    }

    /**
     * Sends the request to another target on the server behind the client, with some headers replaced: a name
     * mapped to {@code null} is dropped, any other is set to its value.
     */
    public static LoopbackHttpClient.Response forward(HttpExchange exchange, LoopbackHttpClient server, byte[] body,
                                                      String target, Map<String, String> replaced) throws IOException {
        Set<String> names = new HashSet<>();
        replaced.keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !names.contains(lower)) {
                values.forEach(value -> headers.add(Map.entry(name, value)));
            }
        });
        replaced.forEach((name, value) -> {
            if (value != null) {
                headers.add(Map.entry(name, value));
            }
        });
        return server.send(exchange.getRequestMethod(), target, headers, body);
    }

    /** Answers the exchange with a server's response: status, end-to-end headers, body. */
    public static void relay(HttpExchange exchange, LoopbackHttpClient.Response response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        for (Map.Entry<String, String> header : response.headers()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        if (headers.getFirst("x-amzn-RequestId") == null) {
            headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
        }
        byte[] body = response.body();
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
