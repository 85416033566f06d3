package io.github.sagemakerlabeling.local.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * The checks every request to a loopback server passes before its handler runs:
 * <ul>
 *   <li>{@code Host}, when sent, names a loopback address ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}):
 *       a web page that rebinds its own domain name to 127.0.0.1 (DNS rebinding) sends its domain and is refused;</li>
 *   <li>a browser's {@code Origin}, when sent, is this server's own ({@code http://127.0.0.1:PORT} or
 *       {@code http://localhost:PORT}), and {@code Sec-Fetch-Site}, when sent, is {@code same-origin} or
 *       {@code none}: requests a page of another origin makes (cross-site request forgery, forms and images
 *       included) are refused. AWS SDKs and the AWS CLI send neither header;</li>
 *   <li>the body is at most {@code maxBodyBytes}: a larger {@code Content-Length} is refused unread, a chunked body
 *       is read up to the cap and refused beyond it. The handler then reads the body from memory.</li>
 * </ul>
 * A refused request gets the server's error form ({@link ErrorResponder}) and its connection is not reused.
 */
public final class RequestGuard extends Filter {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Set<String> ALLOWED_FETCH_SITES = Set.of("same-origin", "none");

    private final long maxBodyBytes;
    private final IntSupplier port;
    private final ErrorResponder errors;
    private final Set<String> otherHosts;

    /**
     * @param maxBodyBytes the largest body taken
     * @param port         the server's port, for its own origin (read per request: it may be bound after this)
     * @param errors       how the server words a refusal
     */
    public RequestGuard(long maxBodyBytes, IntSupplier port, ErrorResponder errors) {
        this(maxBodyBytes, port, errors, Set.of());
    }

    /**
     * A guard for a server that also answers under other host names than loopback's, e.g. the address it was told
     * to bind for other machines; {@code "*"} takes any host (a server bound to every address, which then needs a
     * check of its own, such as an access token).
     *
     * @param maxBodyBytes the largest body taken
     * @param port         the server's port, for its own origin (read per request: it may be bound after this)
     * @param errors       how the server words a refusal
     * @param otherHosts   host names or IP literals, without port, that {@code Host} and {@code Origin} may name too
     */
    public RequestGuard(long maxBodyBytes, IntSupplier port, ErrorResponder errors, Set<String> otherHosts) {
        this.otherHosts = otherHosts.stream().map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.port = Objects.requireNonNull(port, "port");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Whether a {@code Host} header value names a loopback address, with or without a port. */
    public static boolean isLoopbackHost(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        int colon = name.startsWith("[") ? name.indexOf("]:") + 1 : name.lastIndexOf(':');
        if (colon > 0) {
            String portText = name.substring(colon + 1);
            if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)) {
                return false;
            }
            name = name.substring(0, colon);
        }
        return LOOPBACK_HOSTS.contains(name);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        String host = headers.getFirst("Host");
        if (host != null && !isLoopbackHost(host) && !isOtherHost(host)) {
            refuse(exchange, Refusal.FOREIGN_HOST, "Host '" + host + "' is not this loopback server's:"
                    + " Local Ground Truth answers only requests addressed to 127.0.0.1 or localhost");
            return;
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !isOwnOrigin(origin)) {
            refuse(exchange, Refusal.FOREIGN_ORIGIN, "Origin '" + origin + "' is not this server's own:"
                    + " Local Ground Truth refuses requests that web pages of other origins make");
            return;
        }
        String fetchSite = headers.getFirst("Sec-Fetch-Site");
        if (fetchSite != null && !ALLOWED_FETCH_SITES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            refuse(exchange, Refusal.FOREIGN_ORIGIN, "Sec-Fetch-Site '" + fetchSite + "': Local Ground Truth"
                    + " refuses requests that web pages of other origins make");
            return;
        }
        String length = headers.getFirst("Content-Length");
        if (length != null && declaredTooLarge(length)) {
            refuse(exchange, Refusal.TOO_LARGE, tooLarge());
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBodyBytes + 1));
        }
        if (body.length > maxBodyBytes) {
            refuse(exchange, Refusal.TOO_LARGE, tooLarge());
            return;
        }
        exchange.setStreams(new ByteArrayInputStream(body), null);
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "loopback Host, own Origin, body of at most " + maxBodyBytes + " bytes";
    }

    private boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the server itself refuses a Content-Length that is no number
        }
    }

    /** Whether a {@code Host} value (with or without port) names one of the other hosts this server answers to. */
    private boolean isOtherHost(String host) {
        if (otherHosts.isEmpty()) {
            return false;
        }
        if (otherHosts.contains("*")) {
            return true;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        int colon = name.startsWith("[") ? name.indexOf("]:") + 1 : name.lastIndexOf(':');
        if (colon > 0 && (name.startsWith("[") || name.indexOf(':') == colon)) {
            name = name.substring(0, colon);
        }
        return otherHosts.contains(name);
    }

    private String tooLarge() {
        return "The request body is larger than the " + maxBodyBytes + " bytes this server takes";
    }

    private boolean isOwnOrigin(String origin) {
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && (isLoopbackHost(uri.getHost()) || isOtherHost(uri.getHost())) && uri.getPort() == port.getAsInt()
                && (uri.getPath() == null || uri.getPath().isEmpty());
    }

    private void refuse(HttpExchange exchange, Refusal refusal, String message) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Connection", "close");
            errors.refuse(exchange, refusal, message);
        }
    }
}
