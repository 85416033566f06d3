package io.github.sagemakerlabeling.local.portal;

import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.JobResources;
import io.github.sagemakerlabeling.local.time.SimulationClock;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker portal over raw HTTP: people's answers go through the engine's task board and consolidation to the
 * output topic and S3 like simulated ones; distinct people per object; the time limit; tasks of other workers.
 */
class WorkerPortalTest {

    /** The component's shipped text classification template, as a job on AWS would have it. */
    static final Path TEXT_TEMPLATE = Path.of("..", "camel-component", "src", "main", "resources", "io", "github",
            "sagemakerlabeling", "camel", "job", "templates", "textClassification.liquid.html");
    private static final OutputLineParser PARSER = new OutputLineParser();
    private static final SimulationClock CLOCK = SimulationClock.realTime();
    private static GroundTruthTestKit kit;
    private static URI portal;

    @BeforeAll
    static void startStack() {
        kit = GroundTruthTestKit.start(builder -> builder.clock(CLOCK).workforces(WorkforcePlan.of(WorkforceMode.PEOPLE)
                .team("helped", WorkforceMode.BOTH).simulatedAfter(Duration.ofSeconds(120))));
        kit.local.engineSettings(kit.local.engineSettings().withInitializingDelay(Duration.ofMillis(100))
                .withAnnotator(RuleBasedAnnotator.builder().otherwise("negative").build()));
        portal = kit.local.portalEndpoint();
    }

    @AfterAll
    static void stopStack() {
        kit.close();
    }

