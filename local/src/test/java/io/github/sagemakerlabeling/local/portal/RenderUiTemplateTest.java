package io.github.sagemakerlabeling.local.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.RenderUiTemplateResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** RenderUiTemplate through the SDK's renderUiTemplate: Ground Truth's Liquid filters, autoescape and errors. */
@LocalGroundTruthTest
class RenderUiTemplateTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/GroundTruth";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void dataObjectTextIsEscapedUnlessTheTemplateSaysSkipAutoescape(SageMakerClient sageMaker) {
        String input = "{\"taskObject\":\"<b>loud</b> & \\\"quoted\\\"\",\"note\":\"<i>trusted</i>\","
                + "\"labels\":[\"a\",\"b's\"]}";

        RenderUiTemplateResponse response = sageMaker.renderUiTemplate(b -> b.roleArn(ROLE)
                .uiTemplate(t -> t.content("<p>{{ task.input.taskObject }}</p><div>{{ task.input.note | skip_autoescape }}"
                        + "</div><crowd-classifier categories=\"{{ task.input.labels | to_json | escape }}\">"
                        + "{% for label in task.input.labels %}[{{ label | upcase }}]{% endfor %}"))
                .task(t -> t.input(input)));

        assertThat(response.errors()).isEmpty();
        assertThat(response.renderedContent()).isEqualTo("<p>&lt;b&gt;loud&lt;/b&gt; &amp; &quot;quoted&quot;</p>"
                + "<div><i>trusted</i></div><crowd-classifier categories=\"[&quot;a&quot;,&quot;b&#39;s&quot;]\">"
                + "[A][B&#39;S]");
    }

    @Test
    void grantReadAccessGivesAPortalUrlThatReadsThatObjectOnly(LocalGroundTruth local, SageMakerClient sageMaker,
                                                              S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("preview-images"));
        s3.putObject(b -> b.bucket("preview-images").key("cats/tabby 1.png").contentType("image/png"),
                RequestBody.fromString("not really a png"));
        s3.putObject(b -> b.bucket("preview-images").key("secret.txt"), RequestBody.fromString("secret"));

        RenderUiTemplateResponse response = sageMaker.renderUiTemplate(b -> b.roleArn(ROLE)
                .uiTemplate(t -> t.content("<img src=\"{{ task.input.taskObject | grant_read_access }}\">"))
                .task(t -> t.input("{\"taskObject\":\"s3://preview-images/cats/tabby 1.png\"}")));

        Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(response.renderedContent());
        assertThat(src.find()).isTrue();
        URI granted = URI.create(src.group(1).replace("&amp;", "&"));
        assertThat(granted.toString()).startsWith(local.portalEndpoint() + "/s3/preview-images/cats/tabby%201.png?grant=");
        HttpResponse<String> image = get(granted);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo("not really a png");
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");

        String query = granted.getRawQuery();
        assertThat(get(URI.create(local.portalEndpoint() + "/s3/preview-images/secret.txt?" + query)).statusCode())
                .as("a grant reads its own object only").isEqualTo(403);
        assertThat(get(URI.create(local.portalEndpoint() + "/s3/preview-images/secret.txt")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void escapeOnceDoesNotEscapeWhatIsEscapedAlready(SageMakerClient sageMaker) {
        RenderUiTemplateResponse response = sageMaker.renderUiTemplate(b -> b.roleArn(ROLE)
                .uiTemplate(t -> t.content("{{ task.input.text | escape_once }}"))
                .task(t -> t.input("{\"text\":\"&amp; < it's\"}")));

        assertThat(response.renderedContent()).isEqualTo("&amp; &lt; it&#39;s");
    }

    @Test
    void aLiquidErrorComesBackInErrorsWithNoContent(SageMakerClient sageMaker) {
        RenderUiTemplateResponse response = sageMaker.renderUiTemplate(b -> b.roleArn(ROLE)
                .uiTemplate(t -> t.content("{% if %}unclosed")).task(t -> t.input("{}")));

        assertThat(response.renderedContent()).isEmpty();
        assertThat(response.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("TemplateSyntaxError");
            assertThat(error.message()).isNotBlank();
        });
    }

    @Test
    void aTaskInputThatIsNotJsonIsARenderingError(SageMakerClient sageMaker) {
        RenderUiTemplateResponse response = sageMaker.renderUiTemplate(b -> b.roleArn(ROLE)
                .uiTemplate(t -> t.content("x")).task(t -> t.input("{not json")));

        assertThat(response.errors()).singleElement().satisfies(error -> assertThat(error.code())
                .isEqualTo("TaskInputError"));
    }

    @Test
    void theBuiltInNamedEntityUiRendersByItsArn(SageMakerClient sageMaker) {
        RenderUiTemplateResponse response = sageMaker.renderUiTemplate(b -> b.roleArn(ROLE)
                .humanTaskUiArn("arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/NamedEntityRecognition")
                .task(t -> t.input("{\"taskObject\":\"Ada met Charles\",\"labels\":[\"Person\"]}")));

        assertThat(response.errors()).isEmpty();
        assertThat(response.renderedContent()).contains("<crowd-entity-annotation", "text=\"Ada met Charles\"",
                "labels=\"[&quot;Person&quot;]\"");
    }

    @Test
    void aRequestWithoutTaskOrRoleIsAValidationException(SageMakerClient sageMaker) {
        assertThatThrownBy(() -> sageMaker.renderUiTemplate(b -> b.uiTemplate(t -> t.content("x"))))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("2 validation errors detected: "
                            + "Value null at 'task' failed to satisfy constraint: Member must not be null; "
                            + "Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
                });
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
