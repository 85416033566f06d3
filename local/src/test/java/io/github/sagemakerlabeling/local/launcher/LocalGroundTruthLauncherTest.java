package io.github.sagemakerlabeling.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The launcher as its users run it: a separate process, read through its stdout lines, stopped with SIGTERM. */
class LocalGroundTruthLauncherTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopWhatIsStillRunning() throws InterruptedException {
        for (Process process : processes) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void printsOneLinePerServiceServesRealClientsAndStopsOnSigtermReleasingItsPorts() throws Exception {
        int snsPort = freePort();
        Launched launched = launch("--port-sns", String.valueOf(snsPort), "--region", "eu-west-1",
                "--workers", "first-label", "--speed", "10");

        await().atMost(START_TIMEOUT).until(() -> launched.stdout().contains(LocalGroundTruthLauncher.READY_LINE)
                || !launched.process().isAlive());
        assertThat(launched.stdout()).as("stdout; stderr was:%n%s", launched.stderr())
                .hasSize(16).endsWith(LocalGroundTruthLauncher.READY_LINE);
        Map<String, String> values = launched.values();
        assertThat(values.keySet()).containsExactly("sagemaker", "sns", "sqs", "s3", "portal", "portal-entry", "edge", "health",
                "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SAGEMAKER", "AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL_SQS",
                "AWS_ENDPOINT_URL_S3", "region", "account", "ready");
        assertThat(values).as("no token on 127.0.0.1").containsEntry("portal-entry", values.get("portal"));
        assertThat(values).containsEntry("AWS_ENDPOINT_URL", values.get("edge"))
                .containsEntry("AWS_ENDPOINT_URL_SNS", values.get("sns"))
                .containsEntry("health", values.get("edge") + "/_local-ground-truth/health");
        for (String service : List.of("sagemaker", "sns", "sqs", "s3", "portal")) {
            assertThat(values.get(service)).as(service).matches("http://127\\.0\\.0\\.1:\\d{1,5}");
        }
        assertThat(values).containsEntry("sns", "http://127.0.0.1:" + snsPort)
                .containsEntry("region", "eu-west-1").containsEntry("account", "000000000000");

        String region = values.get("region");
        try (SnsClient sns = LocalAwsClients.sns(URI.create(values.get("sns")), region);
                SqsClient sqs = LocalAwsClients.sqs(URI.create(values.get("sqs")), region);
                S3Client s3 = LocalAwsClients.s3(URI.create(values.get("s3")), region);
                SageMakerClient sageMaker = LocalAwsClients.configure(SageMakerClient.builder(),
                        URI.create(values.get("sagemaker")), region).build()) {
            assertThat(sns.createTopic(b -> b.name("GroundTruth-in")).topicArn())
                    .isEqualTo("arn:aws:sns:eu-west-1:000000000000:GroundTruth-in");
            assertThat(sqs.createQueue(b -> b.queueName("labeled")).queueUrl())
                    .isEqualTo(values.get("sqs") + "/000000000000/labeled");
            s3.createBucket(b -> b.bucket("labeling-data"));
            assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name()).containsExactly("labeling-data");
            assertThat(sageMaker.listLabelingJobs(b -> { }).labelingJobSummaryList()).isEmpty();
        }

        launched.process().destroy(); // SIGTERM

        assertThat(launched.process().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(launched.process().exitValue()).as("exit code after SIGTERM").isEqualTo(128 + 15);
        assertThat(launched.stderr()).contains("Local Ground Truth stopped");
        for (String service : List.of("sagemaker", "sns", "sqs", "s3", "portal")) {
            assertPortFree(URI.create(values.get(service)).getPort());
        }
    }

    @Test
    void withStopWithParentItStopsWhenTheProcessThatStartedItIsKilled() throws Exception {
        // A shell stands in for Maven's exec:exec: it starts the launcher and is then killed without a chance to
        // stop its child.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Launched parent = start(List.of("sh", "-c", "\"$0\" -cp \"$1\" \"$2\" --stop-with-parent & wait",
                java, classpath, LocalGroundTruthLauncher.class.getName()));
        await().atMost(START_TIMEOUT).until(() -> parent.stdout().contains(LocalGroundTruthLauncher.READY_LINE)
                || !parent.process().isAlive());
        assertThat(parent.stdout()).as("stdout; stderr was:%n%s", parent.stderr())
                .endsWith(LocalGroundTruthLauncher.READY_LINE);
        ProcessHandle launcher = parent.process().children().findFirst().orElseThrow();

        parent.process().destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(launcher.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(parent.stderr()).contains("Local Ground Truth stopped");
        for (String service : List.of("sagemaker", "sns", "sqs", "s3")) {
            assertPortFree(URI.create(parent.values().get(service)).getPort());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --port-sns 99999 | --port-sns must be 0 (a free port) or 1..65535, was 99999
            --speed=-2       | --speed must be a number greater than 0, was -2
            --bogus          | unknown option --bogus
            """)
    void aBadOptionExitsWithTwoAndOneLineNamingIt(String commandLine, String message) throws Exception {
        Launched launched = launch(commandLine.trim().split(" +"));

        assertThat(launched.process().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(launched.process().exitValue()).isEqualTo(2);
        assertThat(launched.stderrLines()).hasSize(1).first().asString()
                .startsWith(LocalGroundTruthLauncher.NAME + ": ").contains(message);
        assertThat(launched.stdout()).isEmpty();
    }

    @Test
    void helpPrintsTheUsageOnStdoutAndExitsWithZero() throws Exception {
        Launched launched = launch("--help");

        assertThat(launched.process().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(launched.process().exitValue()).isZero();
        assertThat(String.join("\n", launched.stdout())).isEqualTo(LauncherOptions.USAGE.stripTrailing());
    }

    @Test
    void aFixedPortInUseExitsWithOneNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Launched launched = launch("--port-sqs", String.valueOf(taken.getLocalPort()));

            assertThat(launched.process().waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(launched.process().exitValue()).isEqualTo(1);
            assertThat(launched.stderr()).contains(LocalGroundTruthLauncher.NAME + ": could not start: ")
                    .contains("127.0.0.1:" + taken.getLocalPort());
            assertThat(launched.stdout()).isEmpty();
        }
    }

    /** Starts the launcher in a JVM of its own on this test's classpath. */
    private Launched launch(String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, LocalGroundTruthLauncher.class.getName()));
        command.addAll(List.of(args));
        return start(command);
    }

    /** Starts a command, stdout read line by line, stderr to a file. */
    private Launched start(List<String> command) throws IOException {
        Path stderr = Files.createTempFile(dir, "stderr", ".log");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        processes.add(process);
        process.getOutputStream().close();
        List<String> stdout = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    stdout.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "launcher-stdout");
        reader.setDaemon(true);
        reader.start();
        return new Launched(process, stdout, stderr, reader);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void assertPortFree(int port) throws IOException {
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    private record Launched(Process process, List<String> stdout, Path stderrFile, Thread reader) {

        /** The name=value lines read so far. */
        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : stdout) {
                int equals = line.indexOf('=');
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
            return values;
        }

        @Override
        public List<String> stdout() {
            if (!process.isAlive()) {
                try {
                    reader.join(STOP_TIMEOUT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return stdout;
        }

        String stderr() {
            try {
                return Files.readString(stderrFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Standard error's lines, less the JVM's own notices (JAVA_TOOL_OPTIONS is echoed there). */
        List<String> stderrLines() {
            return stderr().lines().filter(line -> !line.startsWith("Picked up ")).toList();
        }
    }
}
