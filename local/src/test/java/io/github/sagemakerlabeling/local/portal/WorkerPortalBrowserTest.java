package io.github.sagemakerlabeling.local.portal;

import static io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.result.BoundingBoxes;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.NamedEntities;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import io.github.sagemakerlabeling.core.result.SemanticSegmentation;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit.JobResources;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * People label in real (headless) Chromium, in the jobs' own templates with the portal's crowd elements: Ada
 * classifies a text; Grace draws a box with the mouse on a real image and marks named entities by selecting text;
 * Lin outlines a polygon and clicks a keypoint; Kay paints a semantic segmentation with the brush. Their answers come
 * out as the jobs' output lines on SQS and as worker-response files (and a segmentation's mask) in S3.
 */
class WorkerPortalBrowserTest {

    private static final Path TEMPLATES = Path.of("..", "camel-component", "src", "main", "resources", "io", "github",
            "sagemakerlabeling", "camel", "job", "templates");
    private static final OutputLineParser PARSER = new OutputLineParser();
    private static final int IMAGE_WIDTH = 640;
    private static final int IMAGE_HEIGHT = 400;
    private static GroundTruthTestKit kit;

    @BeforeAll
    static void startStack() {
        kit = GroundTruthTestKit.start(builder -> builder.workforces(WorkforcePlan.of(WorkforceMode.PEOPLE)));
        kit.local.engineSettings(kit.local.engineSettings().withInitializingDelay(Duration.ofMillis(100)));
    }

    @AfterAll
    static void stopStack() {
        kit.close();
    }

