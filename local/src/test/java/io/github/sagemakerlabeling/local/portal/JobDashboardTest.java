package io.github.sagemakerlabeling.local.portal;

import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.JobResources;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job dashboard's data over raw HTTP: what people labeled shows as rate, throughput, label counts, per-worker
 * agreement with the consolidated label and recent results; the portal's root page carries the live dashboard.
 */
class JobDashboardTest {

    private static GroundTruthTestKit kit;
    private static URI portal;

    @BeforeAll
    static void startStack() {
        kit = GroundTruthTestKit.start(builder -> builder.workforces(WorkforcePlan.of(WorkforceMode.PEOPLE)));
        kit.local.engineSettings(kit.local.engineSettings().withInitializingDelay(Duration.ofMillis(100)));
        portal = kit.local.portalEndpoint();
    }

    @AfterAll
    static void stopStack() {
        kit.close();
    }

    @Test
    void showsRateThroughputLabelsAgreementAndRecentResults() throws Exception {
        JobResources job = kit.resources("Dash-Agree", "positive", "negative");
        kit.put(job.bucket(), "template.html", Files.readString(WorkerPortalTest.TEXT_TEMPLATE));
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .numberOfHumanWorkersPerDataObject(2).taskTimeLimitInSeconds(60).build());
        kit.publish(job.inputTopic(), "{\"source\":\"first <i>text</i>\"}");
        PortalClient ann = PortalClient.signIn(portal, "Ann");
        PortalClient bob = PortalClient.signIn(portal, "Bob");

        // Both say positive to the first object; on the second Bob says negative and the tie goes to positive.
        answer(ann, job, "positive");
        answer(bob, job, "positive");
        kit.receive(job.outputQueue(), 1);
        kit.publish(job.inputTopic(), "{\"source\":\"second text\"}");
        answer(ann, job, "positive");
        answer(bob, job, "negative");
        kit.receive(job.outputQueue(), 1);

        JsonNode card = await().atMost(PATIENCE).until(() -> card(ann, job.name()),
                c -> c != null && c.get("recent").size() == 2);
        assertThat(card.get("labeledLastMinute").intValue()).isEqualTo(2);
        assertThat(StreamSupport.stream(card.at("/throughput/labeled").spliterator(), false)
                .mapToInt(JsonNode::intValue).sum()).isEqualTo(2);
        assertThat(card.at("/throughput/labeled")).hasSize(Dashboard.BINS);
        assertThat(card.get("labelCounts")).isEqualTo(Json.read("{\"positive\":2}"));
        assertThat(card.get("workers")).isEqualTo(Json.read("[{\"workerId\":\"Ann\",\"answers\":2,\"compared\":2,"
                + "\"agreed\":2,\"agreement\":1.0},{\"workerId\":\"Bob\",\"answers\":2,\"compared\":2,\"agreed\":1,"
                + "\"agreement\":0.5}]"));
        JsonNode newest = card.at("/recent/0");
        assertThat(newest.get("text").textValue()).isEqualTo("second text");
        assertThat(newest.get("label").textValue()).isEqualTo("positive");
        assertThat(newest.get("votes")).isEqualTo(Json.read("[{\"workerId\":\"Ann\",\"agrees\":true},"
                + "{\"workerId\":\"Bob\",\"agrees\":false}]"));
        assertThat(card.at("/recent/1/text").textValue()).isEqualTo("first <i>text</i>");
        assertThat(card.get("backlog").intValue()).isZero();
        assertThat(card.get("maxConcurrentTaskCount").intValue()).isPositive();

