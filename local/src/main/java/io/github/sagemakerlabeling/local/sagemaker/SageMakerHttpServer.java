package io.github.sagemakerlabeling.local.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.json.SdkJson;
import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.LocalService;
import io.github.sagemakerlabeling.local.faults.FaultDecision;
import io.github.sagemakerlabeling.local.faults.FaultInjector;
import io.github.sagemakerlabeling.local.faults.Operation;
import io.github.sagemakerlabeling.local.faults.Operation.Service;
import io.github.sagemakerlabeling.local.faults.WireError;
import io.github.sagemakerlabeling.local.http.HttpServers;
import io.github.sagemakerlabeling.local.http.Refusal;
import io.github.sagemakerlabeling.local.http.RequestGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsForWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.StopLabelingJobRequest;

/**
 * The SageMaker labeling-job API on AWS JSON 1.1, bound to 127.0.0.1: {@code POST /} with
 * {@code X-Amz-Target: SageMaker.<Operation>}. Point a {@code SageMakerClient} at {@link #endpoint()}.
 */
public final class SageMakerHttpServer implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(SageMakerHttpServer.class);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String TARGET_PREFIX = "SageMaker.";
    /** A CreateLabelingJob request with a 128 KiB task template inline is far below this. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    static {
        HttpServers.configure();
    }

    private final LabelingJobApi api;
    private final FaultInjector faults;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, Function<JsonNode, JsonNode>> moreOperations = new ConcurrentHashMap<>();

    /**
     * Starts serving at once.
     *
     * @param api  the operations
     * @param port the port, or 0 for a free one
     */
    public SageMakerHttpServer(LabelingJobApi api, int port) throws IOException {
        this(api, port, new FaultInjector());
    }

    /**
     * Starts serving at once, with faults from an injector (see {@link FaultInjector}).
     *
     * @param api    the operations
     * @param port   the port, or 0 for a free one
     * @param faults where faults for requests come from
     */
    public SageMakerHttpServer(LabelingJobApi api, int port, FaultInjector faults) throws IOException {
        this.api = api;
        this.faults = faults;
        this.server = HttpServer.create(new InetSocketAddress(LocalDefaults.HOST, LocalDefaults.requirePort(port)), 0);
        this.executor = HttpServers.boundedPool("local-sagemaker-http", 4, 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle).getFilters().add(new RequestGuard(MAX_BODY_BYTES,
                () -> server.getAddress().getPort(), SageMakerHttpServer::refuse));
        server.start();
    }

    /**
     * Serves one more operation beside the labeling-job ones, e.g. {@code RenderUiTemplate}.
     *
     * @param operation the operation's name, as in {@code X-Amz-Target: SageMaker.<operation>}
     * @param request   a new builder of the operation's request
     * @param handler   the operation: the request to its response
     */
    public <B extends SdkPojo> void serve(String operation, Supplier<B> request, Function<B, SdkPojo> handler) {
        moreOperations.put(operation, body -> SdkJson.toJson(handler.apply(parse(request.get(), body))));
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.stop(0);
        HttpServers.endPool(executor, 5);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            try {
                JsonNode response = dispatch(exchange);
                send(exchange, 200, response == null ? "" : Json.write(response));
            } catch (SageMakerApiException e) {
                send(exchange, e.httpStatus(), error(e.code(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("SageMaker stand-in failed on request {}", requestId, e);
                send(exchange, 500, error("InternalFailure", "The stand-in failed: " + e));
            }
        }
    }

    private JsonNode dispatch(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new SageMakerApiException(SageMakerApiException.UNKNOWN_OPERATION,
                    "AWS JSON 1.1 takes POST requests, not " + exchange.getRequestMethod());
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
        JsonNode body = body(exchange.getRequestBody());
        FaultDecision fault = exchange.getRequestHeaders().containsKey(FaultInjector.INTERNAL_CALLER_HEADER)
                ? FaultDecision.NONE : faults.decide(Operation.request(Service.SAGEMAKER, operation).orElse(null));
        fault.awaitDelay();
        if (fault.failsBeforeProcessing()) {
            throw injected(fault);
        }
        JsonNode response = invoke(operation, target, body);
        if (fault.failsAfterProcessing()) {
            throw injected(fault);
        }
        return response;
    }

    private static SageMakerApiException injected(FaultDecision fault) {
        WireError error = fault.error(Service.SAGEMAKER);
        return new SageMakerApiException(error.code(), error.message(), error.httpStatus());
    }

    private JsonNode invoke(String operation, String target, JsonNode body) {
        Function<JsonNode, JsonNode> more = moreOperations.get(operation);
        if (more != null) {
            return more.apply(body);
        }
        return switch (operation) {
            case "CreateLabelingJob" -> SdkJson.toJson(api.create(parse(CreateLabelingJobRequest.builder(), body).build()));
            case "DescribeLabelingJob" -> SdkJson.toJson(api.describe(
                    parse(DescribeLabelingJobRequest.builder(), body).build()));
            case "ListLabelingJobs" -> SdkJson.toJson(api.list(parse(ListLabelingJobsRequest.builder(), body).build()));
            case "ListLabelingJobsForWorkteam" -> SdkJson.toJson(api.listForWorkteam(
                    parse(ListLabelingJobsForWorkteamRequest.builder(), body).build()));
            case "StopLabelingJob" -> {
                api.stop(parse(StopLabelingJobRequest.builder(), body).build());
                yield null;
            }
            default -> throw new SageMakerApiException(SageMakerApiException.UNKNOWN_OPERATION,
                    "Local Ground Truth does not serve the operation '" + target + "'; it serves "
                            + "CreateLabelingJob, DescribeLabelingJob, ListLabelingJobs, ListLabelingJobsForWorkteam "
                            + "and StopLabelingJob");
        };
    }

    private static <B extends SdkPojo> B parse(B builder, JsonNode body) {
        try {
            return SdkJson.fill(builder, body);
        } catch (IllegalArgumentException e) {
            throw new SageMakerApiException(SageMakerApiException.SERIALIZATION, e.getMessage());
        }
    }

    private static JsonNode body(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.read(text);
        } catch (JsonProcessingException e) {
            throw new SageMakerApiException(SageMakerApiException.SERIALIZATION,
                    "The request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static void refuse(HttpExchange exchange, Refusal refusal, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        String code = refusal == Refusal.TOO_LARGE ? "RequestEntityTooLargeException" : "AccessDeniedException";
        send(exchange, refusal.httpStatus(), error(code, message));
    }

    private static String error(String code, String message) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("__type", code);
        error.put("Message", message);
        return Json.write(error);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
