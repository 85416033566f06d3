package io.github.sagemakerlabeling.camel.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sagemaker.model.RenderingError;

/** The renderUiTemplate operation: SageMaker's RenderUiTemplate on Local Ground Truth, from options, headers, body. */
class RenderUiTemplateOperationTest extends JobOptionsTestSupport {

    private static final String TASK = "{\"taskObject\": \"The soup was <b>cold</b>\","
            + " \"labels\": [\"positive\", \"negative\"]}";

    private ProducerTemplate template;
    private String role;

    @BeforeEach
    void routes() throws Exception {
        role = "arn:aws:iam::" + groundTruth.accountId() + ":role/GroundTruth";
        s3.putObject(put -> put.bucket(BUCKET).key("templates/greeting.liquid.html"),
                RequestBody.fromString("<p>Hello {{ task.input.name | upcase }}</p>"));
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:default").to("sagemaker-labeling:preview?operation=renderUiTemplate"
                        + "&taskType=textClassification&roleArn=" + role);
                from("direct:s3").to("sagemaker-labeling:preview?operation=renderUiTemplate&roleArn=" + role
                        + "&uiTemplate=s3://" + BUCKET + "/templates/greeting.liquid.html");
                from("direct:nothing").to("sagemaker-labeling:preview?operation=renderUiTemplate");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @Test
    void rendersTheTaskTypesDefaultTemplateWithTheBodyAsTaskInput() {
        Exchange rendered = template.request("direct:default", exchange -> exchange.getMessage().setBody(TASK));

        assertThat(rendered.getException()).isNull();
        assertThat(rendered.getMessage().getBody(String.class)).contains("<crowd-classifier")
                .contains("categories=\"[&quot;positive&quot;,&quot;negative&quot;]\"")
                .contains("The soup was &lt;b&gt;cold&lt;/b&gt;").doesNotContain("{{");
        assertThat(errors(rendered)).isEmpty();
    }

    @Test
    void theTemplateOptionMayNameAnS3ObjectAndAMapBodyIsWrittenAsJson() {
        String html = template.requestBody("direct:s3", Map.of("name", "Ann"), String.class);

        assertThat(html).isEqualTo("<p>Hello ANN</p>");
    }

    @Test
    void headersGiveTheTemplateAndTheTaskInputAndTemplateErrorsComeBackAsAwsErrors() {
        Exchange fromHeaders = template.request("direct:s3", exchange -> {
            exchange.getMessage().setHeader(SageMakerLabelingConstants.UI_TEMPLATE, "<i>{{ task.input.n | plus: 1 }}</i>");
            exchange.getMessage().setHeader(SageMakerLabelingConstants.TASK_INPUT, "{\"n\": 41}");
            exchange.getMessage().setBody("not the task input");
        });
        assertThat(fromHeaders.getMessage().getBody(String.class)).isEqualTo("<i>42</i>");

        Exchange broken = template.request("direct:s3", exchange -> {
            exchange.getMessage().setHeader(SageMakerLabelingConstants.UI_TEMPLATE, "{% if %}unclosed");
            exchange.getMessage().setBody(TASK);
        });
        assertThat(broken.getException()).isNull();
        assertThat(broken.getMessage().getBody(String.class)).isEmpty();
        assertThat(errors(broken)).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("TemplateSyntaxError");
            assertThat(error.message()).isNotBlank();
        });
    }

    @Test
    void withoutTaskInputRoleOrTemplateItNamesEachBeforeAnyCall() {
        Exchange refused = template.request("direct:nothing", exchange -> { });

        assertThat(refused.getException()).isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("body").hasMessageContaining(SageMakerLabelingConstants.TASK_INPUT)
                .hasMessageContaining("roleArn").hasMessageContaining("uiTemplate");
    }

    @SuppressWarnings("unchecked")
    private static List<RenderingError> errors(Exchange exchange) {
        return exchange.getMessage().getHeader(SageMakerLabelingConstants.RENDERING_ERRORS, List.class);
    }
}
