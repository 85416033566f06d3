package io.github.sagemakerlabeling.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart with {@code quickstart.workforce=people}: the test is the person who opens the printed portal URL,
 * signs in and labels each text over the portal's HTTP API, and the app ends once every text is labeled.
 */
class QuickstartPeopleTest {

    private static final Pattern PORTAL = Pattern.compile("Label the texts in your browser: (http://\\S+)");

    /** What the person answers: against the keywords, so a simulated worker's label would show. */
    private static final Map<String, String> ANSWERS = new LinkedHashMap<>(Map.of(
            "The kettle broke on the first day.", "positive",
            "I love this tent.", "negative",
            "The lamp is blue.", "neutral"));

    @TempDir
    Path data;
    @TempDir
    Path output;

    private final ExecutorService app = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopApp() throws InterruptedException {
        app.shutdownNow();
        assertThat(app.awaitTermination(30, TimeUnit.SECONDS)).as("the app ended").isTrue();
    }

    @Test
    void aPersonLabelsEveryTextInThePortalAndTheAppEndsWithTheirLabels() throws Exception {
        Files.writeString(data.resolve("reviews.txt"), String.join("\n", ANSWERS.keySet()) + "\n");
        QuickstartSettings settings = settings(Map.of("quickstart.workforce", "people"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        Future<Integer> exitCode = app.submit(() -> new QuickstartApp(settings, out, false).run());

        URI portal = await().atMost(Duration.ofMinutes(1)).until(() -> portalIn(console), url -> url != null);
        Person ann = Person.signIn(portal, "Ann");
        // One person a text: the app ends once she has labeled them all, and closes the portal.
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            ann.labelWhatIsWaiting("quickstart-reviews");
            return ann.submitted == ANSWERS.size();
        });

        int exit = exitCode.get(2, TimeUnit.MINUTES);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code; printed:%n%s", printed).isZero();
        Map<String, String> labels = Files.readAllLines(output.resolve("labeled.jsonl")).stream()
                .map(new OutputLineParser()::parse)
                .collect(Collectors.toMap(result -> result.source().orElseThrow(), QuickstartPeopleTest::className));
        assertThat(labels).isEqualTo(ANSWERS);
        assertThat(printed).contains("people label in the worker portal " + portal)
                .contains("Labeled 3 of 3 texts in job quickstart-reviews (now Stopped)")
                .contains("LabelCounters: TotalLabeled=3 HumanLabeled=3");
    }

    @Test
    void peopleModeAsksOnePersonATextAndWaitsLonger() {
        QuickstartSettings settings = settings(Map.of("quickstart.workforce", "both"));

        assertThat(settings.timeout()).isEqualTo(Duration.ofHours(2));
        try (LabelingTarget target = LabelingTarget.choose(settings)) {
            assertThat(target.componentProperties())
                    .containsEntry(LabelingTarget.COMPONENT + "numberOfHumanWorkersPerDataObject", "1");
            assertThat(target.instructions()).anyMatch(line -> PORTAL.matcher(line).find());
            assertThat(target.description()).contains("simulated workers finish what they leave");
        }
    }

    private QuickstartSettings settings(Map<String, String> overrides) {
        Properties properties = new Properties();
        properties.put("quickstart.home", Path.of("").toAbsolutePath().toString());
        properties.put("quickstart.data", data.toString());
        properties.put("quickstart.output", output.toString());
        properties.putAll(overrides);
        return QuickstartSettings.load(properties, Map.of());
    }

    private static URI portalIn(ByteArrayOutputStream console) {
        Matcher url = PORTAL.matcher(console.toString(StandardCharsets.UTF_8));
        return url.find() ? URI.create(url.group(1)) : null;
    }

    private static String className(LabelingResult result) {
        return result.metadata().path("class-name").asText();
    }

    /** A person at the worker portal, over its HTTP API with their own cookie. */
    private static final class Person {

        private final URI portal;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private int submitted;

        private Person(URI portal) {
            this.portal = portal;
        }

        static Person signIn(URI portal, String name) throws Exception {
            Person person = new Person(portal);
            HttpResponse<String> signedIn = person.post("/sign-in", "application/x-www-form-urlencoded", "name=" + name);
            assertThat(signedIn.statusCode()).as("sign-in: %s", signedIn.body()).isEqualTo(303);
            return person;
        }

        /** Takes and labels the job's tasks while there are any for this person. */
        void labelWhatIsWaiting(String job) throws Exception {
            while (submitted < ANSWERS.size()) {
                HttpResponse<String> task = take(job);
                if (task.statusCode() == 404) {
                    return;
                }
                JsonNode taken = Json.read(task.body());
                String text = taken.at("/taskInput/taskObject").textValue();
                assertThat(taken.at("/taskInput/labels")).extracting(JsonNode::textValue)
                        .containsExactly("positive", "negative", "neutral");
                HttpResponse<String> answer = post("/api/tasks/" + taken.get("taskId").textValue() + "/submit",
                        "application/json", "{\"answerContent\":{\"crowd-classifier\":{\"label\":\""
                                + ANSWERS.get(text) + "\"}}}");
                assertThat(answer.statusCode()).as("submit: %s", answer.body()).isEqualTo(200);
                submitted++;
            }
        }

        private HttpResponse<String> take(String job) throws Exception {
            HttpResponse<String> task = post("/api/jobs/" + job + "/take", "application/json", "");
            assertThat(task.statusCode()).as("take: %s", task.body()).isIn(200, 404);
            return task;
        }

        private HttpResponse<String> post(String path, String type, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(portal.resolve(path)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
