package io.github.sagemakerlabeling.local.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.consolidation.SegmentationMask;
import io.github.sagemakerlabeling.local.LocalService;
import io.github.sagemakerlabeling.local.http.HttpServers;
import io.github.sagemakerlabeling.local.http.Refusal;
import io.github.sagemakerlabeling.local.http.RequestGuard;
import io.github.sagemakerlabeling.local.sagemaker.LocalLabelingJob;
import io.github.sagemakerlabeling.local.workers.LabeledResults;
import io.github.sagemakerlabeling.local.workers.TaskPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The worker portal: people sign in by name (no passwords: it serves 127.0.0.1), see the jobs whose work teams label
 * with people, take the next task and label it in the job's own UI template, whose crowd HTML elements the portal
 * implements offline. Answers go to the {@link TaskPool}, the engine's own.
 *
 * <pre>
 * GET  /                          sign in, or the jobs with tasks waiting
 * POST /sign-in                   name=...: sets the worker cookie
 * GET  /jobs/{job}/next           takes the next task of a job and shows it
 * GET  /tasks/{id}                a task, rendered from the job's template
 * POST /api/jobs/{job}/take       JSON: the next task (id, task input, expiry)
 * POST /api/tasks/{id}/submit     JSON {"answerContent": {...}}: submits a task
 * GET  /api/work                  JSON: the jobs with tasks this worker may take
 * GET  /s3/{bucket}/{key}?grant=  an object a rendered template was granted ({@code grant_read_access})
 * GET  /assets/{file}             the portal's scripts and styles, crowd-html-elements.js among them
 * GET  /dashboard                 the jobs at a glance, updated live
 * GET  /api/dashboard             JSON: each job's status, counters, rate, throughput, workers, recent results
 * </pre>
 *
 * Requests pass a {@link RequestGuard}: a {@code Host} of this server (loopback, or the address it was told to bind),
 * no request from a page of another origin. With an access token ({@link PortalAccess}, required when binding any
 * address but 127.0.0.1) every request must carry it: {@code ?token=} on a first visit sets it as a cookie.
 */