    @Test
    void twoPeopleClassifyATextDrawABoxAndMarkEntitiesInTheBrowser() throws Exception {
        JobResources reviews = job("Browser-Reviews", TaskType.TEXT_CLASSIFICATION, "sentiment",
                "textClassification.liquid.html", "positive", "negative");
        JobResources birds = job("Browser-Birds", TaskType.BOUNDING_BOX, "birds", "boundingBox.liquid.html", "bird");
        JobResources people = job("Browser-Entities", TaskType.NAMED_ENTITY_RECOGNITION, "entities", null,
                "Person", "Place");
        kit.s3.putObject(b -> b.bucket(birds.bucket()).key("images/bird.png").contentType("image/png"),
                RequestBody.fromBytes(birdPicture()));
        kit.publish(reviews.inputTopic(), "{\"source\":\"The <b>soup</b> was lovely & warm\"}");
        kit.publish(birds.inputTopic(), "{\"source-ref\":\"s3://" + birds.bucket() + "/images/bird.png\"}");
        String sentence = "Ada Lovelace wrote programs in London.";
        kit.publish(people.inputTopic(), Json.write(Json.mapper().createObjectNode().put("source", sentence)));

        try (Chromium ada = new Chromium(); Chromium grace = new Chromium()) {
            signIn(ada, "Ada");
            signIn(grace, "Grace");
            await().atMost(PATIENCE).untilAsserted(() -> {
                ada.driver.navigate().refresh();
                assertThat(ada.driver.findElements(By.cssSelector("li.job"))).hasSize(3);
            });
            ada.screenshot("portal-jobs");

            classify(ada, reviews.name(), "positive");
            drawBox(grace, birds.name(), 66, 42, 160, 92);
            markEntities(grace, people.name());

            grace.driver.get(kit.local.portalEndpoint() + "/dashboard");
            wait(grace).until(d -> List.of(reviews, birds, people).stream().allMatch(job -> !d.findElements(
                    By.cssSelector(".job-card[data-job='" + job.name() + "'] .bar-part.labeled")).isEmpty()));
            String birdsCard = ".job-card[data-job='" + birds.name() + "'] ";
            wait(grace).until(d -> Boolean.TRUE.equals(grace.driver.executeScript("var img = document.querySelector("
                    + "arguments[0]); return img != null && img.complete && img.naturalWidth === " + IMAGE_WIDTH,
                    birdsCard + "img.thumb")));
            String reviewsCard = ".job-card[data-job='" + reviews.name() + "'] ";
            assertThat(grace.driver.findElements(By.cssSelector(reviewsCard + "rect.label-bar[data-label='positive']")))
                    .as("the label chart").hasSize(1);
            assertThat(grace.driver.findElement(By.cssSelector(reviewsCard + "svg.throughput polyline"))
                    .getAttribute("points")).as("the running total").isNotBlank();
            assertThat(grace.driver.findElement(By.cssSelector(reviewsCard + "tr[data-worker='Ada'] .pct")).getText())
                    .as("Ada agrees with the label she alone gave").isEqualTo("100%");
            assertThat(grace.driver.findElement(By.cssSelector(reviewsCard + ".result .snippet")).getText())
                    .as("text shown as text, not markup").isEqualTo("The <b>soup</b> was lovely & warm");
            grace.screenshot("portal-dashboard");
            grace.driver.get(kit.local.edgeEndpoint() + WorkerPortal.EDGE_PREFIX + "/dashboard");
            wait(grace).until(d -> !d.findElements(By.cssSelector(birdsCard + "img.thumb")).isEmpty());
        }

        LabelingResult review = PARSER.parse(kit.receive(reviews.outputQueue(), 1).get(0));
        assertThat(review.annotation(ClassLabel.class)).isEqualTo(new ClassLabel(0, "positive", 0.0));
        assertThat(workerResponse(reviews).get(0).get("workerId").textValue()).isEqualTo("Ada");
        assertThat(workerResponse(reviews).get(0).get("answerContent"))
                .isEqualTo(Json.read("{\"crowd-classifier\":{\"label\":\"positive\"}}"));

        BoundingBoxes boxes = PARSER.parse(kit.receive(birds.outputQueue(), 1).get(0)).annotation(BoundingBoxes.class);
        assertThat(boxes.imageSize().get(0).width()).isEqualTo(IMAGE_WIDTH);
        assertThat(boxes.imageSize().get(0).height()).isEqualTo(IMAGE_HEIGHT);
        assertThat(boxes.boxes()).singleElement().satisfies(box -> {
            assertThat(box.className()).isEqualTo("bird");
            assertThat(box.left()).isBetween(64, 68);
            assertThat(box.top()).isBetween(40, 44);
            assertThat(box.width()).isBetween(158, 162);
            assertThat(box.height()).isBetween(90, 94);
        });
        JsonNode boxAnswer = workerResponse(birds).get(0);
        assertThat(boxAnswer.get("workerId").textValue()).isEqualTo("Grace");
        assertThat(boxAnswer.at("/answerContent/boundingBox/inputImageProperties"))
                .isEqualTo(Json.read("{\"height\":400,\"width\":640}"));
        assertThat(boxAnswer.get("timeSpentInSeconds").doubleValue()).isPositive();

        NamedEntities entities = PARSER.parse(kit.receive(people.outputQueue(), 1).get(0))
                .annotation(NamedEntities.class);
        assertThat(entities.entities()).extracting(e -> e.label() + "=" + e.coveredText(sentence))
                .containsExactly("Person=Ada Lovelace", "Place=London");
        assertThat(workerResponse(people).get(0).at("/answerContent/crowd-entity-annotation/entities")).hasSize(2);
    }