        String root = PortalClient.signIn(portal, "Cy").get("/").body();
        assertThat(root).as("the portal's root carries the live dashboard")
                .contains("id=\"dashboard\"", "/assets/dashboard.js");
        assertThat(PortalClient.anonymous(portal).get("/").body()).contains("id=\"sign-in\"", "id=\"dashboard\"");
    }

    @Test
    void boxesAreComparedWithTheConsolidatedBoxes() throws Exception {
        JobResources job = kit.resources("Dash-Boxes", "car", "person");
        kit.put(job.bucket(), "template.html",
                Files.readString(WorkerPortalTest.TEXT_TEMPLATE.resolveSibling("boundingBox.liquid.html")));
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.BOUNDING_BOX, "vehicles")
                .numberOfHumanWorkersPerDataObject(3).taskTimeLimitInSeconds(60).build());
        kit.publish(job.inputTopic(), "{\"source-ref\":\"s3://" + job.bucket() + "/street.png\"}");

        // Ann and Bob box the same car; Cy's box is elsewhere, so only Ann's and Bob's make the consolidated box.
        answer(PortalClient.signIn(portal, "Ann"), job, box(10, 10));
        answer(PortalClient.signIn(portal, "Bob"), job, box(14, 12));
        answer(PortalClient.signIn(portal, "Cy"), job, box(300, 200));
        kit.receive(job.outputQueue(), 1);

        JsonNode card = await().atMost(PATIENCE).until(() -> card(PortalClient.anonymous(portal), job.name()),
                c -> c != null && c.get("recent").size() == 1);
        assertThat(card.get("workers")).isEqualTo(Json.read("[{\"workerId\":\"Ann\",\"answers\":1,\"compared\":1,"
                + "\"agreed\":1,\"agreement\":1.0},{\"workerId\":\"Bob\",\"answers\":1,\"compared\":1,\"agreed\":1,"
                + "\"agreement\":1.0},{\"workerId\":\"Cy\",\"answers\":1,\"compared\":1,\"agreed\":0,"
                + "\"agreement\":0.0}]"));
    }

    @Test
    void thePortalIsUnderTheEdgeEndpointToo() throws Exception {
        URI underEdge = URI.create(kit.local.edgeEndpoint() + WorkerPortal.EDGE_PREFIX + "/");
        PortalClient ann = PortalClient.signIn(underEdge, "Ann");
        String root = ann.get("").body();
        assertThat(root).contains("Signed in as <strong id=\"worker\">Ann",
                "href=\"" + WorkerPortal.EDGE_PREFIX + "/assets/portal.css\"",
                "data-source=\"" + WorkerPortal.EDGE_PREFIX + "/api/dashboard\"",
                "data-base=\"" + WorkerPortal.EDGE_PREFIX + "\"").doesNotContain("href=\"/assets");
        assertThat(ann.get("api/dashboard").body()).startsWith("{\"now\"");
        assertThat(ann.get("assets/dashboard.js").body()).contains("data-source");
        assertThat(ann.post("sign-out", "application/x-www-form-urlencoded", "").headers().firstValue("Location"))
                .as("redirects stay under the prefix").hasValue(WorkerPortal.EDGE_PREFIX + "/");
        assertThat(ann.postFrom("sign-in", "http://evil.example").statusCode())
                .as("the edge's guard holds for the portal").isEqualTo(403);
        assertThat(PortalClient.anonymous(portal).get("/").body()).as("directly: no prefix")
                .contains("href=\"/assets/portal.css\"").doesNotContain("data-base");
    }

    private static void answer(PortalClient worker, JobResources job, String label) throws Exception {
        answer(worker, job, Json.read("{\"crowd-classifier\":{\"label\":\"" + label + "\"}}"));
    }

    private static void answer(PortalClient worker, JobResources job, JsonNode answerContent) throws Exception {
        await().atMost(PATIENCE).until(() -> worker.take(job.name()).statusCode() == 200);
        String id = worker.takeTask(job.name()).get("taskId").textValue();
        assertThat(worker.submit(id, Json.write(answerContent)).statusCode()).isEqualTo(200);
    }

    /** A car's box, 100 x 50, as crowd-bounding-box submits it. */
    private static JsonNode box(int left, int top) throws Exception {
        return Json.read("{\"boundingBox\":{\"boundingBoxes\":[{\"height\":50,\"label\":\"car\",\"left\":" + left
                + ",\"top\":" + top + ",\"width\":100}],\"inputImageProperties\":{\"height\":480,\"width\":640}}}");
    }

    private static JsonNode card(PortalClient client, String job) throws Exception {
        for (JsonNode entry : Json.read(client.get("/api/dashboard").body()).get("jobs")) {
            if (entry.get("name").textValue().equals(job)) {
                return entry;
            }
        }
        return null;
    }
}