public final class WorkerPortal implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPortal.class);
    static final String WORKER_COOKIE = "ground-truth-worker";
    /** The path under which the edge endpoint serves the portal. */
    public static final String EDGE_PREFIX = "/_local-ground-truth/portal";
    /** The header by which the edge tells the portal its prefix; only {@link #EDGE_PREFIX} is taken. */
    public static final String PREFIX_HEADER = "X-Forwarded-Prefix";
    /** Submissions are read up to 1 MiB; the guard takes a little more, for the JSON around them. */
    private static final long MAX_BODY_BYTES = 2L << 20;

    private final TaskPool pool;
    private final LabeledResults results;
    private final S3Client s3;
    private final ReadGrants grants;
    private final Clock clock;
    private final TaskPage taskPage;
    private final Supplier<List<LocalLabelingJob>> jobs;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PortalAccess access;
    private final URI endpoint;

    /**
     * Starts serving at once.
     *
     * @param port     the port, 0 for a free one
     * @param pool     the engine's tasks for people
     * @param s3       reads templates and granted objects from the stack's S3
     * @param grants   signs and checks {@code grant_read_access} URLs; told the portal's address here
     * @param renderer renders the jobs' templates
     * @param clock    the stack's clock, which task times and limits follow
     * @param jobs     the stack's labeling jobs, for the dashboard
     * @param results  what the jobs labeled, for the dashboard
     */
    public WorkerPortal(int port, TaskPool pool, S3Client s3, ReadGrants grants, TemplateRenderer renderer, Clock clock,
                        Supplier<List<LocalLabelingJob>> jobs, LabeledResults results) throws IOException {
        this(port, PortalAccess.loopback(), pool, s3, grants, renderer, clock, jobs, results);
    }

    /**
     * Starts serving at once, on the address and with the access token {@code access} says.
     *
     * @param port     the port, 0 for a free one
     * @param access   the address to bind and the token requests must carry, if any
     * @param pool     the engine's tasks for people
     * @param s3       reads templates and granted objects from the stack's S3
     * @param grants   signs and checks {@code grant_read_access} URLs; told the portal's address here
     * @param renderer renders the jobs' templates
     * @param clock    the stack's clock, which task times and limits follow
     * @param jobs     the stack's labeling jobs, for the dashboard
     * @param results  what the jobs labeled, for the dashboard
     */
    public WorkerPortal(int port, PortalAccess access, TaskPool pool, S3Client s3, ReadGrants grants,
                        TemplateRenderer renderer, Clock clock, Supplier<List<LocalLabelingJob>> jobs,
                        LabeledResults results) throws IOException {
        this.access = access;
        this.jobs = jobs;
        this.results = results;
        this.pool = pool;
        this.s3 = s3;
        this.grants = grants;
        this.clock = clock;
        this.taskPage = new TaskPage(s3, renderer);
        this.server = HttpServer.create(new InetSocketAddress(access.bindAddress(), LocalDefaults.requirePort(port)),
                0);
        this.endpoint = URI.create("http://" + host(access.bindAddress()) + ":" + server.getAddress().getPort());
        this.executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "local-worker-portal");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle).getFilters().add(new RequestGuard(MAX_BODY_BYTES,
                () -> server.getAddress().getPort(), WorkerPortal::refuse, otherHosts(access)));
        server.start();
        grants.portal(endpoint());
    }

    /** The portal's address: the bound address, or 127.0.0.1 when it binds every address. */
    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The URL to give people: with {@code ?token=...} when the portal has an access token. */
    public URI entryUrl() {
        return access.token().map(token -> endpoint.resolve("/?" + PortalAccess.TOKEN_PARAMETER + "=" + token))
                .orElse(endpoint);
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
        try (exchange) {
            try {
                route(exchange);
            } catch (PortalException e) {
                sendJson(exchange, e.status, Json.mapper().createObjectNode().put("error", e.getMessage()));
            } catch (TaskPool.TaskRefusedException e) {
                sendJson(exchange, 409, Json.mapper().createObjectNode().put("error", e.getMessage()));
            } catch (IllegalArgumentException e) {
                sendJson(exchange, 400, Json.mapper().createObjectNode().put("error", e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("Worker portal failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                sendJson(exchange, 500, Json.mapper().createObjectNode().put("error", "The portal failed: " + e));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (!admitted(exchange)) {
            return;
        }
        if (path.startsWith("/assets/") && "GET".equals(method)) {
            asset(exchange, path.substring("/assets/".length()));
        } else if (path.startsWith("/s3/") && "GET".equals(method)) {
            granted(exchange, path.substring("/s3/".length()));
        } else if (path.equals("/") && "GET".equals(method)) {
            Optional<String> worker = worker(exchange);
            sendHtml(exchange, 200, worker.isEmpty() ? Pages.signIn(null)
                    : Pages.jobs(worker.get(), pool.work(worker.get(), clock.instant()), query(exchange, "note")));
        } else if (path.equals("/sign-in") && "POST".equals(method)) {
            signIn(exchange);
        } else if (path.equals("/sign-out") && "POST".equals(method)) {
            exchange.getResponseHeaders().add("Set-Cookie", WORKER_COOKIE + "=; Path=/; Max-Age=0; SameSite=Strict");
            redirect(exchange, "/");
        } else if (path.startsWith("/jobs/") && path.endsWith("/next") && "GET".equals(method)) {
            String job = decode(path.substring("/jobs/".length(), path.length() - "/next".length()));
            String worker = requireWorker(exchange);
            Optional<TaskPool.Assignment> task = pool.take(job, worker, clock.instant());
            redirect(exchange, task.map(t -> "/tasks/" + t.id()).orElse("/?note=no-task"));
        } else if (path.startsWith("/tasks/") && "GET".equals(method)) {
            String worker = requireWorker(exchange);
            TaskPool.Assignment task = assigned(decode(path.substring("/tasks/".length())), worker);
            sendHtml(exchange, 200, taskPage.html(task));
        } else if (path.startsWith("/api/jobs/") && path.endsWith("/take") && "POST".equals(method)) {
            String job = decode(path.substring("/api/jobs/".length(), path.length() - "/take".length()));
            String worker = requireWorker(exchange);
            Optional<TaskPool.Assignment> task = pool.take(job, worker, clock.instant());
            if (task.isEmpty()) {
                throw new PortalException(404, "job '" + job + "' has no task for worker '" + worker + "' now");
            }
            sendJson(exchange, 200, describe(task.get()));
        } else if (path.startsWith("/api/tasks/") && path.endsWith("/submit") && "POST".equals(method)) {
            String id = decode(path.substring("/api/tasks/".length(), path.length() - "/submit".length()));
            submit(exchange, id, requireWorker(exchange));
        } else if (path.equals("/dashboard") && "GET".equals(method)) {
            sendHtml(exchange, 200, Pages.dashboard());
        } else if (path.equals("/api/dashboard") && "GET".equals(method)) {
            sendJson(exchange, 200, Dashboard.of(jobs.get(), pool, results, grants, clock.instant()));
        } else if (path.equals("/api/work") && "GET".equals(method)) {
            String worker = requireWorker(exchange);
            ArrayNode jobs = Json.mapper().createArrayNode();
            pool.work(worker, clock.instant()).forEach(work -> jobs.addObject().put("jobName", work.job().jobName())
                    .put("title", work.job().title()).put("tasksAvailable", work.tasksAvailable()));
            sendJson(exchange, 200, Json.mapper().createObjectNode().put("workerId", worker).set("jobs", jobs));
        } else {
            throw new PortalException(404, "no page " + method + " " + path);
        }
    }

    private void signIn(HttpExchange exchange) throws IOException {
        String name = form(exchange, "name").map(String::strip).orElse("");
        Optional<String> problem = Workers.problem(name);
        if (problem.isPresent()) {
            sendHtml(exchange, 400, Pages.signIn(problem.get()));
            return;
        }
        exchange.getResponseHeaders().add("Set-Cookie", WORKER_COOKIE + "=" + Workers.cookieValue(name)
                + "; Path=/; HttpOnly; SameSite=Strict");
        redirect(exchange, "/");
    }

    private void submit(HttpExchange exchange, String id, String worker) throws IOException {
        JsonNode body;
        try {
            body = Json.read(new String(exchange.getRequestBody().readNBytes(1 << 20), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the submission is not JSON: " + e.getOriginalMessage());
        }
        JsonNode content = body.get("answerContent");
        Optional<TaskPool.Assignment> task = pool.assignment(id, clock.instant());
        if (task.isPresent() && !task.get().workerId().equals(worker)) {
            throw new PortalException(403, "task '" + id + "' is assigned to another worker, not to '" + worker + "'");
        }
        task.filter(t -> t.job().taskType().filter(type -> type == TaskType.SEMANTIC_SEGMENTATION
                        || type == TaskType.SEMANTIC_SEGMENTATION_ADJUSTMENT).isPresent())
                .flatMap(t -> SegmentationMask.problem(content))
                .ifPresent(problem -> {
                    throw new IllegalArgumentException("task '" + id + "' takes a semantic segmentation: " + problem);
                });
        pool.submit(id, worker, content, clock.instant());
        ObjectNode response = Json.mapper().createObjectNode().put("submitted", id);
        task.ifPresent(t -> response.put("next", "/jobs/" + Workers.pathPart(t.job().jobName()) + "/next"));
        sendJson(exchange, 200, response);
    }

    private ObjectNode describe(TaskPool.Assignment task) {
        ObjectNode json = Json.mapper().createObjectNode().put("taskId", task.id()).put("workerId", task.workerId())
                .put("jobName", task.job().jobName()).put("datasetObjectId", task.object().datasetObjectId())
                .put("acceptedAt", task.acceptedAt().toString()).put("expiresAt", task.expiresAt().toString())
                .put("page", "/tasks/" + task.id());
        json.set("taskInput", TaskPage.taskInput(task));
        return json;
    }

    private TaskPool.Assignment assigned(String id, String worker) {
        TaskPool.Assignment task = pool.assignment(id, clock.instant()).orElseThrow(() -> new PortalException(404,
                "task '" + id + "' is not assigned: it was submitted, passed its time limit, or never existed"));
        if (!task.workerId().equals(worker)) {
            throw new PortalException(403, "task '" + id + "' is assigned to another worker");
        }
        return task;
    }

    private void granted(HttpExchange exchange, String rawPath) throws IOException {
        int slash = rawPath.indexOf('/');
        if (slash <= 0) {
            throw new PortalException(404, "no object " + rawPath);
        }
        ReadGrants.S3Object object = new ReadGrants.S3Object(decode(rawPath.substring(0, slash)),
                decode(rawPath.substring(slash + 1)));
        if (!grants.allows(object, query(exchange, "grant").orElse(null))) {
            throw new PortalException(403, "no read access was granted to s3://" + object.bucket() + "/" + object.key());
        }
        ResponseBytes<GetObjectResponse> bytes;
        try {
            bytes = s3.getObjectAsBytes(b -> b.bucket(object.bucket()).key(object.key()));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new PortalException(404, "no object s3://" + object.bucket() + "/" + object.key());
        }
        String type = Optional.ofNullable(bytes.response().contentType()).orElse("application/octet-stream");
        send(exchange, 200, type, bytes.asByteArray());
    }

    private void asset(HttpExchange exchange, String name) throws IOException {
        if (!name.matches("[a-z0-9-]+\\.(js|css|png|svg)")) {
            throw new PortalException(404, "no asset " + name);
        }
        try (InputStream in = WorkerPortal.class.getResourceAsStream("/portal/assets/" + name)) {
            if (in == null) {
                throw new PortalException(404, "no asset " + name);
            }
            String type = name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".svg") ? "image/svg+xml" : "image/png";
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private String requireWorker(HttpExchange exchange) {
        return worker(exchange).orElseThrow(() -> new PortalException(401, "sign in first: no worker cookie"));
    }

    private static Optional<String> worker(HttpExchange exchange) {
        return cookie(exchange, WORKER_COOKIE).flatMap(Workers::fromCookieValue);
    }

    /**
     * Whether the request carries the portal's access token (always, when it has none). A first visit with a valid
     * {@code ?token=} gets the token as a cookie and is sent to the same page without it, out of the address bar.
     */
    private boolean admitted(HttpExchange exchange) throws IOException {
        if (access.token().isEmpty()) {
            return true;
        }
        Optional<String> fromQuery = query(exchange, PortalAccess.TOKEN_PARAMETER);
        if (fromQuery.isPresent() && access.admits(fromQuery.get())) {
            exchange.getResponseHeaders().add("Set-Cookie", PortalAccess.TOKEN_COOKIE + "=" + fromQuery.get()
                    + "; Path=/; HttpOnly; SameSite=Strict");
            if ("GET".equals(exchange.getRequestMethod())) {
                redirect(exchange, exchange.getRequestURI().getRawPath());
                return false;
            }
            return true;
        }
        if (access.admits(cookie(exchange, PortalAccess.TOKEN_COOKIE).orElse(null))) {
            return true;
        }
        sendHtml(exchange, 401, Html.page("Access token needed", "<main class=\"narrow\"><h1>This portal needs its "
                + "access token</h1><p>Open the portal with the address its operator gave you, the one ending in "
                + "<code>?token=…</code>.</p></main>"));
        return false;
    }

    private static Optional<String> cookie(HttpExchange exchange, String name) {
        return exchange.getRequestHeaders().getOrDefault("Cookie", List.of()).stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(";")))
                .map(String::strip)
                .filter(cookie -> cookie.startsWith(name + "="))
                .map(cookie -> cookie.substring(name.length() + 1))
                .findFirst();
    }

    private static Set<String> otherHosts(PortalAccess access) {
        if (!access.isExplicit()) {
            return Set.of();
        }
        if (access.bindAddress().isAnyLocalAddress()) {
            return Set.of("*"); // every address: the access token is the check
        }
        return new HashSet<>(List.of(host(access.bindAddress()), access.bindAddress().getHostName()));
    }

    private static String host(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return LocalDefaults.HOST;
        }
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    private static void refuse(HttpExchange exchange, Refusal refusal, String message) throws IOException {
        sendJson(exchange, refusal.httpStatus(), Json.mapper().createObjectNode().put("error", message));
    }

    private static Optional<String> query(HttpExchange exchange, String name) {
        return parameter(exchange.getRequestURI().getRawQuery(), name);
    }

    private static Optional<String> form(HttpExchange exchange, String name) throws IOException {
        return parameter(new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8), name);
    }

    private static Optional<String> parameter(String encoded, String name) {
        if (encoded == null) {
            return Optional.empty();
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && decode(pair.substring(0, equals)).equals(name)) {
                return Optional.of(decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PortalException(400, "malformed percent-encoding in '" + text + "'");
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", prefix(exchange) + location);
        exchange.sendResponseHeaders(303, -1);
    }

    private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8",
                Html.underPrefix(html, prefix(exchange)).getBytes(StandardCharsets.UTF_8));
    }

    /** The path the portal is under for this request: the edge's prefix, or none. */
    private static String prefix(HttpExchange exchange) {
        return EDGE_PREFIX.equals(exchange.getRequestHeaders().getFirst(PREFIX_HEADER)) ? EDGE_PREFIX : "";
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode json) throws IOException {
        send(exchange, status, "application/json", Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A request the portal refuses, with its HTTP status. */
    private static final class PortalException extends RuntimeException {
        private final int status;

        PortalException(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
