package io.github.sagemakerlabeling.benchmarks;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.dataobject.DataObjectCodec;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.launcher.LocalGroundTruthLauncher;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The Local Ground Truth benchmark: one command, one run, a few minutes. It measures
 *
 * <ol>
 *   <li>the stack's start time: a cold first start in fresh JVMs, and later starts in the same JVM, with a
 *       per-server breakdown (the servers started one after another);</li>
 *   <li>SNS publish throughput, single {@code Publish} and {@code PublishBatch} of 10, from several client threads,
 *       to a topic with one raw-delivery SQS subscription, beside SQS {@code SendMessage}/{@code SendMessageBatch}
 *       straight to the queue as the baseline;</li>
 *   <li>SNS to SQS latency: publish to receipt by a long-polling consumer, message after message;</li>
 *   <li>data object to output latency of a streaming labeling job with a zero-delay annotator.</li>
 * </ol>
 *
 * <p>Run it with {@code mvn -B -q -o install -DskipTests && mvn -B -q -o -pl benchmarks exec:exec} (see
 * {@code docs/benchmarks.md}). Argument {@code quick} runs a short smoke version with few messages.
 */
public final class LocalGroundTruthBenchmark {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(10);
    /** The pause between sequential latency messages, so the consumer is back in its long poll. */
    private static final long GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** At most this long for each sequential latency run. */
    private static final Duration SEQUENTIAL_LIMIT = Duration.ofSeconds(60);

    /** Targets from the issue, on 2 cores. */
    private static final double TARGET_START_SECONDS = 3.0;
    private static final double TARGET_BATCHED_PER_SECOND = 5_000;
    private static final double TARGET_E2E_P50_MILLIS = 50;

    /** The parts of the run, in order; a second argument such as {@code throughput,e2e} runs only those. */
    private static final Set<String> SECTIONS = new LinkedHashSet<>(List.of("start", "throughput", "latency", "e2e"));

    private final Settings settings;
    private final Set<String> sections;
    private final DataObjectCodec codec = new DataObjectCodec();
    private final List<String[]> summary = new ArrayList<>();
    /** The SNS to SQS latency, shown beside the end-to-end latency that has two such hops. */
    private Samples snsToSqs;

