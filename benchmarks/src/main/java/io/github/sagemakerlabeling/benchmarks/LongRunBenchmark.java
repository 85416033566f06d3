package io.github.sagemakerlabeling.benchmarks;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Issue 15, item 5: what one long-running streaming job costs. One job is fed {@code --objects} small texts (default
 * 1,000,000) spread over {@code --days} simulated days (default 60) by the component, which also consumes every
 * result; Local Ground Truth runs as a child JVM (its launcher) whose clock runs {@code days / expected run time}
 * times faster. At every tenth of the objects it reports, after a full GC, the heap of this app and of the stack
 * ({@code jcmd GC.run}, {@code GC.heap_info}), the stack's heap growth per object (an upper bound of its dedup index),
 * the job's S3 output (keys, bytes, the intermediate manifest) and the objects/s of the last tenth.
 *
 * <p>Run: {@code java @benchmarks/target/benchmark.args long-run [--objects N] [--days D] [--rate R]}, where
 * {@code R} is the objects/s the run is expected to reach (it sets the clock speed; default 500).
 */
final class LongRunBenchmark {

    private static final String JOB = "long-run";
    private static final String BUCKET = "long-run";
    private static final int CHUNK = 100;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private LongRunBenchmark() {
    }

    static void main(List<String> args) throws Exception {
        long objects = option(args, "--objects", 1_000_000);
        long days = option(args, "--days", 60);
        long rate = option(args, "--rate", 500);
        double speed = days * 86_400.0 / (objects / (double) rate);
        long tenth = Math.max(CHUNK, objects / 10);
        System.out.printf(Locale.ROOT, "one job, %,d texts over %d simulated days, clock x%.0f; a row every %,d%n",
                objects, days, speed, tenth);
        try (LauncherProcess stack = LauncherProcess.start(List.of(), List.of("--workers", "first-label", "--speed",
                String.format(Locale.ROOT, "%.1f", speed)))) {
            String region = stack.value("region");
            String account = stack.value("account");
            S3Client s3 = LocalAwsClients.s3(stack.endpoint("s3"), region);
            s3.createBucket(b -> b.bucket(BUCKET));
            CamelContext context = new DefaultCamelContext();
            context.getRegistry().bind("sageMaker", LocalAwsClients.configure(SageMakerClient.builder(),
                    stack.endpoint("sagemaker"), region).build());
            context.getRegistry().bind("sns", LocalAwsClients.sns(stack.endpoint("sns"), region));
            context.getRegistry().bind("sqs", LocalAwsClients.sqs(stack.endpoint("sqs"), region));
            context.getRegistry().bind("s3", s3);
            String job = "sagemaker-labeling:" + JOB + "?taskType=textClassification&labels=positive,negative"
                    + "&region=" + region
                    + "&workteamArn=arn:aws:sagemaker:" + region + ":" + account + ":workteam/private-crowd/bench"
                    + "&roleArn=arn:aws:iam::" + account + ":role/GroundTruth"
                    + "&s3OutputPath=s3://" + BUCKET + "/output&autoCreateTopics=true";
            LongAdder labeled = new LongAdder();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:feed").to(job + "&operation=sendDataObjects&maxBacklog=20000");
                    from(job + "&concurrentConsumers=2&waitTimeSeconds=1").process(exchange -> labeled.increment());
                }
            });
            context.start();
            Thread feeder = feeder(context.createProducerTemplate(), objects, days * 86_400.0 / speed);
            feeder.start();
            System.out.println("| objects | app heap after GC (MB) | stack heap after GC (MB) | stack growth/object (B)"
                    + " | S3 output keys | S3 output MB | intermediate manifest MB | objects/s of this tenth |");
            System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            long began = System.nanoTime();
            long previous = began;
            long firstStackHeap = -1;
            for (long mark = tenth; mark <= objects; mark += tenth) {
                while (labeled.sum() < mark) {
                    Thread.sleep(50);
                }
                long now = System.nanoTime();
                long appHeap = appHeapAfterGc();
                long stackHeap = stackHeapAfterGc(stack.pid());
                if (firstStackHeap < 0) {
                    firstStackHeap = stackHeap;
                }
                long[] output = output(s3);
                System.out.printf(Locale.ROOT, "| %,d | %.1f | %.1f | %s | %,d | %.1f | %.1f | %.0f |%n", mark,
                        appHeap / 1e6, stackHeap / 1e6, mark == tenth ? "" : String.valueOf((stackHeap - firstStackHeap)
                                / (mark - tenth)), output[0], output[1] / 1e6, output[2] / 1e6,
                        tenth / ((now - previous) / 1e9));
                previous = System.nanoTime();
            }
            System.out.printf(Locale.ROOT, "all %,d labeled in %.0f s%n", objects, (System.nanoTime() - began) / 1e9);
            feeder.join();
            context.stop();
        }
    }

    /** Sends the texts in lists of 100, no faster than the schedule that spreads them over {@code seconds}. */
    private static Thread feeder(ProducerTemplate template, long objects, double seconds) {
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            for (long first = 0; first < objects; first += CHUNK) {
                long due = start + (long) (first / (double) objects * seconds * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                List<String> texts = LongStream.range(first, Math.min(objects, first + CHUNK))
                        .mapToObj(i -> "review " + i + ": the food was " + (i % 2 == 0 ? "delicious" : "cold"))
                        .toList();
                template.sendBody("direct:feed", texts);
            }
        }, "long-run-feeder");
        thread.setDaemon(true);
        return thread;
    }

    private static long appHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The stack's used heap after a full GC, read with jcmd. */
    private static long stackHeapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return text;
        }
    }

    /** The job's S3 output: keys, bytes, and the size of the intermediate manifest. */
    private static long[] output(S3Client s3) {
        long keys = 0;
        long bytes = 0;
        long manifest = 0;
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("output/" + JOB + "/"))
                .contents()) {
            keys++;
            bytes += object.size();
            if (object.key().endsWith("manifests/intermediate/1/output.manifest")) {
                manifest = object.size();
            }
        }
        return new long[] {keys, bytes, manifest};
    }

    private static long option(List<String> args, String name, long fallback) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? Long.parseLong(args.get(index + 1).replace("_", "")) : fallback;
    }
}
