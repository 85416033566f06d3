package io.github.sagemakerlabeling.local.launcher;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Local Ground Truth as a process until Ctrl-C or SIGTERM.
 *
 * <p>Standard output carries only {@code name=value} lines, in this order, each printed once:
 *
 * <pre>
 * sagemaker=http://127.0.0.1:PORT
 * sns=http://127.0.0.1:PORT
 * sqs=http://127.0.0.1:PORT
 * s3=http://127.0.0.1:PORT
 * edge=http://127.0.0.1:PORT
 * health=http://127.0.0.1:PORT/_local-ground-truth/health
 * AWS_ENDPOINT_URL=http://127.0.0.1:PORT
 * AWS_ENDPOINT_URL_SAGEMAKER=http://127.0.0.1:PORT
 * AWS_ENDPOINT_URL_SNS=http://127.0.0.1:PORT
 * AWS_ENDPOINT_URL_SQS=http://127.0.0.1:PORT
 * AWS_ENDPOINT_URL_S3=http://127.0.0.1:PORT
 * region=us-east-1
 * account=000000000000
 * ready=true
 * </pre>
 *
 * <p>so a script or a test can wait for {@code ready=true} and read the endpoints. Logs, and anything a library
 * prints, go to standard error. A JVM shutdown hook stops every server, releasing its port, before the process exits.
 * A bad option prints one line naming the option and its rule on standard error and exits with 2; a stack that cannot
 * start (a fixed port in use) exits with 1. See {@link LauncherOptions#USAGE} for the options.
 */
public final class LocalGroundTruthLauncher {

    /** The command's name in messages. */
    public static final String NAME = "local-ground-truth";
    /** The last line on standard output once every service listens. */
    public static final String READY_LINE = "ready=true";

    private LocalGroundTruthLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream stdout = System.out;
        // Standard output is for the name=url lines alone: whatever a library prints goes to standard error.
        System.setOut(System.err);
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (LauncherOptionException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            stdout.print(LauncherOptions.USAGE);
            stdout.flush();
            return;
        }
        configureLogging();
        Logger log = LoggerFactory.getLogger(LocalGroundTruthLauncher.class);

        long startNanos = System.nanoTime();
        LocalGroundTruth stack;
        try {
            stack = options.toBuilder().start();
        } catch (RuntimeException e) {
            System.err.println(NAME + ": could not start: " + rootCause(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping Local Ground Truth");
            stack.close();
            log.info("Local Ground Truth stopped; its ports are free");
        }, NAME + "-shutdown"));

        stdout.print(lines(stack));
        stdout.flush();
        log.info("Local Ground Truth is ready in {} ms (region {}, clock speed {}, workers {}); Ctrl-C stops it",
                (System.nanoTime() - startNanos) / 1_000_000, stack.region(), options.speed(), options.workers());
        if (options.stopWithParent()) {
            stopWithParent(log);
        }
        // The servers run on their own threads; main waits for the shutdown hook to end the JVM.
        new CountDownLatch(1).await();
    }

    /**
     * Ends this JVM, through the shutdown hook, when its parent process ends: Maven's {@code exec:exec} does not stop
     * the process it started when Maven itself is killed, and a stack left behind would hold its ports.
     */
    private static void stopWithParent(Logger log) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            log.info("The parent process {} ended", parent.pid());
            System.exit(0);
        }));
    }

    /** What standard output shows for a started stack: one {@code name=value} line each, ending with the ready line. */
    static String lines(LocalGroundTruth stack) {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, URI> endpoint : stack.endpoints().entrySet()) {
            lines.append(endpoint.getKey()).append('=').append(endpoint.getValue()).append(System.lineSeparator());
        }
        lines.append("portal-entry=").append(stack.portalEntryUrl()).append(System.lineSeparator());
        lines.append("edge=").append(stack.edgeEndpoint()).append(System.lineSeparator());
        lines.append("health=").append(stack.healthUrl()).append(System.lineSeparator());
        // The AWS SDKs' and CLI's own variables: one endpoint for all services, or one per service (set -a; . file).
        lines.append("AWS_ENDPOINT_URL=").append(stack.edgeEndpoint()).append(System.lineSeparator());
        for (Map.Entry<String, URI> endpoint : stack.endpoints().entrySet()) {
            if (endpoint.getKey().equals("portal")) {
                continue; // a web page for people, not an AWS service
            }
            lines.append("AWS_ENDPOINT_URL_").append(endpoint.getKey().toUpperCase(Locale.ROOT)).append('=')
                    .append(endpoint.getValue()).append(System.lineSeparator());
        }
        lines.append("region=").append(stack.region()).append(System.lineSeparator());
        lines.append("account=").append(stack.accountId()).append(System.lineSeparator());
        lines.append(READY_LINE).append(System.lineSeparator());
        return lines.toString();
    }

    /**
     * Quiet, time-stamped logs on standard error when slf4j-simple is the binding, unless set with {@code -D}; and
     * the launcher's shutdown hook, not Pekko's own, ends ElasticMQ's actor system, in order.
     */
    private static void configureLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.github.sagemakerlabeling", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static String rootCause(Throwable error) {
        StringBuilder message = new StringBuilder(String.valueOf(error.getMessage()));
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