    @Test
    void twoPeoplesAnswersBecomeTheOutputLineAndTheWorkerResponseFile() throws Exception {
        JobResources job = textJob("Portal-Two", "team", 2);
        kit.publish(job.inputTopic(), "{\"source\":\"<b>Great</b> & cheap\"}");
        PortalClient ann = PortalClient.signIn(portal, "Ann");
        PortalClient bob = PortalClient.signIn(portal, "Bob");

        await().atMost(PATIENCE).until(() -> ann.get("/api/work").body().contains(job.name()));
        assertThat(ann.get("/").body()).contains("Label it", "Start working", "Signed in as <strong id=\"worker\">Ann");
        JsonNode annTask = ann.takeTask(job.name());
        assertThat(annTask.at("/taskInput/taskObject").textValue()).isEqualTo("<b>Great</b> & cheap");
        assertThat(ann.takeTask(job.name()).get("taskId")).as("a worker holds one task of a job at a time")
                .isEqualTo(annTask.get("taskId"));
        String page = ann.get("/tasks/" + annTask.get("taskId").textValue()).body();
        assertThat(page).contains("<crowd-classifier", "&lt;b&gt;Great&lt;/b&gt; &amp; cheap",
                "src=\"/assets/crowd-html-elements.js\"").doesNotContain("assets.crowd.aws", "<b>Great</b>");

        assertThat(ann.submit(annTask.get("taskId").textValue(), "{\"crowd-classifier\":{\"label\":\"positive\"}}")
                .statusCode()).isEqualTo(200);
        assertThat(ann.take(job.name()).statusCode()).as("never the same object twice").isEqualTo(404);
        JsonNode bobTask = bob.takeTask(job.name());
        assertThat(bob.submit(bobTask.get("taskId").textValue(), "{\"crowd-classifier\":{\"label\":\"positive\"}}")
                .statusCode()).isEqualTo(200);

        LabelingResult result = PARSER.parse(kit.receive(job.outputQueue(), 1).get(0));
        assertThat(result.annotation(ClassLabel.class)).isEqualTo(new ClassLabel(0, "positive", 1.0));
        String responses = "output/" + job.name() + "/annotations/worker-response/iteration-1/0/";
        await().atMost(PATIENCE).until(() -> kit.keys(job.bucket(), responses).size() == 1);
        JsonNode answers = Json.read(kit.read(job.bucket(), kit.keys(job.bucket(), responses).get(0))).get("answers");
        assertThat(answers.findValuesAsText("workerId")).containsExactly("Ann", "Bob");
        assertThat(answers.get(0).get("answerContent")).isEqualTo(Json.read("{\"crowd-classifier\":{\"label\":\"positive\"}}"));
        assertThat(answers.get(0).get("acceptanceTime").textValue())
                .isLessThanOrEqualTo(answers.get(0).get("submissionTime").textValue());

        assertThat(ann.get("/dashboard").body()).contains("/assets/dashboard.js");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode card = null;
            for (JsonNode entry : Json.read(ann.get("/api/dashboard").body()).get("jobs")) {
                card = entry.get("name").textValue().equals(job.name()) ? entry : card;
            }
            assertThat(card).isNotNull();
            assertThat(card.get("status").textValue()).isEqualTo("InProgress");
            assertThat(card.at("/labelCounters/totalLabeled").intValue()).isEqualTo(1);
            assertThat(card.at("/labelCounters/humanLabeled").intValue()).isEqualTo(1);
            assertThat(card.at("/people/submissionsByWorker")).isEqualTo(Json.read("{\"Ann\":1,\"Bob\":1}"));
            assertThat(card.at("/people/openObjects").intValue()).isZero();
        });
    }

    @Test
    void aWorkerCannotSubmitOrSeeATaskAssignedToAnother() throws Exception {
        JobResources job = textJob("Portal-Theft", "team", 1);
        kit.publish(job.inputTopic(), "{\"source\":\"mine\"}");
        PortalClient ann = PortalClient.signIn(portal, "Ann");
        PortalClient eve = PortalClient.signIn(portal, "Eve");
        await().atMost(PATIENCE).until(() -> ann.take(job.name()).statusCode() == 200);
        String id = ann.takeTask(job.name()).get("taskId").textValue();

        HttpResponse<String> stolen = eve.submit(id, "{\"crowd-classifier\":{\"label\":\"negative\"}}");
        assertThat(stolen.statusCode()).isEqualTo(403);
        assertThat(stolen.body()).contains("assigned to another worker");
        assertThat(eve.get("/tasks/" + id).statusCode()).isEqualTo(403);
        assertThat(ann.submit(id, "{\"crowd-classifier\":{\"label\":\"\"}}").statusCode())
                .as("an empty choice is no answer").isEqualTo(400);
        assertThat(ann.submit(id, "{\"crowd-classifier\":{\"label\":\"positive\"}}").statusCode()).isEqualTo(200);
        assertThat(PARSER.parse(kit.receive(job.outputQueue(), 1).get(0)).annotation(ClassLabel.class).className())
                .isEqualTo("positive");
    }

    @Test
    void aTaskPastItsTimeLimitGoesBackToThePoolForSomeoneElse() throws Exception {
        JobResources job = textJob("Portal-Abandoned", "team", 1);
        kit.publish(job.inputTopic(), "{\"source\":\"slow\"}");
        PortalClient ann = PortalClient.signIn(portal, "Ann");
        PortalClient bob = PortalClient.signIn(portal, "Bob");
        await().atMost(PATIENCE).until(() -> ann.take(job.name()).statusCode() == 200);
        String id = ann.takeTask(job.name()).get("taskId").textValue();
        assertThat(bob.take(job.name()).statusCode()).as("the one place is taken").isEqualTo(404);

        CLOCK.advance(Duration.ofSeconds(31)); // TaskTimeLimitInSeconds is 30

        HttpResponse<String> late = ann.submit(id, "{\"crowd-classifier\":{\"label\":\"positive\"}}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("not assigned");
        assertThat(ann.take(job.name()).statusCode()).as("not the same object again").isEqualTo(404);
        String bobs = bob.takeTask(job.name()).get("taskId").textValue();
        assertThat(bob.submit(bobs, "{\"crowd-classifier\":{\"label\":\"negative\"}}").statusCode()).isEqualTo(200);
        assertThat(PARSER.parse(kit.receive(job.outputQueue(), 1).get(0)).annotation(ClassLabel.class).className())
                .isEqualTo("negative");
    }

    @Test
    void withBothSimulatedWorkersFinishWhatPeopleLeftAfterTheDelay() throws Exception {
        JobResources job = textJob("Portal-Both", "helped", 2);
        kit.publish(job.inputTopic(), "{\"source\":\"half done\"}");
        PortalClient ann = PortalClient.signIn(portal, "Ann");
        await().atMost(PATIENCE).until(() -> ann.take(job.name()).statusCode() == 200);
        String id = ann.takeTask(job.name()).get("taskId").textValue();
        assertThat(ann.submit(id, "{\"crowd-classifier\":{\"label\":\"negative\"}}").statusCode()).isEqualTo(200);

        CLOCK.advance(Duration.ofSeconds(121));

        LabelingResult result = PARSER.parse(kit.receive(job.outputQueue(), 1).get(0));
        assertThat(result.annotation(ClassLabel.class)).isEqualTo(new ClassLabel(1, "negative", 1.0));
        String responses = "output/" + job.name() + "/annotations/worker-response/iteration-1/0/";
        await().atMost(PATIENCE).until(() -> kit.keys(job.bucket(), responses).size() == 1);
        assertThat(Json.read(kit.read(job.bucket(), kit.keys(job.bucket(), responses).get(0))).get("answers")
                .findValuesAsText("workerId")).containsExactly("Ann", "simulated-worker-2");
    }

    @Test
    void signingInNeedsAName() throws Exception {
        PortalClient anonymous = PortalClient.signIn(portal, "Ann");
        HttpResponse<String> refused = anonymous.post("/sign-in", "application/x-www-form-urlencoded", "name=%3Cscript%3E");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("A name starts with a letter or digit").doesNotContain("<script>");
        HttpResponse<String> foreign = anonymous.postFrom("/sign-in", "http://evil.example");
        assertThat(foreign.statusCode()).as("a POST from another origin").isEqualTo(403);
    }

    private static JobResources textJob(String prefix, String team, int workers) throws Exception {
        JobResources job = kit.resources(prefix, "positive", "negative");
        kit.put(job.bucket(), "template.html", Files.readString(TEXT_TEMPLATE));
        kit.createAndAwaitInProgress(kit.spec(job, TaskType.TEXT_CLASSIFICATION, "sentiment")
                .workteamArn("arn:aws:sagemaker:" + kit.local.region() + ":" + kit.local.accountId()
                        + ":workteam/private-crowd/" + team)
                .numberOfHumanWorkersPerDataObject(workers).taskTimeLimitInSeconds(30).build());
        return job;
    }
}
