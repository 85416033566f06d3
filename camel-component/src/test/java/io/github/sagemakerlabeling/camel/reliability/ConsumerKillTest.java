package io.github.sagemakerlabeling.camel.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A real crash: the consuming application runs in a JVM of its own and is killed with SIGKILL in the middle of the
 * stream (no shutdown hook, no hand-back, no last delete). A new instance on the same queue then delivers the rest:
 * what came out of both, together, is exactly what went in.
 */
class ConsumerKillTest extends ReliabilityTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerKillTest.class);
    private static final String JOB = "killed-reviews";
    private static final int OBJECTS = 300;
    private static final int KILL_AFTER = 100;
    private static final int VISIBILITY_TIMEOUT_SECONDS = 3;
    private static final Duration WITHIN = Duration.ofSeconds(90);

    @TempDir
    Path directory;
    private Process process;

    @AfterEach
    void killTheProcess() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void whatCameOutOfAKilledConsumerAndItsSuccessorIsWhatWentIn() throws Exception {
        String job = "sagemaker-labeling:" + JOB + "?" + jobOptions();
        List<String> texts = IntStream.range(0, OBJECTS).mapToObj(i -> i % 3 == 0
                ? "Killed review " + i + ": delicious" : "Killed review " + i + ": bland").toList();
        CamelContext feeder = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to(job + "&operation=sendDataObjects");
            }
        });
        feeder.start();
        String queue = sqs.createQueue(b -> b.queueName(JOB + "-killed").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(VISIBILITY_TIMEOUT_SECONDS)))).queueUrl();
        String outputTopic = sageMaker.describeLabelingJob(b -> b.labelingJobName(JOB)).outputConfig().snsTopicArn();
        sns.subscribe(b -> b.topicArn(outputTopic).protocol("sqs").endpoint(queueArn(queue))
                .attributes(Map.of("RawMessageDelivery", "true")));

        Path out = directory.resolve("delivered-by-killed.txt");
        process = startConsumerProcess(queue, out);
        CompletableFuture<Exchange> fed = feeder.createProducerTemplate().asyncSend("direct:send",
                exchange -> exchange.getMessage().setBody(texts));
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> lines(out).size() >= KILL_AFTER);

        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        List<String> deliveredByKilled = lines(out);
        assertThat(fed.get(WITHIN.toSeconds(), TimeUnit.SECONDS).getException()).as("the feed's failure").isNull();

        Set<String> deliveredBySuccessor = ConcurrentHashMap.newKeySet();
        context(new RouteBuilder() {
            @Override
            public void configure() {
                from("sagemaker-labeling:" + JOB + "?outputQueue=" + queue + "&labelAttributeName=label"
                        + "&waitTimeSeconds=1&greedy=true&delay=10")
                        .process(exchange -> deliveredBySuccessor.add(exchange.getMessage()
                                .getHeader(SageMakerLabelingConstants.SOURCE, String.class)));
            }
        }).start();

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            Set<String> union = new HashSet<>(deliveredByKilled);
            union.addAll(deliveredBySuccessor);
            return union.size() == OBJECTS;
        });
        await().atMost(Duration.ofSeconds(2 * VISIBILITY_TIMEOUT_SECONDS + 5L))
                .until(() -> visibleAndInFlight(queue) == 0);
        Set<String> union = new HashSet<>(deliveredByKilled);
        union.addAll(deliveredBySuccessor);
        Set<String> twice = new HashSet<>(deliveredByKilled);
        twice.retainAll(deliveredBySuccessor);
        LOG.info("The killed consumer delivered {} objects, its successor {}, {} of them both", deliveredByKilled.size(),
                deliveredBySuccessor.size(), twice.size());
        assertThat(union).containsExactlyInAnyOrderElementsOf(texts);
        assertThat(deliveredByKilled).as("the killed consumer routed each object once").doesNotHaveDuplicates();
    }

    private Process startConsumerProcess(String queue, Path out) throws Exception {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Process started = ChildJvm.start(ConsumerProcess.class,
                childArguments(queue, out.toString()), line -> {
                    if (line.equals(ConsumerProcess.STARTED)) {
                        ready.complete(true);
                    }
                }).process();
        started.onExit().thenRun(() -> ready.complete(false));
        assertThat(ready.get(60, TimeUnit.SECONDS)).as("the consumer process started").isTrue();
        return started;
    }

    private static List<String> lines(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isEmpty()).toList() : List.of();
    }
}
