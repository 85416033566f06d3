package io.github.sagemakerlabeling.local.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.LocalService;
import io.github.sagemakerlabeling.local.http.Forwarding;
import io.github.sagemakerlabeling.local.http.HttpServers;
import io.github.sagemakerlabeling.local.http.LoopbackHttpClient;
import io.github.sagemakerlabeling.local.http.MalformedRequestException;
import io.github.sagemakerlabeling.local.http.Refusal;
import io.github.sagemakerlabeling.local.http.RequestGuard;
import io.github.sagemakerlabeling.local.portal.WorkerPortal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One port for every service of the stack, as LocalStack's edge port: each request goes, unchanged, to the server of
 * the service it is for ({@link EdgeRoute}), and that server's answer comes back unchanged; the edge has no behaviour
 * of its own. So {@code AWS_ENDPOINT_URL=http://127.0.0.1:PORT} is all an AWS SDK, boto3 or the AWS CLI needs.
 *
 * <p>{@code GET /_local-ground-truth/health} answers {@code {"status":"running","services":{...}}} with each
 * service's own endpoint. Requests pass a {@link RequestGuard} (loopback {@code Host}, no foreign {@code Origin});
 * bodies are taken up to 16 MiB (the AWS CLI uploads in 8 MiB parts): larger S3 objects go to the S3 port.
 *
 * <p>The worker portal, when the stack has one, is under {@link WorkerPortal#EDGE_PREFIX} (no S3 bucket name starts
 * with {@code _}, so no S3 path is taken from S3).
 */
public final class EdgeEndpoint implements LocalService {

    /** The health URL's path. */
    public static final String HEALTH_PATH = "/_local-ground-truth/health";
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(EdgeEndpoint.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Long polls through the edge hold a thread each, as on the SQS port. */
    private static final int THREADS = 64;
    private static final int QUEUED_REQUESTS = 256;

    static {
        HttpServers.configure();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final Map<String, URI> services;
    private final Map<String, LoopbackHttpClient> clients = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts serving at once.
     *
     * @param port     the port, or 0 for a free one
     * @param services each service's endpoint by name: {@code sagemaker}, {@code sns}, {@code sqs}, {@code s3}
     * @throws IllegalStateException if the port is taken
     */
    public EdgeEndpoint(int port, Map<String, URI> services) {
        this.services = Map.copyOf(services);
        services.forEach((name, uri) -> clients.put(name, new LoopbackHttpClient(uri)));
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LocalDefaults.HOST),
                    LocalDefaults.requirePort(port)), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + LocalDefaults.HOST + ":" + port, e);
        }
        this.endpoint = URI.create("http://" + LocalDefaults.HOST + ":" + server.getAddress().getPort());
        this.executor = HttpServers.boundedPool("local-edge-" + INSTANCES.incrementAndGet(), THREADS, QUEUED_REQUESTS);
        server.setExecutor(executor);
        server.createContext("/", this::handle).getFilters().add(new RequestGuard(MAX_BODY_BYTES,
                () -> server.getAddress().getPort(), EdgeEndpoint::refuse));
        server.start();
        LOG.info("Local Ground Truth edge endpoint listening on {}", endpoint);
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The health URL: {@code GET} answers 200 with the services' endpoints while the stack runs. */
    public URI healthUrl() {
        return endpoint.resolve(HEALTH_PATH);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        clients.values().forEach(LoopbackHttpClient::close);
        HttpServers.endPool(executor, 10);
        LOG.info("Local Ground Truth edge endpoint on {} stopped", endpoint);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (HEALTH_PATH.equals(exchange.getRequestURI().getPath())) {
                sendJson(exchange, 200, health());
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (clients.containsKey("portal") && (path.equals(WorkerPortal.EDGE_PREFIX)
                    || path.startsWith(WorkerPortal.EDGE_PREFIX + "/"))) {
                toPortal(exchange, path.substring(WorkerPortal.EDGE_PREFIX.length()), body);
                return;
            }
            String service;
            try {
                service = EdgeRoute.service(exchange.getRequestHeaders(), exchange.getRequestURI().getRawQuery(), body);
            } catch (MalformedRequestException e) {
                sendJson(exchange, 400, error("MalformedQueryString", e.getMessage()));
                return;
            }
            try {
                Forwarding.relay(exchange, Forwarding.forward(exchange, clients.get(service), body));
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                LOG.warn("The edge endpoint could not reach {} at {}", service, services.get(service), e);
                sendJson(exchange, 502, error("InternalFailure", "Local Ground Truth's edge endpoint could not reach "
                        + service + " at " + services.get(service) + ": " + e.getMessage()));
            }
        }
    }

    /**
     * Forwards a request for the worker portal, whose pages then name their paths under the edge's prefix. The edge's
     * guard has checked {@code Origin} and {@code Sec-Fetch-Site} against the edge's own origin; they are not passed
     * on, as the portal would hold them against its own port.
     */
    private void toPortal(HttpExchange exchange, String path, byte[] body) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String target = (path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
        Map<String, String> replaced = new LinkedHashMap<>();
        replaced.put("Origin", null);
        replaced.put("Sec-Fetch-Site", null);
        replaced.put(WorkerPortal.PREFIX_HEADER, WorkerPortal.EDGE_PREFIX);
        try {
            Forwarding.relay(exchange, Forwarding.forward(exchange, clients.get("portal"), body, target, replaced));
        } catch (IOException e) {
            if (!closed.get()) {
                sendJson(exchange, 502, error("InternalFailure", "Local Ground Truth's edge endpoint could not reach"
                        + " the worker portal at " + services.get("portal") + ": " + e.getMessage()));
            }
        }
    }

    private String health() {
        var document = Json.mapper().createObjectNode().put("status", "running");
        var byName = document.putObject("services");
        services.forEach((name, uri) -> byName.put(name, uri.toString()));
        return Json.write(document);
    }

    private static void refuse(HttpExchange exchange, Refusal refusal, String message) throws IOException {
        sendJson(exchange, refusal.httpStatus(),
                error(refusal == Refusal.TOO_LARGE ? "RequestEntityTooLarge" : "AccessDenied", message));
    }

    private static String error(String code, String message) {
        return Json.write(Json.mapper().createObjectNode().put("__type", code).put("message", message));
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