    @Test
    void aCustomTemplatesPolygonAndKeypointSubmitInTheirElementsShapes() throws Exception {
        JobResources shapes = kit.resources("Browser-Shapes", "bird");
        kit.put(shapes.bucket(), "template.html", """
                <script src="https://assets.crowd.aws/crowd-html-elements.js"></script>
                <crowd-form>
                  <crowd-polygon name="outline" src="{{ task.input.taskObject | grant_read_access }}"
                      labels="['bird']" header="Outline the bird"></crowd-polygon>
                  <crowd-keypoint name="beak" src="{{ task.input.taskObject | grant_read_access }}"
                      labels="['beak']" header="Click the beak"></crowd-keypoint>
                  <crowd-input name="note" label="Anything odd?" value="no"></crowd-input>
                </crowd-form>
                """);
        kit.s3.putObject(b -> b.bucket(shapes.bucket()).key("bird.png").contentType("image/png"),
                RequestBody.fromBytes(birdPicture()));
        kit.createAndAwaitInProgress(kit.spec(shapes, TaskType.TEXT_CLASSIFICATION, "shapes").taskType((TaskType) null)
                .preHumanTaskLambdaArn("arn:aws:lambda:us-east-1:" + kit.local.accountId() + ":function:pre-shapes")
                .annotationConsolidationLambdaArn("arn:aws:lambda:us-east-1:" + kit.local.accountId()
                        + ":function:acs-shapes")
                .taskTitle("Outline birds").build());
        kit.publish(shapes.inputTopic(), "{\"source-ref\":\"s3://" + shapes.bucket() + "/bird.png\"}");

        try (Chromium lin = new Chromium()) {
            signIn(lin, "Lin");
            await().atMost(PATIENCE).untilAsserted(() -> {
                lin.driver.navigate().refresh();
                assertThat(lin.driver.findElements(By.cssSelector("li.job[data-job='" + shapes.name() + "']")))
                        .hasSize(1);
            });
            start(lin, shapes.name());
            ChromeDriver driver = lin.driver;
            List<WebElement> images = driver.findElements(By.cssSelector("img.crowd-image"));
            for (WebElement image : images) {
                wait(lin).until(d -> (Boolean) driver.executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
            }
            for (int[] corner : new int[][] {{70, 60}, {225, 60}, {225, 135}, {70, 135}}) {
                click(driver, images.get(0), corner[0], corner[1]);
            }
            driver.findElement(By.id("crowd-polygon-close")).click();
            click(driver, images.get(1), 215, 80);
            lin.screenshot("portal-task-polygon");
            driver.findElement(By.cssSelector("crowd-button[form-action='submit'] button")).click();
            awaitSubmitted(lin);
        }

        JsonNode answer = workerResponse(shapes).get(0).get("answerContent");
        assertThat(answer.at("/outline/inputImageProperties")).isEqualTo(Json.read("{\"height\":400,\"width\":640}"));
        assertThat(answer.at("/outline/polygons/0/label").textValue()).isEqualTo("bird");
        assertThat(answer.at("/outline/polygons/0/vertices")).hasSize(4);
        assertThat(answer.at("/outline/polygons/0/vertices/1/x").intValue()).isBetween(223, 227);
        assertThat(answer.at("/outline/polygons/0/vertices/2/y").intValue()).isBetween(133, 137);
        assertThat(answer.at("/beak/keypoints/0/label").textValue()).isEqualTo("beak");
        assertThat(answer.at("/beak/keypoints/0/x").intValue()).isBetween(213, 217);
        assertThat(answer.at("/beak/keypoints/0/y").intValue()).isBetween(78, 82);
        assertThat(answer.get("note").textValue()).isEqualTo("no");
        JsonNode line = Json.read(PARSER.parse(kit.receive(shapes.outputQueue(), 1).get(0)).json().toString());
        assertThat(line.get("shapes")).as("a custom job's label is the answer, unchanged").isEqualTo(answer);
    }

    @Test
    void aPersonPaintsASemanticSegmentationWhoseMaskIsTheOutputLinesLabel() throws Exception {
        JobResources birds = job("Browser-Segments", TaskType.SEMANTIC_SEGMENTATION, "birds-ref",
                "semanticSegmentation.liquid.html", "bird", "sky");
        kit.s3.putObject(b -> b.bucket(birds.bucket()).key("bird.png").contentType("image/png"),
                RequestBody.fromBytes(birdPicture()));
        kit.publish(birds.inputTopic(), "{\"source-ref\":\"s3://" + birds.bucket() + "/bird.png\"}");

        try (Chromium kay = new Chromium()) {
            signIn(kay, "Kay");
            await().atMost(PATIENCE).untilAsserted(() -> {
                kay.driver.navigate().refresh();
                assertThat(kay.driver.findElements(By.cssSelector("li.job[data-job='" + birds.name() + "']")))
                        .hasSize(1);
            });
            start(kay, birds.name());
            ChromeDriver driver = kay.driver;
            WebElement canvas = driver.findElement(By.cssSelector("crowd-semantic-segmentation canvas"));
            wait(kay).until(d -> Long.valueOf(IMAGE_WIDTH).equals(driver.executeScript(
                    "return arguments[0].width", canvas)));
            paint(driver, canvas, 90, 100, 170, 100); // the bird's body, with "bird", the first label
            driver.findElement(By.cssSelector("label.crowd-label-choice[data-label='sky']")).click();
            paint(driver, canvas, 400, 50, 500, 50);
            kay.screenshot("portal-task-segmentation");
            driver.findElement(By.cssSelector("crowd-button[form-action='submit'] button")).click();
            awaitSubmitted(kay);
        }

        JsonNode answer = workerResponse(birds).get(0).at("/answerContent/crowd-semantic-segmentation");
        assertThat(answer.get("inputImageProperties")).isEqualTo(Json.read("{\"height\":400,\"width\":640}"));
        int birdColor = Integer.parseInt(answer.at("/labelMappings/bird/color").textValue().substring(1), 16);
        int skyColor = Integer.parseInt(answer.at("/labelMappings/sky/color").textValue().substring(1), 16);
        BufferedImage painted = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(answer.at("/labeledImage/pngImageData").textValue())));
        assertThat(painted.getWidth()).isEqualTo(IMAGE_WIDTH);
        assertThat(painted.getRGB(130, 100)).as("painted bird").isEqualTo(0xff000000 | birdColor);
        assertThat(painted.getRGB(450, 50)).as("painted sky").isEqualTo(0xff000000 | skyColor);
        assertThat(painted.getRGB(300, 300) >>> 24).as("unpainted stays transparent").isZero();