    private LocalGroundTruthBenchmark(Settings settings, Set<String> sections) {
        this.settings = settings;
        this.sections = sections;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        String mode = args.length == 0 || args[0].isBlank() ? "full" : args[0];
        switch (mode) {
            case "start-probe" -> StartProbe.startTimes(Integer.parseInt(args[1]));
            case "start-breakdown" -> StartProbe.breakdown();
            case "component" -> ComponentBenchmark.main(Arrays.asList(args).subList(1, args.length));
            case "portal" -> PortalBenchmark.main(Arrays.asList(args).subList(1, args.length));
            case "long-run" -> LongRunBenchmark.main(Arrays.asList(args).subList(1, args.length));
            case "full", "quick" -> new LocalGroundTruthBenchmark(mode.equals("quick") ? Settings.QUICK : Settings.FULL,
                    args.length > 1 ? Set.of(args[1].split(",")) : SECTIONS).run();
            default -> {
                System.err.println("usage: LocalGroundTruthBenchmark [full|quick] [" + String.join(",", SECTIONS) + "]"
                        + "\n   or: LocalGroundTruthBenchmark component [full|quick] [" + String.join(",", ComponentBenchmark.PARTS)
                        + "]\n   or: LocalGroundTruthBenchmark portal [full|quick]");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        long began = System.nanoTime();
        machine();
        if (sections.contains("start")) {
            startTimes();
        }
        if (sections.stream().anyMatch(s -> !s.equals("start"))) {
            measureOnOneStack();
        }
        printSummary(Duration.ofNanos(System.nanoTime() - began));
    }

    /** Throughput, latency and end-to-end latency, on one stack started in this JVM. */
    private void measureOnOneStack() throws Exception {
        try (LocalGroundTruth local = LocalGroundTruth.builder()
                .engineSettings(EngineSettings.defaults().withAnnotator(RuleBasedAnnotator.firstLabel())
                        .withInitializingDelay(Duration.ZERO))
                .start();
             SnsClient sns = local.snsClient();
             SqsClient sqs = local.sqsClient();
             S3Client s3 = local.s3Client();
             SageMakerClient sageMaker = local.sageMakerClient()) {
            Stack stack = new Stack(local, sns, sqs, s3, sageMaker);
            if (sections.contains("throughput")) {
                throughput(stack);
            }
            if (sections.contains("latency")) {
                snsToSqsLatency(stack);
            }
            if (sections.contains("e2e")) {
                endToEndLatency(stack);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- machine

    private void machine() {
        Runtime runtime = Runtime.getRuntime();
        section("Machine");
        row("cores (availableProcessors)", Integer.toString(runtime.availableProcessors()));
        row("CPU", cpuModel());
        row("max heap", runtime.maxMemory() / (1024 * 1024) + " MiB");
        row("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        row("GC", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", ")));
        row("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        row("load average (1 min) at start", loadAverage());
        if (ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() > 1.0) {
            System.out.println("  WARNING: other processes are busy on this machine; the numbers will be lower than on"
                    + " idle cores (the CPU-per-message lines are less affected)");
        }
        row("mode", settings.name);
        row("date", Instant.now().toString());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    // ------------------------------------------------------------------------------------------------- start time

    private void startTimes() throws Exception {
        section("1. Start time (LocalGroundTruth.builder().start())");
        if (!System.getProperty("bench.probeJvmArgs", "").isBlank()) {
            row("fresh JVMs run with", System.getProperty("bench.probeJvmArgs"));
        }
        List<Long> first = new ArrayList<>();
        List<Long> launch = new ArrayList<>();
        List<Long> jvm = new ArrayList<>();
        List<Long> again = new ArrayList<>();
        List<Long> firstRequests = new ArrayList<>();
        List<Long> close = new ArrayList<>();
        List<Long> firstCpu = new ArrayList<>();
        List<Long> firstThreadCpu = new ArrayList<>();
        List<Long> compile = new ArrayList<>();
        List<Long> launcher = new ArrayList<>();
        for (int i = 0; i < settings.startProbes; i++) {
            // Side by side, one after the other: the launcher as `mvn -pl local exec:exec` runs it, then the probe.
            launcher.add(launcherStart());
            Probe probe = probe("start-probe", Integer.toString(settings.restarts));
            first.addAll(probe.values("first"));
            jvm.addAll(probe.values("jvmToMain"));
            again.addAll(probe.values("again"));
            firstRequests.addAll(probe.values("firstRequests"));
            close.addAll(probe.values("close"));
            firstCpu.addAll(probe.values("firstCpu"));
            firstThreadCpu.addAll(probe.values("firstThreadCpu"));
            compile.addAll(probe.values("compile"));
            launch.add(probe.launchToReady);
        }
        long launcherMedian = median(launcher);
        row("launcher (own JVM, " + launcherJvmArgs() + "), process launch to ready line, median of "
                + launcher.size(), seconds(launcherMedian) + "   (each: "
                + launcher.stream().map(LocalGroundTruthBenchmark::seconds).collect(Collectors.joining(", ")) + ")");
        long firstMedian = median(first);
        row("first start in a fresh JVM, median of " + first.size(), seconds(firstMedian) + "   (each: "
                + first.stream().map(LocalGroundTruthBenchmark::seconds).collect(Collectors.joining(", ")) + ")");
        row("  CPU time it took (whole JVM / the starting thread)", seconds(median(firstCpu)) + " / "
                + seconds(median(firstThreadCpu)) + String.format(Locale.ROOT, "   (%.1f of %d cores busy)",
                (double) median(firstCpu) / firstMedian, CORES));
        row("  JIT compilation time in it (JVM's count)", seconds(median(compile)));
        row("  JVM launch to main()", seconds(median(jvm)));
        row("  process launch to stack ready", seconds(median(launch)));
        row("  first requests after it (4 calls, new clients)", seconds(median(firstRequests)));
        row("  close()", seconds(median(close)));
        long againMedian = median(again);
        row("later start in the same JVM, median of " + again.size(), seconds(againMedian)
                + String.format(Locale.ROOT, "   (first/later = %.1fx)", (double) firstMedian / againMedian));

        Map<String, List<Long>> parts = new LinkedHashMap<>();
        Map<String, List<Long>> classes = new HashMap<>();
        for (int i = 0; i < settings.startProbes; i++) {
            Probe probe = probe("start-breakdown");
            for (String part : List.of("sqs", "s3", "sns", "clients", "engine", "sagemaker")) {
                parts.computeIfAbsent(part, k -> new ArrayList<>()).addAll(probe.values(part));
                classes.computeIfAbsent(part, k -> new ArrayList<>()).addAll(probe.values(part + ".classes"));
            }
        }
        System.out.println("  cold first start, one piece after another (fresh JVMs, median of " + settings.startProbes
                + "; the stack starts S3Proxy and SDK classes beside ElasticMQ):");
        long total = 0;
        long totalClasses = 0;
        for (Map.Entry<String, List<Long>> part : parts.entrySet()) {
            long m = median(part.getValue());
            long c = median(classes.get(part.getKey()));
            total += m;
            totalClasses += c;
            row("    " + describePart(part.getKey()), String.format(Locale.ROOT, "%s   %,6d classes loaded", seconds(m), c));
        }
        row("    sum", String.format(Locale.ROOT, "%s   %,6d classes loaded", seconds(total), totalClasses));
        row("  the stack's first start / this sum", String.format(Locale.ROOT, "%.2f", (double) firstMedian / total));
        summary.add(new String[] {"Start, launcher (launch to ready line)", "<= 3 s", seconds(launcherMedian),
                met(launcherMedian / 1e9 <= TARGET_START_SECONDS)});
        summary.add(new String[] {"Start, cold JVM (first start)", "(<= 3 s)", seconds(firstMedian),
                met(firstMedian / 1e9 <= TARGET_START_SECONDS)});
        summary.add(new String[] {"Start, warm JVM (later start)", "(<= 3 s)", seconds(againMedian),
                met(againMedian / 1e9 <= TARGET_START_SECONDS)});
    }

    private static String describePart(String part) {
        return switch (part) {
            case "sqs" -> "SQS (ElasticMQ, Pekko)";
            case "s3" -> "S3 (S3Proxy, jclouds, Jetty)";
            case "sns" -> "SNS (JDK HttpServer)";
            case "clients" -> "engine's SQS/SNS/S3 SDK clients";
            case "engine" -> "streaming engine";
            case "sagemaker" -> "SageMaker API server";
            default -> part;
        };
    }

    private static String launcherJvmArgs() {
        return System.getProperty("bench.launcherJvmArgs", "").trim();
    }

    /**
     * Starts the standalone launcher in a fresh JVM with the launcher's JVM options, as {@code exec:exec} does, and
     * returns the nanoseconds from process launch to its ready line; then stops it with SIGTERM.
     */
    private static long launcherStart() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!launcherJvmArgs().isEmpty()) {
            command.addAll(List.of(launcherJvmArgs().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalGroundTruthLauncher.class.getName()));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(LocalGroundTruthLauncher.READY_LINE)) {
                    long launchToReady = System.nanoTime() - t0;
                    process.destroy();
                    if (!process.waitFor(1, TimeUnit.MINUTES)) {
                        process.destroyForcibly();
                        throw new IllegalStateException("the launcher did not stop on SIGTERM");
                    }
                    return launchToReady;
                }
            }
        } finally {
            process.destroyForcibly();
        }
        throw new IllegalStateException("the launcher ended before its ready line: exit " + process.waitFor());
    }

    /** Runs this class in a fresh JVM with the same class path and collects its {@code probe.*} lines. */
    private static Probe probe(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-D" + LOG_LEVEL + "=" + System.getProperty(LOG_LEVEL));
        String probeJvmArgs = System.getProperty("bench.probeJvmArgs", "").trim();
        if (!probeJvmArgs.isEmpty()) {
            command.addAll(List.of(probeJvmArgs.split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LocalGroundTruthBenchmark.class.getName());
        command.addAll(List.of(args));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Probe probe = new Probe();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("probe.ready=1")) {
                    probe.launchToReady = System.nanoTime() - t0;
                } else if (line.startsWith("probe.")) {
                    int eq = line.indexOf('=');
                    probe.values.computeIfAbsent(line.substring(6, eq), k -> new ArrayList<>())
                            .add(Long.parseLong(line.substring(eq + 1)));
                } else {
                    System.out.println("  [probe] " + line);
                }
            }
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("start probe " + String.join(" ", args) + " did not end");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("start probe " + String.join(" ", args) + " failed: " + process.exitValue());
        }
        return probe;
    }

    private static final class Probe {
        final Map<String, List<Long>> values = new HashMap<>();
        long launchToReady;

        List<Long> values(String name) {
            return values.getOrDefault(name, List.of());
        }
    }

    // ------------------------------------------------------------------------------------------------- throughput

    private void throughput(Stack stack) throws Exception {
        section("2. Publish throughput (topic with one raw-delivery SQS subscription)");
        String topic = stack.sns.createTopic(b -> b.name("bench-throughput")).topicArn();
        String queue = stack.createQueue("bench-throughput");
        stack.sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(stack.queueArn(queue))
                .attributes(Map.of("RawMessageDelivery", "true")));
        String[] bodies = new String[settings.messages];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = codec.encode(DataObject.text("benchmark message " + i)).manifestLine();
        }
        int threads = settings.threads;
        System.out.printf(Locale.ROOT, "  each run: up to %d messages or %d s after a warm-up of up to %d messages or %d"
                        + " s; %d client threads share one SDK client; body %d bytes%n", settings.messages,
                settings.runLimit.toSeconds(), settings.warmup, settings.warmupLimit.toSeconds(), threads,
                bodies[0].length());

        Op snsSingle = (call, perCall) -> stack.sns.publish(b -> b.topicArn(topic).message(bodies[call % bodies.length]));
        Op snsBatch = (call, perCall) -> {
            List<PublishBatchRequestEntry> entries = new ArrayList<>(perCall);
            for (int e = 0; e < perCall; e++) {
                entries.add(PublishBatchRequestEntry.builder().id("m" + e)
                        .message(bodies[(call * perCall + e) % bodies.length]).build());
            }
            PublishBatchResponse response = stack.sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("PublishBatch entries failed: " + response.failed());
            }
        };
        Op sqsSingle = (call, perCall) -> stack.sqs.sendMessage(b -> b.queueUrl(queue).messageBody(bodies[call % bodies.length]));
        Op sqsBatch = (call, perCall) -> {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(perCall);
            for (int e = 0; e < perCall; e++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + e)
                        .messageBody(bodies[(call * perCall + e) % bodies.length]).build());
            }
            SendMessageBatchResponse response = stack.sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("SendMessageBatch entries failed: " + response.failed());
            }
        };

        // The JIT compiles the whole path once, before anything is measured: every operation for a while.
        long warming = System.nanoTime();
        Duration jitWarmup = Duration.ofSeconds(Long.getLong("bench.jitWarmupSeconds", settings.jitWarmup.toSeconds()));
        for (Op op : List.of(snsSingle, snsBatch, sqsSingle, sqsBatch)) {
            drive(threads, 1_000_000, jitWarmup, op, op == snsBatch || op == sqsBatch ? 10 : 1);
            stack.sqs.purgeQueue(b -> b.queueUrl(queue));
        }
        stack.sqs.purgeQueue(b -> b.queueUrl(queue));
        System.out.printf(Locale.ROOT, "  (JIT warm-up: every operation below for %d s, %.0f s in all)%n",
                jitWarmup.toSeconds(), (System.nanoTime() - warming) / 1e9);
        // Round 1 and the thread sweep also finish the JIT's work (on 2 cores it compiles for minutes); round 2 is
        // the result. Both rounds are printed, so a drift between them shows.
        System.out.println("  round 1:");
        Rate[] first = headline(stack, queue, threads, snsSingle, snsBatch, sqsSingle, sqsBatch);
        System.out.println("  other thread counts:");
        for (int t : settings.threadSweep) {
            measureRate(stack, queue, "SNS PublishBatch (10), " + t + " thread" + (t == 1 ? "" : "s"), t, 10, snsBatch);
        }
        for (int t : settings.threadSweep) {
            measureRate(stack, queue, "SNS Publish, " + t + " thread" + (t == 1 ? "" : "s"), t, 1, snsSingle);
        }
        System.out.println("  round 2 (the result):");
        Rate[] second = headline(stack, queue, threads, snsSingle, snsBatch, sqsSingle, sqsBatch);
        Rate single = second[0];
        Rate batched = second[1];
        System.out.printf(Locale.ROOT, "  side by side: PublishBatch/Publish = %.1fx;  Publish/SendMessage = %.2f;"
                        + "  PublishBatch/SendMessageBatch = %.2f;  round 2/round 1 = %.2f, %.2f, %.2f, %.2f%n",
                batched.perSecond / single.perSecond, single.perSecond / second[2].perSecond,
                batched.perSecond / second[3].perSecond, second[0].perSecond / first[0].perSecond,
                second[1].perSecond / first[1].perSecond, second[2].perSecond / first[2].perSecond,
                second[3].perSecond / first[3].perSecond);
        stack.sqs.deleteQueue(b -> b.queueUrl(queue));
        summary.add(new String[] {"SNS Publish, single, " + threads + " threads", "-", perSecond(single.perSecond), "-"});
        summary.add(new String[] {"SNS PublishBatch (10), " + threads + " threads", ">= 5,000 msg/s",
                perSecond(batched.perSecond), met(batched.perSecond >= TARGET_BATCHED_PER_SECOND)});
    }

    /** SNS Publish, SNS PublishBatch, SQS SendMessage, SQS SendMessageBatch, in that order. */
    private Rate[] headline(Stack stack, String queue, int threads, Op snsSingle, Op snsBatch, Op sqsSingle,
                            Op sqsBatch) throws Exception {
        return new Rate[] {
            measureRate(stack, queue, "SNS Publish", threads, 1, snsSingle),
            measureRate(stack, queue, "SNS PublishBatch (10)", threads, 10, snsBatch),
            measureRate(stack, queue, "SQS SendMessage, straight (baseline)", threads, 1, sqsSingle),
            measureRate(stack, queue, "SQS SendMessageBatch (10), straight", threads, 10, sqsBatch)};
    }

    @FunctionalInterface
    private interface Op {
        void call(int call, int perCall);
    }

    private record Rate(double perSecond, Samples callTimes, double cpuNanosPerMessage) {
    }

    /**
     * A warm-up run, then a measured run, each ending at its message count or its time limit, whichever comes first;
     * checks that every message reached the queue, then empties it.
     */
    private Rate measureRate(Stack stack, String queue, String name, int threads, int perCall, Op op) throws Exception {
        stack.sqs.purgeQueue(b -> b.queueUrl(queue));
        Driven warmup = drive(threads, settings.warmup / perCall, settings.warmupLimit, op, perCall);
        long gcBefore = gcMillis();
        CpuMeter.Snapshot before = CpuMeter.snapshot();
        Driven run = drive(threads, settings.messages / perCall, settings.runLimit, op, perCall);
        Map<String, Long> cpu = CpuMeter.byGroup(before, CpuMeter.snapshot(), run.clientCpu());
        long gc = gcMillis() - gcBefore;
        int expected = (warmup.calls() + run.calls()) * perCall;
        int delivered = stack.queueDepth(queue);
        int messages = run.calls() * perCall;
        double rate = messages / (run.wallNanos() / 1e9);
        Samples times = new Samples(run.callNanos());
        System.out.printf(Locale.ROOT, "  %-38s %7s msg/s  %6d msgs in %4.1f s  call p50 %s, p99 %s ms  gc %d ms  %s%n",
                name, perSecond(rate), messages, run.wallNanos() / 1e9, Samples.millis(times.median()),
                Samples.millis(times.percentile(0.99)), gc,
                delivered == expected ? "all delivered" : "QUEUE HAS " + delivered + " OF " + expected);
        double cpuPerMessage = CpuMeter.total(cpu) / (double) messages;
        System.out.printf(Locale.ROOT, "  %-38s CPU/msg %s µs; cores busy %.0f%% -> idle-machine ceiling %s msg/s%n",
                "", CpuMeter.perUnit(cpu, messages), 100.0 * CpuMeter.total(cpu) / run.wallNanos() / CORES,
                perSecond(CORES * 1e9 / cpuPerMessage));
        stack.sqs.purgeQueue(b -> b.queueUrl(queue));
        return new Rate(rate, times, cpuPerMessage);
    }

    /** What a {@link #drive} did: calls made, each call's duration, wall time, and the client threads' CPU. */
    private record Driven(int calls, long[] callNanos, long wallNanos, long clientCpu) {
    }

    /**
     * Makes up to {@code maxCalls} calls from {@code threads} threads, taking no new call once {@code limit} has
     * passed.
     */
    private static Driven drive(int threads, int maxCalls, Duration limit, Op op, int perCall)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger made = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        long[] callNanos = new long[maxCalls];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        long[] deadline = new long[1];
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                long cpuAtStart = CpuMeter.currentThread();
                ready.countDown();
                try {
                    go.await();
                    for (int call = next.getAndIncrement(); call < maxCalls && System.nanoTime() - deadline[0] < 0;
                         call = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        try {
                            op.call(call, perCall);
                        } catch (RuntimeException e) {
                            if (failures.incrementAndGet() == 1) {
                                e.printStackTrace();
                            }
                        }
                        callNanos[call] = System.nanoTime() - t0;
                        made.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    clientCpu.addAndGet(CpuMeter.currentThread() - cpuAtStart);
                    done.countDown();
                }
            }, "bench-client-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        ready.await();
        long t0 = System.nanoTime();
        deadline[0] = t0 + limit.toNanos();
        go.countDown();
        if (!done.await(limit.toSeconds() + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the publishers did not finish");
        }
        long wall = System.nanoTime() - t0;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " calls failed");
        }
        // Calls are handed out in order, so the first `made` slots are the ones filled.
        return new Driven(made.get(), Arrays.copyOf(callNanos, made.get()), wall, clientCpu.get());
    }

    // ---------------------------------------------------------------------------------------- SNS to SQS latency

    private void snsToSqsLatency(Stack stack) throws Exception {
        section("3. SNS -> SQS latency (Publish -> received by a long-polling consumer, one message at a time)");
        String topic = stack.sns.createTopic(b -> b.name("bench-latency")).topicArn();
        String queue = stack.createQueue("bench-latency");
        stack.sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(stack.queueArn(queue))
                .attributes(Map.of("RawMessageDelivery", "true")));
        int total = settings.latencyWarmup + settings.latencyMessages;
        String[] bodies = new String[total];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < total; i++) {
            bodies[i] = codec.encode(DataObject.text("latency message " + i)).manifestLine();
            index.put(bodies[i], i);
        }
        Sequential result;
        try (Receiver receiver = new Receiver(stack.sqs, queue, total, body -> index.getOrDefault(body, -1))) {
            result = sequential(total, settings.latencyWarmup, receiver,
                    i -> stack.sns.publish(b -> b.topicArn(topic).message(bodies[i])));
        }
        Samples latency = result.latency(settings.latencyWarmup);
        Samples publishCall = result.call(settings.latencyWarmup);
        System.out.printf(Locale.ROOT, "  %d messages after %d warm-up, %d ms apart%n", result.measured(),
                settings.latencyWarmup, TimeUnit.NANOSECONDS.toMillis(GAP_NANOS));
        row("publish -> received", latency.summaryMillis());
        row("  the Publish call alone (delivery is inside it)", publishCall.summaryMillis());
        row("CPU per message, µs", CpuMeter.perUnit(result.cpu(), result.measured()));
        row("lost (not received within " + RECEIVE_TIMEOUT.toSeconds() + " s)", Integer.toString(result.lost));
        stack.sqs.deleteQueue(b -> b.queueUrl(queue));
        snsToSqs = latency;
        summary.add(new String[] {"SNS -> SQS latency p50 / p99", "-",
                Samples.millis(latency.median()) + " / " + Samples.millis(latency.percentile(0.99)) + " ms", "-"});
    }

    // ------------------------------------------------------------------------------------------ end-to-end latency

    private void endToEndLatency(Stack stack) throws Exception {
        section("4. Data object -> labeled output latency (streaming job, RuleBasedAnnotator.firstLabel())");
        stack.s3.createBucket(b -> b.bucket("bench-labels"));
        stack.s3.putObject(b -> b.bucket("bench-labels").key("config.json"),
                RequestBody.fromString(LabelCategoryConfig.of("positive", "negative").toJson()));
        String input = stack.sns.createTopic(b -> b.name("bench-input")).topicArn();
        String output = stack.sns.createTopic(b -> b.name("bench-output")).topicArn();
        String queue = stack.createQueue("bench-output");
        stack.sns.subscribe(b -> b.topicArn(output).protocol("sqs").endpoint(stack.queueArn(queue))
                .attributes(Map.of("RawMessageDelivery", "true")));
        String jobName = "bench-job";
        LabelingJobSpec spec = LabelingJobSpec.builder()
                .region(stack.local.region())
                .taskType(TaskType.TEXT_CLASSIFICATION)
                .labelingJobName(jobName)
                .labelAttributeName("sentiment")
                .inputSnsTopicArn(input)
                .outputSnsTopicArn(output)
                .s3OutputPath("s3://bench-labels/output")
                .roleArn("arn:aws:iam::" + stack.local.accountId() + ":role/GroundTruth")
                .labelCategoryConfigS3Uri("s3://bench-labels/config.json")
                .workteamArn("arn:aws:sagemaker:" + stack.local.region() + ":" + stack.local.accountId()
                        + ":workteam/private-crowd/team")
                .uiTemplateS3Uri("s3://bench-labels/template.html")
                .taskTitle("Sentiment")
                .taskDescription("Positive or negative?")
                .numberOfHumanWorkersPerDataObject(3)
                .taskTimeLimitInSeconds(300)
                .build();
        long created = System.nanoTime();
        stack.sageMaker.createLabelingJob(spec.toCreateRequest());
        while (status(stack, jobName) != LabelingJobStatus.IN_PROGRESS) {
            if (System.nanoTime() - created > TimeUnit.SECONDS.toNanos(30)) {
                throw new IllegalStateException("the job is not InProgress after 30 s: " + status(stack, jobName));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        long inProgress = System.nanoTime() - created;

        int total = settings.e2eWarmup + settings.e2eMessages;
        String[] bodies = new String[total];
        for (int i = 0; i < total; i++) {
            bodies[i] = codec.encode(DataObject.text("bench object " + i)).manifestLine();
        }
        OutputLineParser parser = new OutputLineParser();
        ToIntFunction<String> indexOf = body -> {
            LabelingResult result = parser.parse(body);
            String source = result.source().orElse("");
            return source.startsWith("bench object ") ? Integer.parseInt(source.substring(13)) : -1;
        };
        Sequential result;
        try (Receiver receiver = new Receiver(stack.sqs, queue, total, indexOf)) {
            result = sequential(total, settings.e2eWarmup, receiver,
                    i -> stack.sns.publish(b -> b.topicArn(input).message(bodies[i])));
        }
        DescribeLabelingJobResponse described = stack.sageMaker.describeLabelingJob(b -> b.labelingJobName(jobName));
        Samples latency = result.latency(settings.e2eWarmup);
        System.out.printf(Locale.ROOT, "  %d objects after %d warm-up, %d ms apart; CreateLabelingJob -> InProgress"
                + " %s (InitializingDelay 0)%n", result.measured(), settings.e2eWarmup,
                TimeUnit.NANOSECONDS.toMillis(GAP_NANOS), seconds(inProgress));
        row("publish data object -> output received", latency.summaryMillis());
        row("  the Publish call alone", result.call(settings.e2eWarmup).summaryMillis());
        // The output line's creation-date is the engine's clock when it completed the object, just before it
        // publishes the line: it splits the path in an inbound and an outbound half (wall clock, microseconds).
        List<Long> inbound = new ArrayList<>();
        List<Long> outbound = new ArrayList<>();
        for (int i = settings.e2eWarmup; i < result.sent(); i++) {
            if (result.bodies()[i] != null) {
                LocalDateTime labeled = parser.parse(result.bodies()[i]).creationDate().orElse(null);
                if (labeled != null) {
                    long labeledMicros = ChronoUnit.MICROS.between(Instant.EPOCH, labeled.toInstant(ZoneOffset.UTC));
                    inbound.add((labeledMicros - result.sentWallMicros()[i]) * 1_000);
                    outbound.add((result.receivedWallMicros()[i] - labeledMicros) * 1_000);
                }
            }
        }
        row("  publish -> engine labeled it (creation-date)", samples(inbound).summaryMillis());
        row("  labeled -> output received", samples(outbound).summaryMillis());
        if (snsToSqs != null) {
            row("  side by side: SNS -> SQS alone", snsToSqs.summaryMillis());
            System.out.printf(Locale.ROOT, "  end-to-end p50 / SNS->SQS p50 = %.1fx (two SNS->SQS hops are in the path)%n",
                    (double) latency.median() / snsToSqs.median());
        }
        row("CPU per object, µs", CpuMeter.perUnit(result.cpu(), result.measured()));
        row("lost (not received within " + RECEIVE_TIMEOUT.toSeconds() + " s)", Integer.toString(result.lost));
        row("job counters", "totalLabeled " + described.labelCounters().totalLabeled() + " of " + total + ", failed "
                + described.labelCounters().failedNonRetryableError());
        // Stopped before the stack closes, so no periodic output flush is under way when the engine shuts down.
        stack.sageMaker.stopLabelingJob(b -> b.labelingJobName(jobName));
        long stopping = System.nanoTime();
        while (status(stack, jobName) != LabelingJobStatus.STOPPED
                && System.nanoTime() - stopping < TimeUnit.SECONDS.toNanos(30)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        summary.add(new String[] {"Data object -> output p50 / p99", "p50 <= 50 ms",
                Samples.millis(latency.median()) + " / " + Samples.millis(latency.percentile(0.99)) + " ms",
                met(latency.median() / 1e6 <= TARGET_E2E_P50_MILLIS)});
    }

    private static LabelingJobStatus status(Stack stack, String job) {
        return stack.sageMaker.describeLabelingJob(b -> b.labelingJobName(job)).labelingJobStatus();
    }

    // ------------------------------------------------------------------------------------- sequential latency run

    @FunctionalInterface
    private interface Send {
        void send(int index);
    }

    /** Per message: when it was sent, when the send call returned, when it was received (0 if never). */
    private record Sequential(long[] sentAt, long[] sendReturnedAt, long[] receivedAt, long[] sentWallMicros,
                              long[] receivedWallMicros, String[] bodies, int sent, int lost, Map<String, Long> cpu,
                              int measured) {

        Samples latency(int skip) {
            List<Long> values = new ArrayList<>();
            for (int i = skip; i < sent; i++) {
                if (receivedAt[i] != 0) {
                    values.add(receivedAt[i] - sentAt[i]);
                }
            }
            return new Samples(values.stream().mapToLong(Long::longValue).toArray());
        }

        Samples call(int skip) {
            long[] values = new long[sent - skip];
            for (int i = skip; i < sent; i++) {
                values[i - skip] = sendReturnedAt[i] - sentAt[i];
            }
            return new Samples(values);
        }
    }

    /**
     * Sends message after message, each once the previous one arrived (or timed out), with a short gap; sends no
     * more once {@link #SEQUENTIAL_LIMIT} has passed.
     */
    private static Sequential sequential(int total, int warmup, Receiver receiver, Send send)
            throws InterruptedException {
        long[] sentAt = new long[total];
        long[] returnedAt = new long[total];
        long[] sentWall = new long[total];
        int lost = 0;
        CpuMeter.Snapshot before = CpuMeter.snapshot();
        long deadline = System.nanoTime() + SEQUENTIAL_LIMIT.toNanos();
        int i = 0;
        for (; i < total && (i <= warmup || System.nanoTime() - deadline < 0); i++) {
            if (i == warmup) {
                before = CpuMeter.snapshot();
            }
            sentWall[i] = wallMicros();
            sentAt[i] = System.nanoTime();
            send.send(i);
            returnedAt[i] = System.nanoTime();
            if (!receiver.awaitArrival(i, RECEIVE_TIMEOUT)) {
                lost++;
            }
            LockSupport.parkNanos(GAP_NANOS);
        }
        Map<String, Long> cpu = CpuMeter.byGroup(before, CpuMeter.snapshot(), 0);
        return new Sequential(sentAt, returnedAt, receiver.receivedAt, sentWall, receiver.receivedWallMicros,
                receiver.bodies, i, lost, cpu, Math.max(1, i - warmup));
    }

    /**
     * A consumer long-polling one queue (20 s waits, up to 10 messages) on its own thread, stamping each message on
     * arrival. It leaves messages in flight (the queue's visibility timeout is 12 h) instead of deleting them, so it
     * is back in its long poll at once; the queue is deleted afterwards.
     */
    private static final class Receiver implements AutoCloseable {
        private static final String STOP = "bench-receiver-stop";

        final long[] receivedAt;
        final long[] receivedWallMicros;
        final String[] bodies;
        private final SqsClient sqs;
        private final String queue;
        private final ToIntFunction<String> indexOf;
        private final BlockingQueue<Integer> arrivals = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile boolean running = true;

        Receiver(SqsClient sqs, String queue, int total, ToIntFunction<String> indexOf) {
            this.sqs = sqs;
            this.queue = queue;
            this.indexOf = indexOf;
            this.receivedAt = new long[total];
            this.receivedWallMicros = new long[total];
            this.bodies = new String[total];
            this.thread = new Thread(this::loop, "bench-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running) {
                List<Message> messages;
                try {
                    messages = sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(20).maxNumberOfMessages(10))
                            .messages();
                } catch (RuntimeException e) {
                    if (running) {
                        e.printStackTrace();
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                    }
                    continue;
                }
                long now = System.nanoTime();
                long wall = wallMicros();
                for (Message message : messages) {
                    if (message.body().equals(STOP)) {
                        return;
                    }
                    int index = indexOf.applyAsInt(message.body());
                    if (index >= 0 && index < receivedAt.length && receivedAt[index] == 0) {
                        receivedAt[index] = now;
                        receivedWallMicros[index] = wall;
                        bodies[index] = message.body();
                        arrivals.add(index);
                    }
                }
            }
        }

        boolean awaitArrival(int index, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Integer arrived = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (arrived == null) {
                    return false;
                }
                if (arrived == index) {
                    return true;
                }
            }
        }

        @Override
        public void close() {
            running = false;
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(STOP));
            try {
                thread.join(TimeUnit.SECONDS.toMillis(25));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------ stack

    private record Stack(LocalGroundTruth local, SnsClient sns, SqsClient sqs, S3Client s3, SageMakerClient sageMaker) {

        /** A queue whose received messages stay invisible for 12 h, so nothing is received twice during a run. */
        String createQueue(String name) {
            return sqs.createQueue(b -> b.queueName(name)
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43200"))).queueUrl();
        }

        String queueArn(String queueUrl) {
            return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
        }

        int queueDepth(String queueUrl) {
            return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        }
    }

    // ---------------------------------------------------------------------------------------------------- summary

    private void printSummary(Duration took) {
        section("Summary (" + CORES + " cores, run took " + took.toSeconds() + " s, load average now "
                + loadAverage() + ", this run included)");
        System.out.println("| measure | target | measured | met |");
        System.out.println("| --- | --- | --- | --- |");
        for (String[] line : summary) {
            System.out.println("| " + String.join(" | ", line) + " |");
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** The wall clock in microseconds since the epoch, as the engine stamps {@code creation-date}. */
    private static long wallMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static long median(List<Long> values) {
        return samples(values).median();
    }

    private static Samples samples(List<Long> values) {
        return new Samples(values.stream().mapToLong(Long::longValue).toArray());
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%,.0f", rate);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void row(String name, String value) {
        System.out.printf(Locale.ROOT, "  %-48s %s%n", name, value);
    }

    /** How much to run. */
    private record Settings(String name, int startProbes, int restarts, Duration jitWarmup, int warmup,
                            Duration warmupLimit, int messages, Duration runLimit, int threads, int[] threadSweep,
                            int latencyWarmup, int latencyMessages, int e2eWarmup, int e2eMessages) {

        static final Settings FULL = new Settings("full", 3, 3, Duration.ofSeconds(8), 2_000, Duration.ofSeconds(2),
                50_000, Duration.ofSeconds(8), 4, new int[] {1, 8}, 300, 2_000, 200, 1_000);
        static final Settings QUICK = new Settings("quick", 1, 1, Duration.ofSeconds(2), 200, Duration.ofSeconds(1),
                2_000, Duration.ofSeconds(3), 4, new int[] {}, 20, 200, 10, 100);
    }
}
