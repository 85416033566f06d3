package io.github.sagemakerlabeling.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.AwsClients;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.engine.StreamingEngine;
import io.github.sagemakerlabeling.local.s3.LocalS3;
import io.github.sagemakerlabeling.local.sagemaker.LabelingJobApi;
import io.github.sagemakerlabeling.local.sagemaker.SageMakerHttpServer;
import io.github.sagemakerlabeling.local.sns.LocalSns;
import io.github.sagemakerlabeling.local.sqs.LocalSqs;
import io.github.sagemakerlabeling.local.time.SimulationClock;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What runs in the fresh JVMs that time a cold start. Each result is one line {@code probe.<name>=<nanoseconds>} on
 * standard output, read by {@link LocalGroundTruthBenchmark}; {@code probe.ready} is printed the moment the first
 * stack is up, so the parent can time the whole launch.
 */
final class StartProbe {

    private StartProbe() {
    }

    /**
     * A cold first start of the whole stack, the first requests through fresh clients, then {@code restarts} more
     * starts in the same JVM (each closed before the next).
     */
    static void startTimes(int restarts) {
        long jvmUpMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long thread0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        LocalGroundTruth first = LocalGroundTruth.builder().start();
        long started = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long thread1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        System.out.println("probe.ready=1");
        System.out.flush();
        print("jvmToMain", jvmUpMillis * 1_000_000);
        print("first", started - t0);
        print("firstCpu", cpu1 - cpu0);
        print("firstThreadCpu", thread1 - thread0);
        print("compile", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000);
        print("firstRequests", firstRequests(first));
        long c0 = System.nanoTime();
        first.close();
        print("close", System.nanoTime() - c0);
        for (int i = 0; i < restarts; i++) {
            long s0 = System.nanoTime();
            LocalGroundTruth again = LocalGroundTruth.builder().start();
            print("again", System.nanoTime() - s0);
            again.close();
        }
    }

    /**
     * The first start again, piece by piece in a fresh JVM, one after another (where {@link LocalGroundTruth} starts
     * S3Proxy and loads SDK client classes beside ElasticMQ): which server costs what.
     */
    static void breakdown() throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            classesAtLap = CLASSES.getTotalLoadedClassCount();
            long t = System.nanoTime();
            LocalSqs sqs = LocalSqs.builder().start();
            resources.add(sqs);
            t = lap("sqs", t);
            LocalS3 s3 = LocalS3.builder().start();
            resources.add(s3);
            t = lap("s3", t);
            LocalSns sns = LocalSns.builder(sqs.endpoint()).start();
            resources.add(sns);
            t = lap("sns", t);
            AwsClients clients = new AwsClients(LocalAwsClients.sqs(sqs.endpoint(), LocalDefaults.REGION),
                    LocalAwsClients.sns(sns.endpoint(), LocalDefaults.REGION),
                    LocalAwsClients.s3(s3.endpoint(), LocalDefaults.REGION));
            resources.add(clients.sqs());
            resources.add(clients.sns());
            resources.add(clients.s3());
            t = lap("clients", t);
            SimulationClock clock = SimulationClock.realTime();
            StreamingEngine engine = new StreamingEngine(clock, clients, EngineSettings.defaults());
            resources.add(engine);
            t = lap("engine", t);
            SageMakerHttpServer sageMaker = new SageMakerHttpServer(
                    new LabelingJobApi(LocalDefaults.REGION, LocalDefaults.ACCOUNT_ID, clock, engine), 0);
            resources.add(sageMaker);
            lap("sagemaker", t);
        } finally {
            Collections.reverse(resources);
            for (AutoCloseable resource : resources) {
                resource.close();
            }
        }
    }

    /** A user's first calls after the start: a topic, a queue and an object through new clients. */
    private static long firstRequests(LocalGroundTruth local) {
        long t0 = System.nanoTime();
        try (SnsClient sns = local.snsClient(); SqsClient sqs = local.sqsClient(); S3Client s3 = local.s3Client()) {
            sns.createTopic(b -> b.name("probe"));
            sqs.createQueue(b -> b.queueName("probe"));
            s3.createBucket(b -> b.bucket("probe"));
            s3.putObject(b -> b.bucket("probe").key("probe.txt"), RequestBody.fromString("probe"));
        }
        return System.nanoTime() - t0;
    }

    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
    private static long classesAtLap = CLASSES.getTotalLoadedClassCount();

    /** Prints the time since {@code since} and the classes loaded since the last lap; returns now. */
    private static long lap(String name, long since) {
        long now = System.nanoTime();
        long classes = CLASSES.getTotalLoadedClassCount();
        print(name, now - since);
        System.out.println("probe." + name + ".classes=" + (classes - classesAtLap));
        classesAtLap = classes;
        return now;
    }

    private static void print(String name, long nanos) {
        System.out.println("probe." + name + "=" + nanos);
        System.out.flush();
    }
}
