package io.github.sagemakerlabeling.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.dataobject.DataObjectCodec;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Issue 13's portal benchmark: 50 simulated people (one {@code java.net.http} client each, signed in under their
 * own name) work a bounding-box job whose work team labels with people, each looping
 * <em>take the next task and load its page</em> ({@code GET /jobs/{job}/next}, its redirect to {@code /tasks/{id}},
 * the job's template rendered with Liquid) then <em>submit</em> ({@code POST /api/tasks/{id}/submit}), as fast as
 * the portal answers. A warm-up job of the same kind runs first, unmeasured. Afterwards every accepted submission
 * must be in the worker-response files exactly once, with the box the worker sent, and every object must have
 * exactly one output line on the output queue.
 *
 * <p>The stack runs in this JVM, so the clients and the portal share the machine's cores, as a person's browser
 * and a laptop's stack would. Run: {@code java @benchmarks/target/benchmark.args portal [quick]}.
 */
final class PortalBenchmark {

    /** Issue 13's targets. */
    private static final double TARGET_SUBMIT_P99_MILLIS = 100;
    private static final double TARGET_PAGE_P50_MILLIS = 300;
    private static final Pattern OBJECT = Pattern.compile("<span class=\"task-meta\">object (\\d+) ");
    private static final String TEMPLATE = "/io/github/sagemakerlabeling/camel/job/templates/boundingBox.liquid.html";
    private static final List<String> LABELS = List.of("car", "bicycle", "person");

    private final Settings settings;
    private final DataObjectCodec codec = new DataObjectCodec();
    private final OutputLineParser parser = new OutputLineParser();
    private LocalGroundTruth local;
    private SnsClient sns;
    private SqsClient sqs;
    private S3Client s3;
    private SageMakerClient sageMaker;

    /**
     * How much to run.
     *
     * @param workers        simulated people, one client and thread each
     * @param warmupObjects  objects of the unmeasured warm-up job
     * @param objects        objects of the measured job ({@code MaxConcurrentTaskCount} is set to it: all open at once)
     * @param perObject      {@code NumberOfHumanWorkersPerDataObject}
     */
    record Settings(String name, int workers, int warmupObjects, int objects, int perObject) {
        static final Settings FULL = new Settings("full", 50, 200, 1_000, 3);
        static final Settings QUICK = new Settings("quick", 50, 50, 150, 3);
    }

    private PortalBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Arguments after {@code portal}: optionally {@code quick} or {@code full}. */
    static void main(List<String> args) throws Exception {
        new PortalBenchmark(!args.isEmpty() && args.get(0).equals("quick") ? Settings.QUICK : Settings.FULL).run();
    }

    private void run() throws Exception {
        long began = System.nanoTime();
        System.out.printf(Locale.ROOT, "== Worker portal: %d people (HTTP clients), bounding-box job, %d objects x %d"
                        + " people each (%s)%n", settings.workers, settings.objects, settings.perObject, settings.name);
        row("cores (availableProcessors)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        row("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        row("load average (1 min) at start", loadAverage());
        row("date", Instant.now().toString());
        try (LocalGroundTruth stack = LocalGroundTruth.builder()
                .engineSettings(EngineSettings.defaults().withInitializingDelay(Duration.ZERO))
                .workforces(WorkforcePlan.of(WorkforceMode.PEOPLE)) // after engineSettings, which replaces it
                .start()) {
            local = stack;
            sns = stack.snsClient();
            sqs = stack.sqsClient();
            s3 = stack.s3Client();
            sageMaker = stack.sageMakerClient();
            s3.createBucket(b -> b.bucket("portal-bench"));
            s3.putObject(b -> b.bucket("portal-bench").key("config.json"),
                    RequestBody.fromString(LabelCategoryConfig.of(LABELS.toArray(String[]::new)).toJson()));
            try (InputStream template = Objects.requireNonNull(PortalBenchmark.class.getResourceAsStream(TEMPLATE),
                    TEMPLATE)) {
                s3.putObject(b -> b.bucket("portal-bench").key("template.html"),
                        RequestBody.fromBytes(template.readAllBytes()));
            }
            byte[] image = png();
            int images = Math.max(settings.warmupObjects, settings.objects);
            for (int i = 0; i < images; i++) {
                int n = i;
                s3.putObject(b -> b.bucket("portal-bench").key("images/" + n + ".png").contentType("image/png"),
                        RequestBody.fromBytes(image));
            }
            Round warmup = round("portal-warmup", settings.warmupObjects);
            row("warm-up job", warmup.submissions.size() + " submissions in " + seconds(warmup.wallNanos)
                    + " (not measured)");
            Round measured = round("portal-bench", settings.objects);
            report(measured);
            System.out.printf(Locale.ROOT, "  run took %d s, load average (1 min) at its end %s%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), loadAverage());
        } finally {
            for (AutoCloseable client : new AutoCloseable[] {sns, sqs, s3, sageMaker}) {
                if (client != null) {
                    client.close();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ one round

    /** An accepted submission: who answered which object with which box. */
    private record Submission(String workerId, int object, int left, String label) {
    }

    /** What a round measured and what the job gave back. */
    private record Round(String job, int objects, List<Submission> submissions, Samples page, Samples render,
                         Samples submit, int noTask, Map<Integer, Integer> refused, long wallNanos, long cpuNanos,
                         LabelCounters counters, Map<String, Integer> outputLines, Map<String, Integer> responses,
                         int wrongAnswers) {
    }

    private Round round(String job, int objects) throws Exception {
        String queue = createJob(job, objects);
        publish(job, objects);
        URI portal = local.portalEndpoint();
        int expected = objects * settings.perObject;
        AtomicInteger accepted = new AtomicInteger();
        ConcurrentLinkedQueue<Submission> submissions = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> page = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> render = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> submit = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        AtomicInteger noTask = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        CountDownLatch ready = new CountDownLatch(settings.workers);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        for (int w = 0; w < settings.workers; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                try {
                    Person person = new Person(portal, "person-" + worker);
                    ready.countDown();
                    go.await();
                    while (accepted.get() < expected && System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        HttpResponse<String> next = person.get("/jobs/" + job + "/next");
                        String location = next.headers().firstValue("Location").orElse("");
                        if (next.statusCode() != 303 || !location.startsWith("/tasks/")) {
                            noTask.incrementAndGet();
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                            continue;
                        }
                        long taken = System.nanoTime();
                        HttpResponse<String> task = person.get(location);
                        long shown = System.nanoTime();
                        Matcher matcher = OBJECT.matcher(task.body());
                        if (task.statusCode() != 200 || !matcher.find()) {
                            throw new IllegalStateException("task page " + location + " answered "
                                    + task.statusCode() + ": " + task.body());
                        }
                        page.add(shown - start);
                        render.add(shown - taken);
                        int object = Integer.parseInt(matcher.group(1));
                        int left = 10 + worker;
                        String label = LABELS.get((object + worker) % LABELS.size());
                        String id = location.substring("/tasks/".length());
                        long sending = System.nanoTime();
                        HttpResponse<String> answer = person.post("/api/tasks/" + id + "/submit",
                                "{\"answerContent\":{\"boundingBox\":{\"boundingBoxes\":[{\"height\":40,\"label\":\""
                                        + label + "\",\"left\":" + left + ",\"top\":20,\"width\":60}],"
                                        + "\"inputImageProperties\":{\"height\":240,\"width\":320}}}}");
                        submit.add(System.nanoTime() - sending);
                        if (answer.statusCode() == 200) {
                            submissions.add(new Submission(person.name, object, left, label));
                            accepted.incrementAndGet();
                        } else {
                            refused.merge(answer.statusCode(), 1, Integer::sum);
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                    ready.countDown();
                }
            }, "portal-bench-person-" + w);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
                if (thread.isAlive()) {
                    System.out.printf(Locale.ROOT, "    ... %d of %d submissions, %d takes found no task, refused %s;"
                            + " %s%n", accepted.get(), expected, noTask.get(), refused, describe(job));
                }
            }
        }
        long wall = System.nanoTime() - started;
        long cpu = processCpuNanos() - cpuBefore;
        if (!errors.isEmpty()) {
            throw new IllegalStateException("a person failed", errors.peek());
        }
        LabelCounters counters = awaitLabeled(job, objects);
        Map<String, Integer> lines = outputLines(queue, objects);
        stop(job);
        Map<String, Integer> responses = new HashMap<>();
        int wrong = workerResponses(job, List.copyOf(submissions), responses);
        return new Round(job, objects, List.copyOf(submissions), samples(page), samples(render), samples(submit),
                noTask.get(), refused, wall, cpu, counters, lines, responses, wrong);
    }

    private void report(Round round) {
        System.out.println();
        System.out.printf(Locale.ROOT, "  %d submissions by %d people in %s: %.0f submissions/s%n",
                round.submissions.size(), settings.workers, seconds(round.wallNanos),
                round.submissions.size() / (round.wallNanos / 1e9));
        row("task page (take + page with template)", round.page.summaryMillis());
        row("  the page alone (GET /tasks/{id})", round.render.summaryMillis());
        row("submission (POST /api/tasks/{id}/submit)", round.submit.summaryMillis());
        row("CPU per answered task (take, page, submit)", String.format(Locale.ROOT, "%.2f ms, the clients' included"
                + " (process CPU time / submissions)", round.cpuNanos / 1e6 / Math.max(1, round.submissions.size())));
        row("no task free at a take (retried 50 ms later)", Integer.toString(round.noTask));
        row("submissions refused", round.refused.isEmpty() ? "none" : round.refused.toString());
        row("job counters", "totalLabeled " + round.counters.totalLabeled() + " of " + round.objects + ", failed "
                + round.counters.failedNonRetryableError() + ", unlabeled " + round.counters.unlabeled());
        long outputTwice = round.outputLines.values().stream().filter(n -> n > 1).count();
        row("output lines", round.outputLines.values().stream().mapToInt(Integer::intValue).sum() + " for "
                + round.outputLines.size() + " objects (" + outputTwice + " objects twice or more)");
        Map<String, Integer> sent = new HashMap<>();
        round.submissions.forEach(s -> sent.merge(s.object + "/" + s.workerId, 1, Integer::sum));
        long lost = sent.keySet().stream().filter(key -> !round.responses.containsKey(key)).count();
        long doubled = round.responses.entrySet().stream()
                .filter(e -> e.getValue() > 1 || !sent.containsKey(e.getKey())).count();
        long sentTwice = sent.values().stream().filter(n -> n > 1).count();
        int answers = round.responses.values().stream().mapToInt(Integer::intValue).sum();
        row("answers in worker-response files", answers + " for " + round.submissions.size() + " accepted submissions");
        row("  lost (accepted, not in the files)", Long.toString(lost));
        row("  double-counted (twice, or never accepted)", Long.toString(doubled + sentTwice));
        row("  with another box than the one sent", Integer.toString(round.wrongAnswers));
        boolean exact = lost == 0 && doubled == 0 && sentTwice == 0 && round.wrongAnswers == 0
                && round.submissions.size() == round.objects * settings.perObject
                && round.outputLines.size() == round.objects && outputTwice == 0;
        System.out.println();
        System.out.println("| measure | target | measured | met |");
        System.out.println("| --- | --- | --- | --- |");
        System.out.printf(Locale.ROOT, "| submission p99 | <= 100 ms | %s ms | %s |%n",
                Samples.millis(round.submit.percentile(0.99)),
                met(round.submit.percentile(0.99) / 1e6 <= TARGET_SUBMIT_P99_MILLIS));
        System.out.printf(Locale.ROOT, "| task page p50 (take + page) | <= 300 ms | %s ms | %s |%n",
                Samples.millis(round.page.median()), met(round.page.median() / 1e6 <= TARGET_PAGE_P50_MILLIS));
        System.out.printf(Locale.ROOT, "| answers lost / double-counted | 0 / 0 | %d / %d | %s |%n", lost,
                doubled + sentTwice, met(exact));
    }

    // ---------------------------------------------------------------------------------------------------- the job

    /** Creates the job and its output queue; returns the queue's URL once the job is InProgress. */
    private String createJob(String job, int objects) {
        String input = sns.createTopic(b -> b.name(job + "-input")).topicArn();
        String output = sns.createTopic(b -> b.name(job + "-output")).topicArn();
        String queue = sqs.createQueue(b -> b.queueName(job + "-output")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43200"))).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(output).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        LabelingJobSpec spec = LabelingJobSpec.builder()
                .region(local.region())
                .taskType(TaskType.BOUNDING_BOX)
                .labelingJobName(job)
                .labelAttributeName("vehicles")
                .inputSnsTopicArn(input)
                .outputSnsTopicArn(output)
                .s3OutputPath("s3://portal-bench/output")
                .roleArn("arn:aws:iam::" + local.accountId() + ":role/GroundTruth")
                .labelCategoryConfigS3Uri("s3://portal-bench/config.json")
                .workteamArn("arn:aws:sagemaker:" + local.region() + ":" + local.accountId()
                        + ":workteam/private-crowd/people")
                .uiTemplateS3Uri("s3://portal-bench/template.html")
                .taskTitle("Vehicles")
                .taskDescription("Box the vehicles")
                .numberOfHumanWorkersPerDataObject(settings.perObject)
                .maxConcurrentTaskCount(objects)
                .taskTimeLimitInSeconds(600)
                .taskAvailabilityLifetimeInSeconds(3600)
                .build();
        sageMaker.createLabelingJob(spec.toCreateRequest());
        awaitStatus(job, LabelingJobStatus.IN_PROGRESS);
        return queue;
    }

    private void publish(String job, int objects) {
        String topic = sns.listTopics().topics().stream().map(t -> t.topicArn())
                .filter(arn -> arn.endsWith(":" + job + "-input")).findFirst().orElseThrow();
        for (int from = 0; from < objects; from += 10) {
            List<PublishBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(objects, from + 10); i++) {
                entries.add(PublishBatchRequestEntry.builder().id("m" + i).message(codec.encode(
                        DataObject.s3("s3://portal-bench/images/" + i + ".png")).manifestLine()).build());
            }
            var response = sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("publishing failed: " + response.failed());
            }
        }
    }

    private LabelCounters awaitLabeled(String job, int objects) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            LabelCounters counters = sageMaker.describeLabelingJob(b -> b.labelingJobName(job)).labelCounters();
            if (counters.totalLabeled() + counters.failedNonRetryableError() >= objects || System.nanoTime() > until) {
                return counters;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private String describe(String job) {
        var described = sageMaker.describeLabelingJob(b -> b.labelingJobName(job));
        return described.labelingJobStatusAsString() + ", " + described.labelCounters().totalLabeled() + " labeled"
                + (described.failureReason() == null ? "" : " " + described.failureReason());
    }

    private void stop(String job) {
        sageMaker.stopLabelingJob(b -> b.labelingJobName(job));
        awaitStatus(job, LabelingJobStatus.STOPPED);
    }

    private void awaitStatus(String job, LabelingJobStatus status) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sageMaker.describeLabelingJob(b -> b.labelingJobName(job)).labelingJobStatus() != status) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("job " + job + " is not " + status + " after 60 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** The output lines received, by their object's {@code source-ref}; waits up to 10 s without a new line. */
    private Map<String, Integer> outputLines(String queue, int objects) {
        Map<String, Integer> lines = new HashMap<>();
        int received = 0;
        while (received < objects) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(10)).messages();
            if (messages.isEmpty()) {
                break;
            }
            for (Message message : messages) {
                LabelingResult result = parser.parse(message.body());
                lines.merge(result.sourceRef().orElse("?"), 1, Integer::sum);
                received++;
            }
        }
        return lines;
    }

    /**
     * Counts the answers of the job's worker-response files into {@code responses} by {@code object/workerId}, and
     * returns how many carry another box than the accepted submission of that worker for that object.
     */
    private int workerResponses(String job, List<Submission> submissions, Map<String, Integer> responses)
            throws IOException {
        Map<String, Submission> byKey = new HashMap<>();
        submissions.forEach(s -> byKey.put(s.object + "/" + s.workerId, s));
        String prefix = "output/" + job + "/annotations/worker-response/iteration-1/";
        int wrong = 0;
        for (S3Object file : s3.listObjectsV2Paginator(b -> b.bucket("portal-bench").prefix(prefix)).contents()) {
            int object = Integer.parseInt(file.key().substring(prefix.length(), file.key().indexOf('/',
                    prefix.length())));
            JsonNode answers = Json.read(s3.getObjectAsBytes(b -> b.bucket("portal-bench").key(file.key()))
                    .asUtf8String()).get("answers");
            for (JsonNode answer : answers) {
                String key = object + "/" + answer.get("workerId").textValue();
                responses.merge(key, 1, Integer::sum);
                JsonNode box = answer.at("/answerContent/boundingBox/boundingBoxes/0");
                Submission sent = byKey.get(key);
                if (sent == null || box.get("left").intValue() != sent.left
                        || !box.get("label").textValue().equals(sent.label)) {
                    wrong++;
                }
            }
        }
        return wrong;
    }

    // ------------------------------------------------------------------------------------------------- a person

    /** One simulated person: their own HTTP client and cookie, signed in under their name. */
    private static final class Person {
        private final URI portal;
        private final String name;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        Person(URI portal, String name) throws IOException, InterruptedException {
            this.portal = portal;
            this.name = name;
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(portal.resolve("/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=" + name)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 303) {
                throw new IllegalStateException("sign-in answered " + signedIn.statusCode());
            }
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(portal.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(portal.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** A 320 x 240 PNG, the image of every object. */
    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < 240; y++) {
                image.setRGB(x, y, (x * 255 / 320) << 16 | (y * 255 / 240) << 8 | 0x80);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Samples samples(ConcurrentLinkedQueue<Long> values) {
        return new Samples(values.stream().mapToLong(Long::longValue).toArray());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static void row(String name, String value) {
        System.out.printf(Locale.ROOT, "  %-48s %s%n", name, value);
    }
}
