package io.github.sagemakerlabeling.camel.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.ObjectId;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.local.faults.Fault;
import io.github.sagemakerlabeling.local.faults.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A real crash of the feeding side: the application that publishes a job's data objects runs in a JVM of its own and
 * is killed with SIGKILL while one of its PublishBatch calls is on the server (held there by a delay fault): the call
 * takes effect, but the application never hears of it. Restarted on the same job with the same data, it publishes
 * everything again; the objects' dedup ids (content hashes) make the job label each object exactly once.
 */
class ProducerKillTest extends ReliabilityTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerKillTest.class);
    private static final String JOB = "fed-reviews";
    private static final int OBJECTS = 100;
    private static final int KILL_AFTER = 30;
    private static final int PER_CALL = 10;
    /** How long SNS holds each PublishBatch call of the first run before it takes effect. */
    private static final Duration CALL_DELAY = Duration.ofMillis(300);
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final OutputLineParser PARSER = new OutputLineParser();

    private Process process;

    @AfterEach
    void killTheProcessAndStopTheJob() {
        if (process != null) {
            process.destroyForcibly();
        }
        FaultInjectionTest.stopJob(sageMaker, JOB);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aProducerKilledMidPublishBatchAndRestartedGetsEveryObjectLabeledExactlyOnce() throws Exception {
        String job = "sagemaker-labeling:" + JOB + "?" + jobOptions();
        List<String> texts = ProducerProcess.texts(OBJECTS);
        // The output queue listens before anything is published: it sees every labeled object, copies included.
        String outputTopic = sns.createTopic(b -> b.name("reviews-out")).topicArn();
        String output = sqs.createQueue(b -> b.queueName(JOB + "-labeled")).queueUrl();
        sns.subscribe(b -> b.topicArn(outputTopic).protocol("sqs").endpoint(queueArn(output))
                .attributes(Map.of("RawMessageDelivery", "true")));
        groundTruth.faults().inject(Operation.SNS_PUBLISH_BATCH, Fault.delay(CALL_DELAY));

        AtomicInteger sent = new AtomicInteger();
        ChildJvm.Child child = ChildJvm.start(ProducerProcess.class,
                childArguments(job, String.valueOf(OBJECTS)), line -> {
                    if (line.startsWith(ProducerProcess.SENT)) {
                        sent.set(Integer.parseInt(line.substring(ProducerProcess.SENT.length())));
                    }
                });
        process = child.process();
        // Killed while the call after the KILL_AFTER-th object is held on the server.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(10)).until(() -> sent.get() >= KILL_AFTER
                && publishBatchCalls() == sent.get() / PER_CALL + 1);
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        child.awaitOutput(10_000);
        int acknowledged = sent.get();
        assertThat(publishBatchCalls()).as("a PublishBatch call was on the server when the producer died")
                .isEqualTo(acknowledged / PER_CALL + 1);
        groundTruth.faults().clear(Operation.SNS_PUBLISH_BATCH);
        // The call the producer never heard back from took effect all the same.
        await().atMost(WITHIN).until(() -> labelCounters().totalLabeled() == acknowledged + PER_CALL);

        CamelContext restarted = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to(job + "&operation=sendDataObjects");
            }
        });
        restarted.start();
        assertThat(endpoint(restarted, job + "&operation=sendDataObjects").getEnsuredJob().created())
                .as("the restarted producer attaches to the running job").isFalse();
        restarted.createProducerTemplate().requestBody("direct:send", texts);

        List<LabelingResult> labeled = new CopyOnWriteArrayList<>();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(10)).until(() -> {
            labeled.addAll(drain(output));
            return labeled.size() >= OBJECTS && labelCounters().totalLabeled() >= OBJECTS;
        });
        // Anything labeled twice would arrive within this second: the job has no backlog left.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> {
            labeled.addAll(drain(output));
            return labeled.size() == OBJECTS;
        });
        LOG.info("The killed producer was told {} objects were published, {} were; its restart published all {}"
                + " again", acknowledged, acknowledged + PER_CALL, OBJECTS);

        // One output per object: counted over every message, not through a map that would hide a duplicate.
        assertThat(labeled).extracting(result -> result.source().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(texts);
        List<ObjectId> objectIds = labeled.stream().map(result -> result.objectId().orElseThrow()).toList();
        assertThat(objectIds).hasSize(OBJECTS).doesNotHaveDuplicates();
        LabelCounters counters = labelCounters();
        assertThat(counters.totalLabeled()).isEqualTo(OBJECTS);
        assertThat(counters.unlabeled()).isZero();
    }

    private long publishBatchCalls() {
        return groundTruth.faults().injected(Operation.SNS_PUBLISH_BATCH);
    }

    private LabelCounters labelCounters() {
        return sageMaker.describeLabelingJob(b -> b.labelingJobName(JOB)).labelCounters();
    }

    /** Receives and deletes what the queue holds now. */
    private List<LabelingResult> drain(String queueUrl) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        messages.forEach(message -> sqs.deleteMessage(b -> b.queueUrl(queueUrl)
                .receiptHandle(message.receiptHandle())));
        return messages.stream().map(message -> PARSER.parse(message.body())).toList();
    }
}
