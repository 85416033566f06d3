package io.github.sagemakerlabeling.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.consolidation.ConsolidatedLabel;
import io.github.sagemakerlabeling.local.consolidation.OutputLineBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Issue #6: the component against the alternatives, on Local Ground Truth run by its launcher in a JVM of its own
 * (started here with this JVM's class path, read from its standard output, stopped with SIGTERM at the end), so the
 * stack's memory and threads never count against the measured app. Four parts, each comparison side by side in one run:
 *
 * <ol>
 *   <li>{@code feeding}: 20,000 texts into a topic with the component ({@code batching=true}), a hand-wired
 *       {@code aws2-sns} route (one Publish per exchange), a raw SDK PublishBatch loop (the floor) and the component
 *       with a 20 ms step after the endpoint (issue 11);</li>
 *   <li>{@code consuming}: 20,000 output lines from identical pre-filled queues with the component's consumer and a
 *       hand-wired {@code aws2-sqs} route with a Jackson unmarshal;</li>
 *   <li>{@code large}: one 1 GiB generated stream sent with {@code sendDataObject} from a child JVM with
 *       {@code -Xmx128m}, checked by SHA-256 against what S3 returns;</li>
 *   <li>{@code latency}: send to onward route through a streaming job with a zero-delay annotator.</li>
 * </ol>
 *
 * <p>Run: {@code java @benchmarks/target/benchmark.args component [quick] [feeding,consuming,large,latency]}.
 */
public final class ComponentBenchmark {

    static final Set<String> PARTS = new LinkedHashSet<>(List.of("feeding", "consuming", "large", "latency"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** The measured objects of each variant go in this many slices, the variants taking turns. */
    private static final int SLICES = 5;

    /** Targets of issue #6. */
    private static final double TARGET_FEED_VS_HANDWIRED = 5.0;
    private static final double TARGET_FEED_VS_FLOOR = 0.8;
    private static final double TARGET_SNS_REQUESTS_PER_1000 = 110;
    /** Issue 11, item 6: the blocking step after the endpoint in feeding variant (e). */
    private static final int SLOW_STEP_MILLIS = 20;
    private static final double TARGET_CONSUME_VS_HANDWIRED = 1.0;
    private static final double TARGET_SQS_REQUESTS_PER_1000 = 250;

    /** Set in the JVM that runs on the snapshot of the class path: the snapshot's directory. */
    private static final String SNAPSHOT_PROPERTY = "bench.classPathSnapshot";

    private final Settings settings;
    private final Set<String> parts;
    private final List<String[]> summary = new ArrayList<>();
    private LauncherProcess launcher;
    private String region;
    private String account;
    private SnsClient adminSns;
    private SqsClient adminSqs;
    private S3Client adminS3;
    private SageMakerClient sageMaker;

    record Settings(String name, int objects, int warmupObjects, int feedCallers, int floorThreads,
                    int consumers, long largeBytes, int latencyWarmup, int latencyObjects) {
        static final Settings FULL = new Settings("full", 20_000, 8_000, 40, 4, 2, 1L << 30, 200, 1_000);
        static final Settings QUICK = new Settings("quick", 1_000, 300, 40, 4, 2, 64L << 20, 20, 100);
    }

    private ComponentBenchmark(Settings settings, Set<String> parts) {
        this.settings = settings;
        this.parts = parts;
    }

    /** Arguments after {@code component}: optionally {@code quick} or {@code full}, then optionally the parts. */
    static void main(List<String> args) throws Exception {
        if (System.getProperty(SNAPSHOT_PROPERTY) == null) {
            System.exit(runOnSnapshot(args));
        }
        Settings settings = Settings.FULL;
        List<String> rest = new ArrayList<>(args);
        if (!rest.isEmpty() && (rest.get(0).equals("quick") || rest.get(0).equals("full"))) {
            settings = rest.remove(0).equals("quick") ? Settings.QUICK : Settings.FULL;
        }
        Set<String> parts = rest.isEmpty() ? PARTS : new LinkedHashSet<>(List.of(rest.get(0).split(",")));
        if (!PARTS.containsAll(parts)) {
            System.err.println("usage: component [quick|full] [" + String.join(",", PARTS) + "]");
            System.exit(2);
        }
        int objects = Integer.getInteger("bench.objects", settings.objects());
        if (objects != settings.objects()) {
            settings = new Settings(settings.name() + ", " + objects + " objects", objects,
                    Math.min(settings.warmupObjects(), objects), settings.feedCallers(), settings.floorThreads(),
                    settings.consumers(), settings.largeBytes(), settings.latencyWarmup(), settings.latencyObjects());
        }
        new ComponentBenchmark(settings, parts).run();
    }

    /**
     * Runs the benchmark in a child JVM on a private copy of the project's own class path entries (this module's
     * classes and the project's jars, which a build of {@code -pl benchmarks} takes from the shared local repository):
     * another worktree's {@code mvn install} replaced the {@code local} jar under a running launcher once, and every
     * class the launcher had not loaded yet was gone. The launcher and the large-binary child get the same copy. This
     * JVM only waits; nothing it holds is measured.
     */
    private static int runOnSnapshot(List<String> args) throws Exception {
        Path snapshot = Files.createTempDirectory("bench-class-path-");
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            // The project's own: its jars in the local repository, and whatever is not in a repository (this module's
            // classes, the reactor's target/ jars). Third-party jars in the repository are never rewritten.
            String slashed = entry.replace(java.io.File.separatorChar, '/');
            boolean own = slashed.contains("/io/github/sagemakerlabeling/") || !slashed.contains("/repository/");
            if (own && Files.isRegularFile(path)) {
                Path copy = snapshot.resolve((n++) + "-" + path.getFileName());
                Files.copy(path, copy);
                entries.add(copy.toString());
            } else if (own && Files.isDirectory(path)) {
                Path copy = snapshot.resolve((n++) + "-" + path.getFileName());
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Path target = copy.resolve(path.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(file, target);
                        }
                    }
                }
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-D" + SNAPSHOT_PROPERTY + "=" + snapshot);
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, entries),
                LocalGroundTruthBenchmark.class.getName(), "component"));
        command.addAll(args);
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        try {
            return child.waitFor();
        } finally {
            deleteTree(snapshot);
        }
    }

    private void run() throws Exception {
        long began = System.nanoTime();
        String loadAtStart = loadAverage();
        heading("Machine");
        row("cores (availableProcessors)", String.valueOf(CORES));
        row("memory (physical)", mib(physicalMemory()));
        row("benchmark JVM max heap", mib(Runtime.getRuntime().maxMemory()));
        row("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        row("load average (1, 5, 15 min) at start", loadAtStart);
        row("mode / parts", settings.name() + " / " + String.join(",", parts));
        row("date", Instant.now().toString());
        Path s3Dir = Files.createTempDirectory("bench-s3-dir-");
        Path spool = Files.createTempDirectory("bench-spool-");
        List<String> jvmOptions = splitOptions(System.getProperty("bench.componentLauncherJvmArgs", ""));
        List<String> options = List.of("--workers", "first-label", "--s3-dir", s3Dir.toString());
        long t0 = System.nanoTime();
        launcher = LauncherProcess.start(jvmOptions, options);
        row("launcher (own JVM, pid " + launcher.pid() + ")", String.join(" ", jvmOptions) + " "
                + String.join(" ", options) + ": ready in " + seconds(System.nanoTime() - t0));
        region = launcher.value("region");
        account = launcher.value("account");
        adminSns = LocalAwsClients.sns(launcher.endpoint("sns"), region);
        adminSqs = LocalAwsClients.sqs(launcher.endpoint("sqs"), region);
        adminS3 = LocalAwsClients.s3(launcher.endpoint("s3"), region);
        sageMaker = LocalAwsClients.configure(SageMakerClient.builder(), launcher.endpoint("sagemaker"), region).build();
        try {
            if (parts.contains("feeding")) {
                feeding();
            }
            if (parts.contains("consuming")) {
                consuming();
            }
            if (parts.contains("large")) {
                large(spool);
            }
            if (parts.contains("latency")) {
                latency();
            }
        } finally {
            long rss = launcher.residentBytes();
            adminSns.close();
            adminSqs.close();
            adminS3.close();
            sageMaker.close();
            launcher.close();
            row("launcher stopped with SIGTERM", "exit " + launcher.exitValue() + ", its RSS before: " + mib(rss));
            deleteTree(s3Dir);
            deleteTree(spool);
        }
        heading("Summary (" + CORES + " cores, " + mib(physicalMemory()) + ", run took "
                + seconds(System.nanoTime() - began) + ", load average at start " + loadAtStart + ", at end "
                + loadAverage() + ")");
        System.out.println("| measure | target | measured | met |");
        System.out.println("| --- | --- | --- | --- |");
        summary.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
    }

    // ---------------------------------------------------------------------------------------------------- feeding

    private record FeedResult(String name, int objects, long nanos, long requests, Map<String, Long> byOperation,
                              long heapPeak, long clientCpuNanos, long stackCpuNanos, long delivered, int failed) {
        double perSecond() {
            return objects * 1e9 / nanos;
        }

        double requestsPer1000() {
            return requests * 1000.0 / objects;
        }
    }

    private void feeding() throws Exception {
        heading("1. Feeding " + settings.objects() + " texts into an input topic");
        String topicArn = adminSns.createTopic(b -> b.name("bench-feed-input")).topicArn();
        String queueUrl = adminSqs.createQueue(b -> b.queueName("bench-feed-input-copy")).queueUrl();
        String queueArn = adminSqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        adminSns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        System.out.printf(Locale.ROOT, "  a plain SNS topic with one raw-delivery SQS subscription (what a job's input"
                + " topic is; no job, so no labeling competes for the cores); (a) and (b) driven by %d caller threads"
                + " (ProducerTemplate.send on direct:), (c) by %d threads; texts of about 60 characters%n",
                settings.feedCallers(), settings.floorThreads());
        System.out.println("  requests counted by an SDK ExecutionInterceptor on the SNS client each variant uses"
                + " (the component's snsClient bean, aws2-sns's amazonSNSClient bean, the raw client)");
        System.out.printf(Locale.ROOT, "  (e) is (a) with a %d ms blocking step after the endpoint, driven by %d caller"
                + " threads so that the callers' own wait for the step is not what limits it%n", SLOW_STEP_MILLIS,
                slowStepCallers());
        String[] names = {"(a) component, batching=true", "(b) hand-wired aws2-sns route",
            "(c) raw SDK PublishBatch loop", "(d) = (c) with the component's lines",
            "(e) = (a) + " + SLOW_STEP_MILLIS + " ms step after it"};
        RequestCounter[] counters = {new RequestCounter(), new RequestCounter(), new RequestCounter(),
            new RequestCounter(), new RequestCounter()};
        Feeder[] feeders = {componentFeeder(topicArn, counters[0], 0, settings.feedCallers()),
            awsSnsFeeder(topicArn, counters[1]), rawFeeder(topicArn, counters[2], false),
            rawFeeder(topicArn, counters[3], true),
            componentFeeder(topicArn, counters[4], SLOW_STEP_MILLIS, slowStepCallers())};
        int variants = feeders.length;
        List<FeedResult> results = new ArrayList<>();
        try {
            System.out.println("  warm-up (JIT, connections), " + settings.warmupObjects() + " objects each:");
            for (int v = 0; v < variants; v++) {
                print(feedSlice(names[v], settings.warmupObjects(), queueUrl, feeders[v], counters[v], "warm-up"));
            }
            int slices = SLICES;
            System.out.println("  the result: " + settings.objects() + " objects each, in " + slices + " slices of "
                    + settings.objects() / slices + " taking turns (a, b, c, d, e; then b, c, d, e, a; ...), so load that"
                    + " comes and goes on this machine falls on all alike:");
            List<List<FeedResult>> byVariant = new ArrayList<>();
            for (int v = 0; v < variants; v++) {
                byVariant.add(new ArrayList<>());
            }
            for (int slice = 0; slice < slices; slice++) {
                for (int k = 0; k < variants; k++) {
                    int v = (slice + k) % variants;
                    byVariant.get(v).add(feedSlice(names[v], settings.objects() / slices, queueUrl, feeders[v],
                            counters[v], "slice " + slice));
                }
            }
            for (int v = 0; v < variants; v++) {
                List<FeedResult> parts = byVariant.get(v);
                Map<String, Long> byOperation = new java.util.TreeMap<>();
                parts.forEach(r -> r.byOperation().forEach((op, n) -> byOperation.merge(op, n, Long::sum)));
                FeedResult sum = new FeedResult(names[v], parts.stream().mapToInt(FeedResult::objects).sum(),
                        parts.stream().mapToLong(FeedResult::nanos).sum(),
                        parts.stream().mapToLong(FeedResult::requests).sum(), byOperation,
                        parts.stream().mapToLong(FeedResult::heapPeak).max().orElse(0),
                        parts.stream().mapToLong(FeedResult::clientCpuNanos).sum(),
                        parts.stream().mapToLong(FeedResult::stackCpuNanos).sum(),
                        parts.stream().mapToLong(FeedResult::delivered).sum(),
                        parts.stream().mapToInt(FeedResult::failed).sum());
                System.out.println("    slices of " + names[v] + ": " + parts.stream().map(r -> String.format(
                        Locale.ROOT, "%,.0f", r.perSecond())).collect(java.util.stream.Collectors.joining(", "))
                        + " objects/s");
                results.add(sum);
            }
            System.out.println("  summed over the slices:");
            results.forEach(ComponentBenchmark::print);
        } finally {
            for (Feeder feeder : feeders) {
                feeder.close();
            }
        }
        FeedResult a = results.get(0);
        FeedResult b = results.get(1);
        FeedResult c = results.get(2);
        FeedResult d = results.get(3);
        FeedResult e = results.get(4);
        double vsHandWired = a.perSecond() / b.perSecond();
        double vsFloor = a.perSecond() / c.perSecond();
        System.out.printf(Locale.ROOT, "  side by side: (a)/(b) = %.1fx;  (a)/(c) = %.2f;  (a)/(d) = %.2f;  (d)/(c) = %.2f"
                + "%n", vsHandWired, vsFloor, a.perSecond() / d.perSecond(), d.perSecond() / c.perSecond());
        summary.add(new String[] {"Feeding: component (a) vs hand-wired aws2-sns (b)", ">= 5x",
                String.format(Locale.ROOT, "%.1fx (%,.0f vs %,.0f objects/s)", vsHandWired, a.perSecond(),
                        b.perSecond()), met(vsHandWired >= TARGET_FEED_VS_HANDWIRED)});
        summary.add(new String[] {"Feeding: component (a) vs raw PublishBatch (c)", ">= 0.8x",
                String.format(Locale.ROOT, "%.2fx (%,.0f vs %,.0f objects/s)", vsFloor, a.perSecond(),
                        c.perSecond()), met(vsFloor >= TARGET_FEED_VS_FLOOR)});
        summary.add(new String[] {"  (d) raw PublishBatch of the component's own lines (DataObjectCodec)", "-",
                String.format(Locale.ROOT, "(a)/(d) %.2fx (%,.0f objects/s)", a.perSecond() / d.perSecond(),
                        d.perSecond()), "-"});
        summary.add(new String[] {"Feeding with a " + SLOW_STEP_MILLIS + " ms step after the endpoint (e) vs without"
                + " (a)", "about 1x (issue 11, item 6)", String.format(Locale.ROOT, "%.2fx (%,.0f vs %,.0f objects/s)",
                e.perSecond() / a.perSecond(), e.perSecond(), a.perSecond()), "-"});
        summary.add(new String[] {"Feeding: SNS requests per 1,000 objects, (a) / (b) / (c)", "(a) <= 110",
                String.format(Locale.ROOT, "%.1f / %.1f / %.1f", a.requestsPer1000(), b.requestsPer1000(),
                        c.requestsPer1000()), met(a.requestsPer1000() <= TARGET_SNS_REQUESTS_PER_1000)});
        summary.add(new String[] {"Feeding: benchmark JVM heap high-water, (a) / (b) / (c)", "-",
                mib(a.heapPeak()) + " / " + mib(b.heapPeak()) + " / " + mib(c.heapPeak()), "-"});
        adminSns.deleteTopic(r -> r.topicArn(topicArn));
        adminSqs.deleteQueue(r -> r.queueUrl(queueUrl));
    }

    private interface Feeder extends AutoCloseable {
        /** Sends every object from {@code next} until it runs out; returns the failures. */
        int feed(int objects, String tag) throws Exception;
    }

    private FeedResult feedSlice(String name, int objects, String queueUrl, Feeder feeder, RequestCounter counter,
                                 String tag) throws Exception {
        System.gc();
        resetHeapPeaks();
        counter.reset();
        long cpu0 = processCpuNanos();
        long stack0 = launcher.cpuNanos();
        long t0 = System.nanoTime();
        int failed = feeder.feed(objects, tag);
        long nanos = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        long stack = launcher.cpuNanos() - stack0;
        long heap = heapPeak();
        long requests = counter.total();
        Map<String, Long> byOperation = counter.snapshot();
        long delivered = awaitMessages(queueUrl, objects);
        adminSqs.purgeQueue(b -> b.queueUrl(queueUrl));
        awaitMessages(queueUrl, 0);
        return new FeedResult(name, objects, nanos, requests, byOperation, heap, cpu, stack, delivered, failed);
    }

    private static void print(FeedResult result) {
        System.out.printf(Locale.ROOT, "    %-38s %,8.0f objects/s  %6d in %6.2f s  %6.1f SNS requests/1,000 %s"
                        + "  heap high-water %s  CPU/object: app %,d + stack %,d µs  %s%n",
                result.name(), result.perSecond(), result.objects(), result.nanos() / 1e9, result.requestsPer1000(),
                result.byOperation(), mib(result.heapPeak()), result.clientCpuNanos() / 1000 / result.objects(),
                result.stackCpuNanos() / 1000 / result.objects(),
                result.failed() == 0 && result.delivered() == result.objects() ? "all delivered"
                        : "FAILED " + result.failed() + ", delivered " + result.delivered() + " of " + result.objects());
    }

    private String text(String tag, int i) {
        return "Feeding benchmark " + tag + " object " + i + ": the food was delicious, the service slow.";
    }

    /** Callers for the slow-step variant: enough that their own wait for the step does not limit the rate. */
    private int slowStepCallers() {
        return settings.feedCallers() * 4;
    }

    /**
     * The component with batching, fed by {@code callers} threads; with {@code slowStepMillis} above 0, a blocking
     * step of that long follows the endpoint (a database write, say).
     */
    private Feeder componentFeeder(String topicArn, RequestCounter counter, int slowStepMillis, int callers)
            throws Exception {
        SnsClient sns = counted(SnsClient.builder(), "sns", counter);
        CamelContext context = context(sns, adminSqs);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                var route = from("direct:feed").to("sagemaker-labeling:bench-feed?inputTopic=" + topicArn
                        + "&ensureJob=false&batching=true&region=" + region);
                if (slowStepMillis > 0) {
                    route.process(exchange -> Thread.sleep(slowStepMillis));
                }
            }
        });
        context.start();
        return callers(context, sns, callers);
    }

    private Feeder awsSnsFeeder(String topicArn, RequestCounter counter) throws Exception {
        SnsClient sns = counted(SnsClient.builder(), "sns", counter);
        CamelContext context = context(sns, adminSqs);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:feed")
                        .process(exchange -> exchange.getMessage().setBody(
                                "{\"source\":\"" + jsonEscape(exchange.getMessage().getBody(String.class)) + "\"}"))
                        .to("aws2-sns:" + topicArn + "?amazonSNSClient=#sns&region=" + region);
            }
        });
        context.start();
        return callers(context, sns, settings.feedCallers());
    }

    /** {@code callers} threads, each sending one exchange at a time to {@code direct:feed}. */
    private Feeder callers(CamelContext context, SnsClient sns, int callers) {
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        return new Feeder() {
            @Override
            public int feed(int objects, String tag) throws Exception {
                AtomicInteger next = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < callers; t++) {
                    running.add(threads.submit(() -> {
                        for (int i = next.getAndIncrement(); i < objects; i = next.getAndIncrement()) {
                            String body = text(tag, i);
                            Exchange sent = template.send("direct:feed", e -> e.getMessage().setBody(body));
                            if (sent.getException() != null) {
                                if (failed.incrementAndGet() == 1) {
                                    sent.getException().printStackTrace();
                                }
                            }
                        }
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                return failed.get();
            }

            @Override
            public void close() throws Exception {
                threads.shutdownNow();
                template.close();
                context.close();
                sns.close();
            }
        };
    }

    /**
     * PublishBatch of 10 from {@code floorThreads} threads: of hand-built {@code {"source":...}} lines (the floor), or
     * with {@code encoded} of the lines the component sends (DataObjectCodec: the content-hash dedup id members).
     */
    private Feeder rawFeeder(String topicArn, RequestCounter counter, boolean encoded) {
        io.github.sagemakerlabeling.core.dataobject.DataObjectCodec codec =
                new io.github.sagemakerlabeling.core.dataobject.DataObjectCodec();
        SnsClient sns = counted(SnsClient.builder(), "sns", counter);
        ExecutorService threads = Executors.newFixedThreadPool(settings.floorThreads());
        return new Feeder() {
            @Override
            public int feed(int objects, String tag) throws Exception {
                AtomicInteger next = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < settings.floorThreads(); t++) {
                    running.add(threads.submit(() -> {
                        for (int from = next.getAndAdd(10); from < objects; from = next.getAndAdd(10)) {
                            List<PublishBatchRequestEntry> entries = new ArrayList<>(10);
                            for (int i = from; i < Math.min(objects, from + 10); i++) {
                                entries.add(PublishBatchRequestEntry.builder().id(String.valueOf(i - from))
                                        .message(encoded ? codec.encode(io.github.sagemakerlabeling.core.dataobject
                                                .DataObject.text(text(tag, i))).manifestLine()
                                                : "{\"source\":\"" + jsonEscape(text(tag, i)) + "\"}").build());
                            }
                            PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn)
                                    .publishBatchRequestEntries(entries));
                            failed.addAndGet(response.failed().size());
                        }
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                return failed.get();
            }

            @Override
            public void close() {
                threads.shutdownNow();
                sns.close();
            }
        };
    }

    // -------------------------------------------------------------------------------------------------- consuming

    private record ConsumeResult(String name, int objects, long nanos, long requests, Map<String, Long> byOperation,
                                 long heapPeak, long clientCpuNanos, long stackCpuNanos, long fromStartNanos,
                                 int routed, boolean clean) {
        double perSecond() {
            return objects * 1e9 / nanos;
        }

        double requestsPer1000() {
            return requests * 1000.0 / objects;
        }
    }

    private void consuming() throws Exception {
        heading("2. Consuming " + settings.objects() + " output notifications");
        String componentQueue = adminSqs.createQueue(b -> b.queueName("bench-output-component")).queueUrl();
        String handWiredQueue = adminSqs.createQueue(b -> b.queueName("bench-output-handwired")).queueUrl();
        String options = "concurrentConsumers=" + settings.consumers()
                + "&maxMessagesPerPoll=10&waitTimeSeconds=1&greedy=true&delay=10";
        System.out.println("  both queues pre-filled with the same output lines (Ground Truth's format, raw delivery,"
                + " written by local's OutputLineBuilder); both consumers: " + options);
        System.out.println("  SQS requests counted by an ExecutionInterceptor on the SqsClient bean of each context,"
                + " from the context's start until the queue is empty (start-up calls and idle polls included)");
        String[] names = {"component consumer", "hand-wired aws2-sqs + Jackson"};
        String[] queues = {componentQueue, handWiredQueue};
        ConsumerRoute[] routes = {
            (routes1, seen) -> routes1.from("sagemaker-labeling:bench-consume?outputQueue=" + componentQueue
                            + "&region=" + region + "&" + options)
                    .process(exchange -> {
                        LabelingResult result = exchange.getMessage().getBody(LabelingResult.class);
                        seen.accept(result.source().orElseThrow(), exchange.getMessage().getHeader(
                                SageMakerLabelingConstants.CLASS_NAME, String.class));
                    }),
            (routes2, seen) -> routes2.from("aws2-sqs:bench-output-handwired?amazonSQSClient=#sqs&region=" + region
                            + "&" + options)
                    .unmarshal().json(JsonLibrary.Jackson, Map.class)
                    .process(exchange -> {
                        Map<?, ?> line = exchange.getMessage().getBody(Map.class);
                        Map<?, ?> metadata = (Map<?, ?>) line.get("label-metadata");
                        seen.accept((String) line.get("source"), (String) metadata.get("class-name"));
                    })
        };
        System.out.println("  warm-up (JIT, connections), " + settings.warmupObjects() + " messages each:");
        fill(componentQueue, settings.warmupObjects(), "warm-up");
        fill(handWiredQueue, settings.warmupObjects(), "warm-up");
        for (int v = 0; v < 2; v++) {
            print(consume(names[v], settings.warmupObjects(), queues[v], routes[v]));
        }
        int slices = SLICES;
        System.out.println("  the result: " + settings.objects() + " messages each, in " + slices + " slices of "
                + settings.objects() / slices + " taking turns (both queues filled alike, then one consumer, then the"
                + " other, the first alternating); each slice starts its context, drains the queue and stops it:");
        List<List<ConsumeResult>> byVariant = List.of(new ArrayList<>(), new ArrayList<>());
        for (int slice = 0; slice < slices; slice++) {
            int objects = settings.objects() / slices;
            fill(componentQueue, objects, "slice " + slice);
            fill(handWiredQueue, objects, "slice " + slice);
            for (int k = 0; k < 2; k++) {
                int v = (slice + k) % 2;
                byVariant.get(v).add(consume(names[v], objects, queues[v], routes[v]));
            }
        }
        List<ConsumeResult> results = new ArrayList<>();
        for (int v = 0; v < 2; v++) {
            List<ConsumeResult> parts = byVariant.get(v);
            Map<String, Long> byOperation = new java.util.TreeMap<>();
            parts.forEach(r -> r.byOperation().forEach((op, n) -> byOperation.merge(op, n, Long::sum)));
            results.add(new ConsumeResult(names[v], parts.stream().mapToInt(ConsumeResult::objects).sum(),
                    parts.stream().mapToLong(ConsumeResult::nanos).sum(),
                    parts.stream().mapToLong(ConsumeResult::requests).sum(), byOperation,
                    parts.stream().mapToLong(ConsumeResult::heapPeak).max().orElse(0),
                    parts.stream().mapToLong(ConsumeResult::clientCpuNanos).sum(),
                    parts.stream().mapToLong(ConsumeResult::stackCpuNanos).sum(),
                    parts.stream().mapToLong(ConsumeResult::fromStartNanos).sum(),
                    parts.stream().mapToInt(ConsumeResult::routed).sum(),
                    parts.stream().allMatch(ConsumeResult::clean)));
            System.out.println("    slices of " + names[v] + ": " + parts.stream().map(r -> String.format(
                    Locale.ROOT, "%,.0f", r.perSecond())).collect(java.util.stream.Collectors.joining(", "))
                    + " objects/s");
        }
        System.out.println("  summed over the slices:");
        results.forEach(ComponentBenchmark::print);
        ConsumeResult component = results.get(0);
        ConsumeResult handWired = results.get(1);
        double ratio = component.perSecond() / handWired.perSecond();
        System.out.printf(Locale.ROOT, "  side by side: component / hand-wired = %.2fx%n", ratio);
        summary.add(new String[] {"Consuming: component vs hand-wired aws2-sqs + Jackson", ">= 1x",
                String.format(Locale.ROOT, "%.2fx (%,.0f vs %,.0f objects/s)", ratio, component.perSecond(),
                        handWired.perSecond()), met(ratio >= TARGET_CONSUME_VS_HANDWIRED)});
        summary.add(new String[] {"Consuming: SQS requests per 1,000 objects, component / hand-wired", "component <= 250",
                String.format(Locale.ROOT, "%.1f / %.1f", component.requestsPer1000(), handWired.requestsPer1000()),
                met(component.requestsPer1000() <= TARGET_SQS_REQUESTS_PER_1000)});
        summary.add(new String[] {"Consuming: benchmark JVM heap high-water, component / hand-wired", "-",
                mib(component.heapPeak()) + " / " + mib(handWired.heapPeak()), "-"});
        adminSqs.deleteQueue(r -> r.queueUrl(componentQueue));
        adminSqs.deleteQueue(r -> r.queueUrl(handWiredQueue));
    }

    /** Writes {@code objects} output lines of a text classification job to the queue, as its raw subscription would. */
    private void fill(String queueUrl, int objects, String round) throws Exception {
        LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC);
        List<String> lines = new ArrayList<>(objects);
        for (int i = 0; i < objects; i++) {
            ObjectNode input = JSON.createObjectNode().put("source", "Consuming benchmark round " + round + " object "
                    + i + ": the food was delicious, the service slow.");
            ObjectNode metadata = JSON.createObjectNode().put("class-name", i % 2 == 0 ? "positive" : "negative")
                    .put("confidence", 0.95);
            ConsolidatedLabel label = new ConsolidatedLabel(IntNode.valueOf(i % 2), metadata);
            lines.add(JSON.writeValueAsString(OutputLineBuilder.build(input, "label", label,
                    Optional.of(TaskType.TEXT_CLASSIFICATION), "bench-consume", created,
                    Optional.of("message-" + round + "-" + i), Optional.empty())));
        }
        // Every line is an output line the component's parser takes.
        new OutputLineParser().parse(lines.get(0));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int from = 0; from < objects; from += 10) {
            int start = from;
            running.add(threads.submit(() -> {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = start; i < Math.min(objects, start + 10); i++) {
                    entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i - start))
                            .messageBody(lines.get(i)).build());
                }
                if (!adminSqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed().isEmpty()) {
                    throw new IllegalStateException("pre-filling failed");
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        threads.shutdown();
        long queued = awaitMessages(queueUrl, objects);
        if (queued != objects) {
            throw new IllegalStateException("the queue holds " + queued + " of " + objects);
        }
    }

    private interface Seen {
        void accept(String source, String className);
    }

    private interface ConsumerRoute {
        void define(RouteBuilder routes, Seen seen);
    }

    private ConsumeResult consume(String name, int objects, String queueUrl, ConsumerRoute route) throws Exception {
        RequestCounter counter = new RequestCounter();
        SqsClient sqs = counted(SqsClient.builder(), "sqs", counter);
        AtomicInteger routed = new AtomicInteger();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        Set<String> sources = ConcurrentHashMap.newKeySet();
        CamelContext context = context(adminSns, sqs);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                route.define(this, (source, className) -> {
                    long now = System.nanoTime();
                    first.compareAndSet(0, now);
                    if (source == null || className == null) {
                        throw new IllegalStateException("no source or class name");
                    }
                    sources.add(source);
                    if (routed.incrementAndGet() >= objects) {
                        last.compareAndSet(0, now);
                    }
                });
            }
        });
        System.gc();
        resetHeapPeaks();
        long cpu0 = processCpuNanos();
        long stack0 = launcher.cpuNanos();
        long t0 = System.nanoTime();
        context.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (last.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        // Deletes follow completion: wait for the queue to be empty so every request of the run is counted.
        long left = awaitMessages(queueUrl, 0);
        long requests = counter.total();
        Map<String, Long> byOperation = counter.snapshot();
        long cpu = processCpuNanos() - cpu0;
        long stack = launcher.cpuNanos() - stack0;
        long heap = heapPeak();
        context.close();
        sqs.close();
        if (last.get() == 0) {
            throw new IllegalStateException(name + " routed only " + routed.get() + " of " + objects);
        }
        long nanos = last.get() - first.get();
        return new ConsumeResult(name, objects, nanos, requests, byOperation, heap, cpu, stack, last.get() - t0,
                routed.get(), sources.size() == objects && left == 0);
    }

    private static void print(ConsumeResult result) {
        System.out.printf(Locale.ROOT, "    %-32s %,8.0f objects/s  %6d in %6.2f s (first to last; %.2f s from the"
                        + " contexts' start)  %6.1f SQS requests/1,000 %s  heap high-water %s  CPU/object: app %,d +"
                        + " stack %,d µs  %s%n",
                result.name(), result.perSecond(), result.objects(), result.nanos() / 1e9,
                result.fromStartNanos() / 1e9, result.requestsPer1000(), result.byOperation(), mib(result.heapPeak()),
                result.clientCpuNanos() / 1000 / result.objects(), result.stackCpuNanos() / 1000 / result.objects(),
                result.clean() ? "each once, queue empty" : "routed " + result.routed() + " of " + result.objects()
                        + " or messages left in the queue");
    }

    // ------------------------------------------------------------------------------------------------------ large

    private void large(Path spool) throws Exception {
        long size = settings.largeBytes();
        heading("3. Large binary: " + mib(size) + " generated on the fly, sendDataObject from a JVM with -Xmx128m");
        String bucket = "bench-large";
        adminS3.createBucket(b -> b.bucket(bucket));
        String topicArn = adminSns.createTopic(b -> b.name("bench-large-input")).topicArn();
        System.out.println("  launcher with --s3-dir (directory-backed S3); the child JVM's route: direct:large ->"
                + " sagemaker-labeling:large-binary?inputTopic=...&ensureJob=false&uploadBucket=" + bucket
                + "&uploadSpoolDirectory=<temp dir>; the body is an InputStream of unknown length");
        // First as a route runs by default: Camel 4 caches stream bodies (stream caching is on by default, in memory
        // unless spooling is enabled), so the route's input reads the whole stream into the heap before the component
        // sees it. Then with stream caching off on the route's context, the way the component streams.
        Map<String, String> cached = largeChild(topicArn, bucket, size, spool, "default");
        boolean cachedOk = cached.containsKey("sha256");
        row("CamelContext defaults (stream caching on, no spooling)", cachedOk
                ? "succeeded in " + seconds(Long.parseLong(cached.get("nanos")))
                : "FAILED: " + cached.getOrDefault("error", "child exit " + cached.get("exit")));
        summary.add(new String[] {"Large binary, CamelContext defaults (stream caching on)", "succeeds, intact",
                cachedOk ? "succeeded" : "fails: " + cached.getOrDefault("error", "exit " + cached.get("exit")),
                cachedOk ? "yes" : "**no**"});
        if (cachedOk) {
            adminS3.deleteObject(b -> b.bucket(bucket).key(cached.get("key")));
        }
        long stack0 = launcher.cpuNanos();
        long t0 = System.nanoTime();
        Map<String, String> probe = largeChild(topicArn, bucket, size, spool, "noStreamCaching");
        long childNanos = System.nanoTime() - t0;
        long stack = launcher.cpuNanos() - stack0;
        if (!probe.containsKey("sha256")) {
            row("stream caching off", "FAILED: " + probe);
            summary.add(new String[] {"Large binary: " + mib(size) + " stream, sendDataObject, -Xmx128m",
                    "succeeds, intact", "failed: " + probe, "**no**"});
            return;
        }
        long sendNanos = Long.parseLong(probe.get("nanos"));
        String key = probe.get("key");
        long t1 = System.nanoTime();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long read = 0;
        try (ResponseInputStream<GetObjectResponse> in = adminS3.getObject(b -> b.bucket(bucket).key(key))) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                read += n;
            }
        }
        long getNanos = System.nanoTime() - t1;
        String stored = HexFormat.of().formatHex(sha256.digest());
        boolean intact = stored.equals(probe.get("sha256")) && read == size;
        row("stream caching off: sendDataObject (hash + spool + multipart upload + publish)", String.format(Locale.ROOT,
                "%.1f s, %.1f MiB/s", sendNanos / 1e9, size / 1048576.0 / (sendNanos / 1e9)));
        row("child JVM, launch to exit", seconds(childNanos));
        row("child heap high-water / max heap", mib(Long.parseLong(probe.get("heapPeak"))) + " / "
                + mib(Long.parseLong(probe.get("maxHeap"))));
        row("stack CPU during the send", seconds(stack));
        row("object", probe.get("sourceRef"));
        row("SHA-256 generated", probe.get("sha256"));
        row("SHA-256 of GetObject (streamed)", stored + " (" + read + " bytes in " + seconds(getNanos) + ")");
        row("intact", intact ? "yes" : "NO");
        summary.add(new String[] {"Large binary: " + mib(size) + " stream, sendDataObject, -Xmx128m, stream caching off",
                "succeeds, intact", String.format(Locale.ROOT, "%s in %.1f s (%.1f MiB/s), heap high-water %s",
                intact ? "intact" : "CORRUPT", sendNanos / 1e9, size / 1048576.0 / (sendNanos / 1e9),
                mib(Long.parseLong(probe.get("heapPeak")))), met(intact)});
        adminS3.deleteObject(b -> b.bucket(bucket).key(key));
        adminSns.deleteTopic(b -> b.topicArn(topicArn));
    }

    /** Runs {@link LargeObjectProbe} in a child JVM with {@code -Xmx128m} and returns its {@code probe.*} values. */
    private Map<String, String> largeChild(String topicArn, String bucket, long size, Path spool, String mode)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-Xmx128m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp",
                System.getProperty("java.class.path"), LargeObjectProbe.class.getName(),
                launcher.value("sagemaker"), launcher.value("sns"), launcher.value("sqs"), launcher.value("s3"),
                region, topicArn, bucket, String.valueOf(size), spool.toString(), mode));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> probe = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("probe.")) {
                    int eq = line.indexOf('=');
                    probe.put(line.substring(6, eq), line.substring(eq + 1));
                } else {
                    System.out.println("  [child] " + line);
                }
            }
        }
        probe.put("exit", String.valueOf(child.waitFor()));
        return probe;
    }

    // ---------------------------------------------------------------------------------------------------- latency

    private void latency() throws Exception {
        int warmup = settings.latencyWarmup();
        int total = warmup + settings.latencyObjects();
        heading("4. End-to-end latency: component send -> onward route (launcher --workers first-label)");
        String bucket = "bench-latency";
        adminS3.createBucket(b -> b.bucket(bucket));
        String job = "sagemaker-labeling:bench-latency?taskType=textClassification&labels=positive,negative"
                + "&region=" + region
                + "&workteamArn=arn:aws:sagemaker:" + region + ":" + account + ":workteam/private-crowd/bench"
                + "&roleArn=arn:aws:iam::" + account + ":role/GroundTruth"
                + "&s3OutputPath=s3://" + bucket + "/output&autoCreateTopics=true";
        System.out.println("  one streaming text-classification job, created by the routes' endpoints on start;"
                + " component: direct:label -> the job (sendDataObject, no batching), onward route from(job"
                + "&concurrentConsumers=1&waitTimeSeconds=20); side by side, alternating object by object on the same"
                + " job: the raw SDK path (SNS Publish of the same manifest line, a thread long-polling a raw-delivery"
                + " queue of its own on the output topic, DeleteMessage per message). Both consumers get every output"
                + " line, so both paths run under the same load. " + total + " objects per path one at a time, each"
                + " after the previous arrived + 1 ms, the first " + warmup + " a warm-up");
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Map<String, java.util.concurrent.CountDownLatch> waiting = new ConcurrentHashMap<>();
        CamelContext context = context(adminSns, adminSqs);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:label").to(job);
                from(job + "&concurrentConsumers=1&waitTimeSeconds=20&greedy=true&delay=1")
                        .process(exchange -> arrival("component", exchange.getMessage().getHeader(
                                SageMakerLabelingConstants.SOURCE, String.class), arrived, waiting));
            }
        });
        long t0 = System.nanoTime();
        context.start();
        row("context start (job created, InProgress, queue provisioned)", seconds(System.nanoTime() - t0));
        ProducerTemplate template = context.createProducerTemplate();

        var described = sageMaker.describeLabelingJob(b -> b.labelingJobName("bench-latency"));
        String inputTopic = described.inputConfig().dataSource().snsDataSource().snsTopicArn();
        String outputTopic = described.outputConfig().snsTopicArn();
        String rawQueue = adminSqs.createQueue(b -> b.queueName("bench-latency-raw")).queueUrl();
        String rawQueueArn = adminSqs.getQueueAttributes(b -> b.queueUrl(rawQueue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        adminSns.subscribe(b -> b.topicArn(outputTopic).protocol("sqs").endpoint(rawQueueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        OutputLineParser parser = new OutputLineParser();
        io.github.sagemakerlabeling.core.dataobject.DataObjectCodec codec =
                new io.github.sagemakerlabeling.core.dataobject.DataObjectCodec();
        Thread receiver = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    var messages = adminSqs.receiveMessage(b -> b.queueUrl(rawQueue).maxNumberOfMessages(10)
                            .waitTimeSeconds(20)).messages();
                    for (var message : messages) {
                        arrival("raw", parser.parse(message.body()).source().orElse(""), arrived, waiting);
                        adminSqs.deleteMessage(b -> b.queueUrl(rawQueue).receiptHandle(message.receiptHandle()));
                    }
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }
        }, "raw-receiver");
        receiver.setDaemon(true);
        receiver.start();

        Send viaComponent = text -> {
            Exchange exchange = template.send("direct:label", e -> e.getMessage().setBody(text));
            if (exchange.getException() != null) {
                throw new IllegalStateException("send failed", exchange.getException());
            }
        };
        Send viaSdk = text -> adminSns.publish(b -> b.topicArn(inputTopic).message(codec.encode(
                io.github.sagemakerlabeling.core.dataobject.DataObject.text(text)).manifestLine()));
        long[][] latencies = new long[2][total - warmup];
        long[][] calls = new long[2][total - warmup];
        int[] lost = new int[2];
        long stack0 = 0;
        long cpu0 = 0;
        for (int i = 0; i < 2 * total; i++) {
            int path = i % 2;
            int n = i / 2;
            if (i == 2 * warmup) {
                stack0 = launcher.cpuNanos();
                cpu0 = processCpuNanos();
            }
            String kind = path == 0 ? "component" : "raw";
            String text = "Latency benchmark (" + kind + ") object " + n + ": the food was delicious.";
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            waiting.put(kind + ":" + text, done);
            long sent = System.nanoTime();
            (path == 0 ? viaComponent : viaSdk).send(text);
            long returned = System.nanoTime();
            if (!done.await(10, TimeUnit.SECONDS)) {
                lost[path]++;
            } else if (n >= warmup) {
                latencies[path][n - warmup] = arrived.get(kind + ":" + text) - sent;
                calls[path][n - warmup] = returned - sent;
            }
            waiting.remove(kind + ":" + text);
            TimeUnit.MILLISECONDS.sleep(1);
        }
        long stack = launcher.cpuNanos() - stack0;
        long cpu = processCpuNanos() - cpu0;
        receiver.interrupt();
        Samples component = new Samples(latencies[0]);
        Samples raw = new Samples(latencies[1]);
        row("component: send -> onward route", component.summaryMillis());
        row("  the send call alone (sendDataObject)", new Samples(calls[0]).summaryMillis());
        row("  lost (not routed within 10 s)", String.valueOf(lost[0]));
        row("raw SDK: Publish -> ReceiveMessage returns", raw.summaryMillis());
        row("  the Publish call alone", new Samples(calls[1]).summaryMillis());
        row("  lost (not received within 10 s)", String.valueOf(lost[1]));
        row("component p50 / raw p50", String.format(Locale.ROOT, "%.2fx",
                (double) component.median() / Math.max(1, raw.median())));
        row("CPU per object (both paths, both consumers): app + stack", String.format(Locale.ROOT, "%,d + %,d µs",
                cpu / 1000 / (2L * settings.latencyObjects()), stack / 1000 / (2L * settings.latencyObjects())));
        summary.add(new String[] {"End-to-end latency p50 / p99, component send -> onward route (first-label)", "-",
                Samples.millis(component.median()) + " / " + Samples.millis(component.percentile(0.99)) + " ms (n="
                        + component.count() + ", lost " + lost[0] + ")", "-"});
        summary.add(new String[] {"  side by side: raw SDK Publish -> ReceiveMessage, same job, alternating", "-",
                Samples.millis(raw.median()) + " / " + Samples.millis(raw.percentile(0.99)) + " ms (n="
                        + raw.count() + ", lost " + lost[1] + ")", "-"});
        context.close();
    }

    /** Records the first arrival of an object at one of the two consumers and wakes its sender. */
    private static void arrival(String kind, String source, Map<String, Long> arrived,
                                Map<String, java.util.concurrent.CountDownLatch> waiting) {
        long now = System.nanoTime();
        if (source == null || !source.startsWith("Latency benchmark (" + kind + ")")) {
            return;
        }
        String key = kind + ":" + source;
        arrived.putIfAbsent(key, now);
        java.util.concurrent.CountDownLatch latch = waiting.get(key);
        if (latch != null) {
            latch.countDown();
        }
    }

    private interface Send {
        void send(String text) throws Exception;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C counted(
            B builder, String service, RequestCounter counter) {
        return LocalAwsClients.configure(builder, launcher.endpoint(service), region)
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
    }

    /** A context whose registry holds the given SNS and SQS clients and the stack's SageMaker and S3 clients. */
    private CamelContext context(SnsClient sns, SqsClient sqs) {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("sageMaker", sageMaker);
        context.getRegistry().bind("sns", sns);
        context.getRegistry().bind("sqs", sqs);
        context.getRegistry().bind("s3", adminS3);
        return context;
    }

    /** Waits (up to 30 s) until the queue holds {@code expected} messages, visible or in flight; returns the count. */
    private long awaitMessages(String queueUrl, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long count;
        do {
            Map<QueueAttributeName, String> attributes = adminSqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            count = Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
            if (count == expected) {
                return count;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return count;
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset (eden + survivor + old). */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long physicalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static List<String> splitOptions(String options) {
        return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // best effort
        }
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String mib(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        return bytes >= (1L << 30) && bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB"
                : String.format(Locale.ROOT, "%,d MiB", Math.round(bytes / 1048576.0));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void row(String name, String value) {
        System.out.printf(Locale.ROOT, "  %-60s %s%n", name, value);
    }
}