        SemanticSegmentation label = PARSER.parse(kit.receive(birds.outputQueue(), 1).get(0))
                .annotation(SemanticSegmentation.class);
        String maskKey = "output/" + birds.name() + "/annotations/consolidated-annotation/output/";
        assertThat(label.labelMapRef()).startsWith("s3://" + birds.bucket() + "/" + maskKey).endsWith(".png");
        assertThat(label.colorMap().values()).extracting(e -> e.className() + " " + e.hexColor())
                .containsExactly("BACKGROUND #ffffff", "bird " + answer.at("/labelMappings/bird/color").textValue(),
                        "sky " + answer.at("/labelMappings/sky/color").textValue());
        BufferedImage mask = ImageIO.read(new ByteArrayInputStream(kit.s3.getObjectAsBytes(b -> b
                .bucket(birds.bucket()).key(label.labelMapRef().substring(("s3://" + birds.bucket() + "/").length())))
                .asByteArray()));
        assertThat(mask.getRGB(130, 100) & 0xffffff).as("the mask's bird").isEqualTo(birdColor);
        assertThat(mask.getRGB(450, 50) & 0xffffff).as("the mask's sky").isEqualTo(skyColor);
        assertThat(mask.getRGB(300, 300) & 0xffffff).as("the mask's background").isEqualTo(0xffffff);
    }

    /** Drags the brush over a canvas from one point to another, given in the image's own pixels. */
    private static void paint(ChromeDriver driver, WebElement canvas, int fromX, int fromY, int toX, int toY) {
        int centerX = canvas.getSize().getWidth() / 2;
        int centerY = canvas.getSize().getHeight() / 2;
        new Actions(driver).moveToElement(canvas, fromX - centerX, fromY - centerY).clickAndHold()
                .moveByOffset((toX - fromX) / 2, (toY - fromY) / 2)
                .moveByOffset(toX - fromX - (toX - fromX) / 2, toY - fromY - (toY - fromY) / 2)
                .release().perform();
    }

    /** Clicks a point of an image, given in the image's own pixels (shown at its own size). */
    private static void click(ChromeDriver driver, WebElement image, int x, int y) {
        new Actions(driver).moveToElement(image, x - image.getSize().getWidth() / 2,
                y - image.getSize().getHeight() / 2).click().perform();
    }

    private static void signIn(Chromium browser, String name) {
        browser.driver.get(kit.local.portalEndpoint().toString());
        browser.driver.findElement(By.id("name")).sendKeys(name);
        browser.driver.findElement(By.id("sign-in")).click();
        wait(browser).until(ExpectedConditions.textToBe(By.id("worker"), name));
    }

    private static void classify(Chromium browser, String job, String label) throws Exception {
        start(browser, job);
        ChromeDriver driver = browser.driver;
        assertThat(driver.findElement(By.cssSelector(".classification-target")).getText())
                .isEqualTo("The <b>soup</b> was lovely & warm");
        driver.findElement(By.cssSelector("label.crowd-choice input[value='" + label + "']")).click();
        browser.screenshot("portal-task-text");
        driver.findElement(By.cssSelector("crowd-button[form-action='submit'] button")).click();
        awaitSubmitted(browser);
    }

    private static void drawBox(Chromium browser, String job, int left, int top, int width, int height)
            throws Exception {
        start(browser, job);
        ChromeDriver driver = browser.driver;
        WebElement image = driver.findElement(By.cssSelector("crowd-bounding-box img.crowd-image"));
        wait(browser).until(d -> (Boolean) driver.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
        assertThat(image.getSize().getWidth()).as("shown at its own size").isEqualTo(IMAGE_WIDTH);
        int fromCenterX = left - image.getSize().getWidth() / 2;
        int fromCenterY = top - image.getSize().getHeight() / 2;
        new Actions(driver).moveToElement(image, fromCenterX, fromCenterY).clickAndHold()
                .moveByOffset(width / 2, height / 2).moveByOffset(width - width / 2, height - height / 2)
                .release().perform();
        assertThat(driver.findElements(By.cssSelector(".crowd-box[data-label='bird']"))).hasSize(1);
        browser.screenshot("portal-task-box");
        driver.findElement(By.cssSelector("crowd-button[form-action='submit'] button")).click();
        awaitSubmitted(browser);
    }

    private static void markEntities(Chromium browser, String job) throws Exception {
        start(browser, job);
        ChromeDriver driver = browser.driver;
        // "Ada Lovelace" by dragging across it, from inside "Ada" to inside "Lovelace"; whole words are taken.
        WebElement text = driver.findElement(By.cssSelector(".crowd-entity-text span"));
        List<Long> ada = wordOffset(driver, text, "Ada", 0.3);
        List<Long> lovelace = wordOffset(driver, text, "Lovelace", 0.8);
        new Actions(driver).moveToElement(text, ada.get(0).intValue(), ada.get(1).intValue()).clickAndHold()
                .moveToElement(text, lovelace.get(0).intValue(), lovelace.get(1).intValue()).release().perform();
        wait(browser).until(d -> d.findElements(By.cssSelector("mark.crowd-entity")).size() == 1);
        // "London" as a Place, by double-clicking the word.
        driver.findElement(By.cssSelector("label.crowd-label-choice[data-label='Place']")).click();
        WebElement rest = driver.findElements(By.cssSelector(".crowd-entity-text span")).get(0);
        List<Long> london = wordOffset(driver, rest, "London", 0.5);
        new Actions(driver).moveToElement(rest, london.get(0).intValue(), london.get(1).intValue()).doubleClick()
                .perform();
        wait(browser).until(d -> d.findElements(By.cssSelector("mark.crowd-entity")).size() == 2);
        browser.screenshot("portal-task-entities");
        driver.findElement(By.id("crowd-entity-submit")).click();
        awaitSubmitted(browser);
    }

    /** Where a word of an element's text is, from the element's center, at a fraction of the word's width. */
    @SuppressWarnings("unchecked")
    private static List<Long> wordOffset(ChromeDriver driver, WebElement element, String word, double fraction) {
        return (List<Long>) driver.executeScript("""
                const element = arguments[0], word = arguments[1], fraction = arguments[2];
                const text = element.firstChild, at = text.data.indexOf(word);
                const range = document.createRange();
                range.setStart(text, at);
                range.setEnd(text, at + word.length);
                const w = range.getBoundingClientRect(), e = element.getBoundingClientRect();
                return [Math.round(w.left + w.width * fraction - (e.left + e.width / 2)),
                        Math.round(w.top + w.height / 2 - (e.top + e.height / 2))];
                """, element, word, fraction);
    }

    private static void start(Chromium browser, String job) {
        ChromeDriver driver = browser.driver;
        driver.get(kit.local.portalEndpoint().toString());
        driver.findElement(By.cssSelector("li.job[data-job='" + job + "'] a.start")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("task")));
        wait(browser).until(d -> !d.findElements(By.cssSelector(".crowd-layout")).isEmpty());
    }

    private static void awaitSubmitted(Chromium browser) {
        wait(browser).until(ExpectedConditions.urlContains("note=no-task"));
    }

    private static WebDriverWait wait(Chromium browser) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(60)); // generous: CI machines are shared
    }

    private static JsonNode workerResponse(JobResources job) throws Exception {
        String folder = "output/" + job.name() + "/annotations/worker-response/iteration-1/0/";
        await().atMost(PATIENCE).until(() -> kit.keys(job.bucket(), folder).size() == 1);
        return Json.read(kit.read(job.bucket(), kit.keys(job.bucket(), folder).get(0))).get("answers");
    }

    private static JobResources job(String prefix, TaskType type, String attribute, String template,
                                    String... labels) throws Exception {
        JobResources job = kit.resources(prefix, labels);
        var spec = kit.spec(job, type, attribute).taskTitle(switch (type) {
            case TEXT_CLASSIFICATION -> "How does the review feel?";
            case BOUNDING_BOX -> "Box every bird";
            case SEMANTIC_SEGMENTATION -> "Paint the bird and the sky";
            default -> "Mark people and places";
        });
        if (template == null) {
            spec.uiTemplateS3Uri(null);
        } else {
            kit.put(job.bucket(), "template.html", Files.readString(TEMPLATES.resolve(template)));
        }
        kit.createAndAwaitInProgress(spec.build());
        return job;
    }

    /** A small picture of a bird in the sky, drawn here so the test ships no binary. */
    private static byte[] birdPicture() throws Exception {
        BufferedImage image = new BufferedImage(IMAGE_WIDTH, IMAGE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(120, 180, 235), 0, IMAGE_HEIGHT, new Color(220, 238, 250)));
        g.fillRect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT);
        g.setColor(new Color(70, 140, 70));
        g.fillRect(0, IMAGE_HEIGHT - 60, IMAGE_WIDTH, 60);
        g.setColor(new Color(60, 60, 70));
        g.fillOval(75, 70, 110, 60);
        g.fillOval(160, 60, 40, 36);
        g.setColor(new Color(240, 150, 40));
        g.fillPolygon(new int[] {198, 222, 198}, new int[] {72, 80, 88}, 3);
        g.setColor(new Color(40, 40, 50));
        g.setStroke(new BasicStroke(6));
        g.drawLine(100, 95, 70, 55);
        g.drawLine(140, 95, 120, 45);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
