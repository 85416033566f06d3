package io.github.sagemakerlabeling.local.store;

import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.PATIENCE;
import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.counters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.JobResources;
import io.github.sagemakerlabeling.local.portal.PortalClient;
import io.github.sagemakerlabeling.local.time.SimulationClock;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A stack with a data directory, closed and started again on it, has everything back: labeling jobs with their
 * status and counters, an answer a person submitted in the worker portal, messages in queues, topics,
 * subscriptions, queue policies and S3 objects; and its jobs go on labeling.
 */
class DurableStoreTest {

    private static final Path TEXT_TEMPLATE = Path.of("..", "camel-component", "src", "main", "resources", "io",
            "github", "sagemakerlabeling", "camel", "job", "templates", "textClassification.liquid.html");
    private static final OutputLineParser PARSER = new OutputLineParser();
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}";

    @TempDir
    Path dataDir;

    @Test
    void aRestartedStackHasEverythingBackAndGoesOnLabeling() throws Exception {
        JobResources simulated;
        JobResources people;
        DescribeLabelingJobResponse simulatedBefore;
        DescribeLabelingJobResponse peopleBefore;
        List<String> topicsBefore;
        List<Subscription> subscriptionsBefore;
        List<String> keysBefore;
        Instant clockBefore;
        try (GroundTruthTestKit kit = start()) {
            simulated = kit.resources("Durable-Sim", "positive", "negative");
            createJob(kit, simulated, "team", 1);
            people = kit.resources("Durable-People", "positive", "negative");
            createJob(kit, people, "people", 2);
            kit.sqs.setQueueAttributes(b -> b.queueUrl(simulated.outputQueue())
                    .attributes(Map.of(QueueAttributeName.POLICY, POLICY)));
            kit.s3.putObject(b -> b.bucket(simulated.bucket()).key("images/cat.txt").metadata(Map.of("owner", "ann"))
                    .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("a cat"));
            uploadInTwoParts(kit, simulated.bucket(), "images/big.bin");

            kit.publish(simulated.inputTopic(), keyed("one"));
            kit.publish(simulated.inputTopic(), keyed("two"));
            kit.awaitCounters(simulated.name(), counters(2, 0, 0));
            kit.publish(people.inputTopic(), "{\"source\":\"for people\"}");
            PortalClient ann = PortalClient.signIn(kit.local.portalEndpoint(), "Ann");
            await().atMost(PATIENCE).until(() -> ann.take(people.name()).statusCode() == 200);
            String task = ann.takeTask(people.name()).get("taskId").textValue();
            assertThat(ann.submit(task, "{\"crowd-classifier\":{\"label\":\"positive\"}}").statusCode())
                    .isEqualTo(200);
            kit.local.clock().advance(Duration.ofHours(1));

            simulatedBefore = kit.describe(simulated.name());
            peopleBefore = kit.describe(people.name());
            topicsBefore = kit.sns.listTopics().topics().stream().map(t -> t.topicArn()).sorted().toList();
            subscriptionsBefore = kit.sns.listSubscriptions().subscriptions();
            keysBefore = kit.keys(simulated.bucket(), "");
            clockBefore = kit.local.clock().instant();
        }
        assertThat(peopleBefore.labelCounters()).isEqualTo(counters(0, 0, 1));

        try (GroundTruthTestKit kit = start()) {
            assertThat(kit.local.clock().instant()).as("the simulation time goes on").isAfterOrEqualTo(clockBefore);
            assertSameJob(kit.describe(simulated.name()), simulatedBefore);
            assertSameJob(kit.describe(people.name()), peopleBefore);
            assertThat(kit.sns.listTopics().topics().stream().map(t -> t.topicArn()).sorted().toList())
                    .isEqualTo(topicsBefore);
            assertThat(kit.sns.listSubscriptions().subscriptions()).containsExactlyInAnyOrderElementsOf(
                    subscriptionsBefore);
            assertThat(kit.sqs.getQueueAttributes(b -> b.queueUrl(simulated.outputQueue())
                    .attributeNames(QueueAttributeName.POLICY)).attributes()).containsEntry(QueueAttributeName.POLICY,
                    POLICY);
            assertThat(kit.keys(simulated.bucket(), "")).containsAll(keysBefore);
            HeadObjectResponse cat = kit.s3.headObject(b -> b.bucket(simulated.bucket()).key("images/cat.txt"));
            assertThat(cat.metadata()).containsEntry("owner", "ann");
            assertThat(kit.read(simulated.bucket(), "images/cat.txt")).isEqualTo("a cat");
            assertThat(kit.s3.getObjectAsBytes(b -> b.bucket(simulated.bucket()).key("images/big.bin")).asByteArray())
                    .isEqualTo(twoParts());

            // The output lines nobody received are still in the queue, reached by the queue URL of before.
            List<String> lines = kit.receive(simulated.outputQueue(), 2);
            assertThat(lines).allSatisfy(line -> assertThat(PARSER.parse(line).annotation(ClassLabel.class))
                    .isNotNull());

            // Ann's answer counts: Bob's completes the object, and Ann cannot take it again.
            PortalClient bob = PortalClient.signIn(kit.local.portalEndpoint(), "Bob");
            PortalClient ann = PortalClient.signIn(kit.local.portalEndpoint(), "Ann");
            await().atMost(PATIENCE).until(() -> bob.take(people.name()).statusCode() == 200);
            assertThat(ann.take(people.name()).statusCode()).as("Ann answered it before the restart").isEqualTo(404);
            String task = bob.takeTask(people.name()).get("taskId").textValue();
            assertThat(bob.submit(task, "{\"crowd-classifier\":{\"label\":\"positive\"}}").statusCode())
                    .isEqualTo(200);
            assertThat(PARSER.parse(kit.receive(people.outputQueue(), 1).get(0)).annotation(ClassLabel.class))
                    .isEqualTo(new ClassLabel(0, "positive", 1.0));
            String responses = "output/" + people.name() + "/annotations/worker-response/iteration-1/0/";
            await().atMost(PATIENCE).until(() -> kit.keys(people.bucket(), responses).size() == 1);
            JsonNode answers = Json.read(kit.read(people.bucket(), kit.keys(people.bucket(), responses).get(0)))
                    .get("answers");
            assertThat(answers.findValuesAsText("workerId")).containsExactly("Ann", "Bob");
            kit.awaitCounters(people.name(), counters(1, 0, 0));

            // The simulated job goes on with new objects, and does not label an old one (same key) again.
            kit.publish(simulated.inputTopic(), keyed("one"));
            kit.publish(simulated.inputTopic(), keyed("three"));
            kit.awaitCounters(simulated.name(), counters(3, 0, 0));
            assertThat(kit.receive(simulated.outputQueue(), 1)).hasSize(1);
            String manifest = "output/" + simulated.name() + "/manifests/intermediate/1/output.manifest";
            // the manifest is rewritten at the engine's next flush; until then a restarted stack may not have one yet
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(NoSuchKeyException.class)
                    .until(() -> kit.read(simulated.bucket(), manifest).lines().count() == 3);
        }
    }

    @Test
    void withoutADataDirectoryNothingIsWrittenAndNothingIsKept() throws Exception {
        Path moduleDir = Path.of("").toAbsolutePath();
        Set<String> before = files(moduleDir);
        String topic;
        try (LocalGroundTruth local = LocalGroundTruth.builder().start();
             var sns = local.snsClient()) {
            assertThat(local.dataDir()).isEmpty();
            topic = sns.createTopic(b -> b.name("in-memory")).topicArn();
        }
        try (LocalGroundTruth local = LocalGroundTruth.builder().start();
             var sns = local.snsClient()) {
            assertThat(sns.listTopics().topics()).noneMatch(t -> t.topicArn().equals(topic));
        }
        assertThat(files(moduleDir)).isEqualTo(before);
        assertThat(dataDir).isEmptyDirectory();
    }

    /** A text object with its own dedup key: the text. */
    private static String keyed(String text) {
        return "{\"source\":\"" + text + "\",\"dataset-objectid-attribute-name\":\"key\",\"key\":\"" + text + "\"}";
    }

    private static void uploadInTwoParts(GroundTruthTestKit kit, String bucket, String key) {
        byte[] bytes = twoParts();
        int half = 5 * 1024 * 1024;
        String upload = kit.s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        String first = kit.s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(1),
                RequestBody.fromBytes(Arrays.copyOfRange(bytes, 0, half))).eTag();
        String second = kit.s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(2),
                RequestBody.fromBytes(Arrays.copyOfRange(bytes, half, bytes.length))).eTag();
        kit.s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(first).build(),
                CompletedPart.builder().partNumber(2).eTag(second).build())));
    }

    /** Five MiB and a bit: two parts, the first of S3's minimum size. */
    private static byte[] twoParts() {
        byte[] bytes = new byte[5 * 1024 * 1024 + 100];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    private GroundTruthTestKit start() {
        GroundTruthTestKit kit = GroundTruthTestKit.start(builder -> builder.dataDir(dataDir)
                .clock(SimulationClock.realTime())
                .workforces(WorkforcePlan.of(WorkforceMode.SIMULATED).team("people", WorkforceMode.PEOPLE)));
        kit.local.engineSettings(GroundTruthTestKit.fastSettings()
                .withWorkforces(kit.local.engineSettings().workforces())
                .withAnnotator(RuleBasedAnnotator.builder().otherwise("negative").build()));
        return kit;
    }

    private static void createJob(GroundTruthTestKit kit, JobResources job, String team, int workers)
            throws IOException {
        kit.put(job.bucket(), "template.html", Files.readString(TEXT_TEMPLATE));
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .workteamArn("arn:aws:sagemaker:" + kit.local.region() + ":" + kit.local.accountId()
                        + ":workteam/private-crowd/" + team)
                .numberOfHumanWorkersPerDataObject(workers).build());
    }

    private static void assertSameJob(DescribeLabelingJobResponse after, DescribeLabelingJobResponse before) {
        assertThat(after.labelingJobStatus()).isEqualTo(LabelingJobStatus.IN_PROGRESS)
                .isEqualTo(before.labelingJobStatus());
        assertThat(after.labelCounters()).isEqualTo(before.labelCounters());
        assertThat(after.toBuilder().lastModifiedTime(null).build().toString())
                .isEqualTo(before.toBuilder().lastModifiedTime(null).build().toString());
    }

    /** The files under a directory, outside {@code target}. */
    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(path -> !path.startsWith(dir.resolve("target"))).map(Path::toString)
                    .collect(Collectors.toSet());
        }
    }
}
