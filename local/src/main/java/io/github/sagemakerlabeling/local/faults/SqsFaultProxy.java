package io.github.sagemakerlabeling.local.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.LocalService;
import io.github.sagemakerlabeling.local.faults.Operation.Service;
import io.github.sagemakerlabeling.local.http.FormDecoder;
import io.github.sagemakerlabeling.local.http.Forwarding;
import io.github.sagemakerlabeling.local.http.HttpServers;
import io.github.sagemakerlabeling.local.http.LoopbackHttpClient;
import io.github.sagemakerlabeling.local.http.MalformedRequestException;
import io.github.sagemakerlabeling.local.http.Refusal;
import io.github.sagemakerlabeling.local.http.RequestGuard;
import io.github.sagemakerlabeling.local.sqs.QueuePolicies;
import io.github.sagemakerlabeling.local.store.Journal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thin loopback HTTP proxy in front of an SQS server (ElasticMQ) that injects faults: it reads the operation from
 * {@code X-Amz-Target} (JSON 1.0 protocol) or the {@code Action} parameter (query protocol), asks the
 * {@link FaultInjector}, and either answers with the fault in the protocol's error form or forwards the request
 * verbatim (method, target, headers, body) and the response back (status, headers, body).
 *
 * <pre>{@code
 * try (SqsFaultProxy proxy = new SqsFaultProxy(0, faults);
 *      LocalSqs sqs = LocalSqs.builder().publicEndpoint(proxy.endpoint()).start()) {
 *     proxy.start(sqs.endpoint());
 *     SqsClient client = LocalAwsClients.sqs(proxy.endpoint(), sqs.region());
 *     ...
 * }
 * }</pre>
 *
 * <p>Binding and starting are two steps so that the SQS server can be told the proxy's address first (for the
 * queue URLs it hands out). Per-entry faults of batch requests work on the JSON protocol, which the AWS SDKs use;
 * query-protocol batches get whole-request faults only. Long polls are forwarded as they are: a request may take as
 * long as the server needs (SQS waits at most 20 s), each on its own thread, over pooled keep-alive connections.
 * Requests carrying {@link FaultInjector#INTERNAL_CALLER_HEADER} are forwarded untouched.
 *
 * <p>The proxy also keeps the queues' {@code Policy} attribute, which ElasticMQ ignores, in a {@link QueuePolicies}
 * (both protocols): local SNS delivers to a queue only what its policy allows; and the encryption and retention
 * attributes ElasticMQ refuses or drops, recorded and reported only ({@link RecordedQueueAttributes}). Requests
 * first pass a {@link RequestGuard} (loopback {@code Host}, no foreign {@code Origin}, a body of at most 4 MiB).
 */
public final class SqsFaultProxy implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(SqsFaultProxy.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Long polls hold a thread for up to 20 s each: room for many, but not without end. */
    private static final int THREADS = 64;
    private static final int QUEUED_REQUESTS = 256;
    /** SendMessageBatch takes 1 MiB in all; JSON escaping may add to that. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final String JSON_TARGET_PREFIX = "AmazonSQS.";
    private static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String QUERY_NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";
    /** SQS errors whose JSON type differs from their query-protocol code (which x-amzn-query-error carries). */
    private static final Map<String, String> JSON_ERROR_TYPES = Map.of("QueueAlreadyExists", "QueueNameExists");
    /** The queue attributes the proxy keeps itself, which ElasticMQ does not get. */
    private static final List<String> KEPT_ATTRIBUTES = Stream.concat(Stream.of(QueuePolicyAttributes.POLICY),
            RecordedQueueAttributes.NAMES.stream()).toList();

    static {
        HttpServers.configure();
    }

    private final FaultInjector faults;
    private final QueuePolicyAttributes policyAttributes;
    private final RecordedQueueAttributes recordedAttributes = new RecordedQueueAttributes();
    private final QueueAttributeJournal attributeJournal;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile LoopbackHttpClient upstream;
    private volatile URI upstreamEndpoint;

    /**
     * Binds 127.0.0.1 on the port; requests wait until {@link #start(URI)}.
     *
     * @param port   the port, or 0 for a free one
     * @param faults where faults come from
     * @throws IllegalStateException if the port is taken
     */
    public SqsFaultProxy(int port, FaultInjector faults) {
        this(port, faults, new QueuePolicies());
    }

    /**
     * Binds 127.0.0.1 on the port; requests wait until {@link #start(URI)}.
     *
     * @param port     the port, or 0 for a free one
     * @param faults   where faults come from
     * @param policies where the queues' {@code Policy} attributes, which ElasticMQ ignores, are kept
     * @throws IllegalStateException if the port is taken
     */
    public SqsFaultProxy(int port, FaultInjector faults, QueuePolicies policies) {
        this(port, faults, policies, Journal.discarding());
    }

    /**
     * Binds 127.0.0.1 on the port; requests wait until {@link #start(URI)}.
     *
     * @param port     the port, or 0 for a free one
     * @param faults   where faults come from
     * @param policies where the queues' {@code Policy} attributes, which ElasticMQ ignores, are kept
     * @param journal  where the attributes ElasticMQ does not keep are written, and restored from at start
     * @throws IllegalStateException if the port is taken
     */
    public SqsFaultProxy(int port, FaultInjector faults, QueuePolicies policies, Journal journal) {
        this.faults = Objects.requireNonNull(faults, "faults");
        this.attributeJournal = new QueueAttributeJournal(journal, policies, recordedAttributes);
        this.policyAttributes = new QueuePolicyAttributes(Objects.requireNonNull(policies, "policies"),
                this::queueExists);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LocalDefaults.HOST),
                    LocalDefaults.requirePort(port)), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + LocalDefaults.HOST + ":" + port, e);
        }
        this.endpoint = URI.create("http://" + LocalDefaults.HOST + ":" + server.getAddress().getPort());
        // A thread per request in flight, up to THREADS: long polls hold theirs and should not queue behind others.
        this.executor = HttpServers.boundedPool("local-sqs-proxy-" + INSTANCES.incrementAndGet(), THREADS,
                QUEUED_REQUESTS);
        server.setExecutor(executor);
        server.createContext("/", this::handle).getFilters().add(new RequestGuard(MAX_BODY_BYTES,
                () -> server.getAddress().getPort(), SqsFaultProxy::refuse));
    }

    /**
     * Starts forwarding to the SQS server.
     *
     * @param sqsEndpoint the server's endpoint, e.g. a {@code LocalSqs}'s
     * @return this proxy
     */
    public SqsFaultProxy start(URI sqsEndpoint) {
        Objects.requireNonNull(sqsEndpoint, "sqsEndpoint");
        if (closed.get()) {
            throw new IllegalStateException("the proxy is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the proxy already forwards to " + upstreamEndpoint);
        }
        this.upstreamEndpoint = sqsEndpoint;
        this.upstream = new LoopbackHttpClient(sqsEndpoint);
        server.start();
        LOG.info("SQS fault proxy listening on {}, forwarding to {}", endpoint, sqsEndpoint);
        return this;
    }

    /** The proxy's endpoint: give it to SQS clients whose requests may be faulted. */
    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The SQS server requests are forwarded to, or {@code null} before {@link #start(URI)}. */
    public URI upstream() {
        return upstreamEndpoint;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (started.get()) {
            server.stop(0);
        } else {
            // Never started: stop() would wait for a dispatcher that does not run; start and stop at once.
            server.start();
            server.stop(0);
        }
        LoopbackHttpClient client = upstream;
        if (client != null) {
            client.close(); // ends forwarded requests still waiting on ElasticMQ
        }
        if (!HttpServers.endPool(executor, 10)) {
            LOG.warn("SQS fault proxy threads did not end within 10 s");
        }
        LOG.info("SQS fault proxy on {} stopped", endpoint);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Headers requestHeaders = exchange.getRequestHeaders();
            String target = requestHeaders.getFirst("X-Amz-Target");
            boolean json = target != null;
            SqsCall call;
            try {
                call = json ? SqsCall.json(target.startsWith(JSON_TARGET_PREFIX)
                                ? target.substring(JSON_TARGET_PREFIX.length()) : null, body)
                        : queryCall(exchange, body);
            } catch (MalformedRequestException e) {
                sendError(exchange, false, new WireError(400, "MalformedQueryString", true, e.getMessage()));
                return;
            }
            String action = call.action();
            boolean internal = requestHeaders.containsKey(FaultInjector.INTERNAL_CALLER_HEADER);
            Operation operation = internal ? null : Operation.request(Service.SQS, action).orElse(null);

            FaultDecision decision = faults.decide(operation);
            decision.awaitDelay();
            if (decision.failsBeforeProcessing()) {
                sendError(exchange, json, decision.error(Service.SQS));
                return;
            }
            SqsCall checked = call;
            Optional<WireError> refusal = policyAttributes.refusal(call)
                    .or(() -> recordedAttributes.refusal(checked));
            if (refusal.isPresent()) {
                sendError(exchange, true, refusal.get());
                return;
            }
            SqsBatchEntries entries = json && !internal ? SqsBatchEntries.plan(faults, action, body) : null;
            LoopbackHttpClient.Response response;
            try {
                if (entries != null && entries.nothingToForward()) {
                    response = new LoopbackHttpClient.Response(200,
                            List.of(Map.entry("Content-Type", JSON_CONTENT_TYPE)), entries.localResponse());
                } else {
                    response = Forwarding.forward(exchange, upstream, entries != null ? entries.forwardedBody()
                            : forwardedBody(call));
                    if (entries != null && response.status() == 200) {
                        response = new LoopbackHttpClient.Response(200, response.headers(),
                                entries.merge(response.body()));
                    }
                }
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                LOG.warn("SQS fault proxy could not reach {}", upstreamEndpoint, e);
                sendError(exchange, json, new WireError(502, "InternalFailure", false,
                        "Local Ground Truth's SQS proxy could not reach the SQS server: " + e));
                return;
            }
            if (response.status() == 200) {
                response = new LoopbackHttpClient.Response(200, response.headers(),
                        recordedAttributes.afterSuccess(call, policyAttributes.afterSuccess(call, response.body())));
                attributeJournal.afterSuccess(call);
            }
            if (decision.failsAfterProcessing()) {
                sendError(exchange, json, decision.error(Service.SQS));
                return;
            }
            Forwarding.relay(exchange, response);
        }
    }

    /** The request body ElasticMQ gets: without the queue attributes the proxy keeps itself. */
    private static byte[] forwardedBody(SqsCall call) {
        return "CreateQueue".equals(call.action()) || "SetQueueAttributes".equals(call.action())
                ? call.bodyWithout(KEPT_ATTRIBUTES) : call.body();
    }

    /** The proxy's {@link io.github.sagemakerlabeling.local.http.ErrorResponder}, in the request's protocol. */
    private static void refuse(HttpExchange exchange, Refusal refusal, String message) throws IOException {
        String code = refusal == Refusal.TOO_LARGE ? "RequestEntityTooLarge" : "AccessDenied";
        sendError(exchange, exchange.getRequestHeaders().containsKey("X-Amz-Target"),
                new WireError(refusal.httpStatus(), code, true, message));
    }

    /** The error in the protocol's form: a JSON 1.0 error document or a query-protocol {@code ErrorResponse}. */
    private static void sendError(HttpExchange exchange, boolean json, WireError error) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String body;
        Headers headers = exchange.getResponseHeaders();
        headers.set("x-amzn-RequestId", requestId);
        if (json) {
            ObjectNode document = Json.mapper().createObjectNode()
                    .put("__type", "com.amazonaws.sqs#" + JSON_ERROR_TYPES.getOrDefault(error.code(), error.code()))
                    .put("message", error.message());
            body = Json.write(document);
            headers.set("Content-Type", JSON_CONTENT_TYPE);
            // SQS on JSON keeps its query-protocol error codes in this header; the SDK reads the code from it.
            headers.set("x-amzn-query-error", error.code() + ";" + error.type());
        } else {
            body = "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + QUERY_NAMESPACE + "\"><Error><Type>"
                    + error.type() + "</Type><Code>" + escape(error.code()) + "</Code><Message>"
                    + escape(error.message()) + "</Message><Detail/></Error><RequestId>" + requestId
                    + "</RequestId></ErrorResponse>";
            headers.set("Content-Type", "text/xml");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(error.httpStatus(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * A query-protocol request: its parameters from the query string and, for a form, the body.
     *
     * @throws MalformedRequestException if the query string or form body is not well formed
     */
    private static SqsCall queryCall(HttpExchange exchange, byte[] body) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean form = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        Map<String, String> params = FormDecoder.parameters(exchange.getRequestURI().getRawQuery(),
                form ? new String(body, StandardCharsets.UTF_8) : null);
        return SqsCall.query(params.get("Action"), exchange.getRequestURI().getPath(), params, body);
    }

    /** Whether ElasticMQ has a queue of this name (a {@code GetQueueUrl} it answers with 200). */
    private boolean queueExists(String queueName) {
        byte[] request = Json.write(Json.mapper().createObjectNode().put("QueueName", queueName))
                .getBytes(StandardCharsets.UTF_8);
        try {
            return upstream.send("POST", "/", List.of(Map.entry("Host", upstreamEndpoint.getAuthority()),
                    Map.entry("Content-Type", JSON_CONTENT_TYPE),
                    Map.entry("X-Amz-Target", JSON_TARGET_PREFIX + "GetQueueUrl")), request).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
