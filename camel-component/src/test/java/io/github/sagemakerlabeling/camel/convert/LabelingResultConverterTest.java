package io.github.sagemakerlabeling.camel.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.camel.job.JobOptionsTestSupport;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.MalformedOutputException;
import io.github.sagemakerlabeling.core.service.OutputQueues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.TypeConversionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * The type converters on real output: a {@code camel-aws2-sqs} route reading the job's output topic through its own
 * queue turns each raw line into a {@link LabelingResult}, and a YAML route prints results and reads them as a
 * {@code Map} with no bean.
 */
class LabelingResultConverterTest extends JobOptionsTestSupport {

    private static final List<String> TEXTS = List.of("A delicious pie", "Burnt toast");

    @Test
    void anAws2SqsRouteConvertsGroundTruthOutputToLabelingResults() throws Exception {
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:sqs-reviews?" + jobOptions());
                from("aws2-sqs:sqs-reviews-output?amazonSQSClient=#sqs&waitTimeSeconds=1").routeId("aws2-sqs")
                        .autoStartup(false)
                        .convertBodyTo(LabelingResult.class)
                        .to("mock:parsed");
            }
        });
        context.start();
        // The producer ensured the job and created its topics; the queue subscribes to the output topic raw.
        String outputTopicArn = sns.createTopic(b -> b.name("reviews-out")).topicArn();
        new OutputQueues(sqs, sns).provision(outputTopicArn, "sqs-reviews-output");
        context.getRouteController().startRoute("aws2-sqs");

        MockEndpoint parsed = context.getEndpoint("mock:parsed", MockEndpoint.class);
        parsed.expectedMessageCount(TEXTS.size());
        send(context, TEXTS);
        parsed.assertIsSatisfied(Duration.ofSeconds(30).toMillis());

        assertThat(parsed.getExchanges()).extracting(exchange -> exchange.getMessage().getBody(LabelingResult.class))
                .extracting(result -> result.source().orElseThrow() + "="
                        + result.annotation(ClassLabel.class).className())
                .containsExactlyInAnyOrder("A delicious pie=positive", "Burnt toast=negative");
    }

    @Test
    void aYamlRoutePrintsResultsAsJsonAndReadsThemAsAMapWithNoBean() throws Exception {
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:printed-reviews?" + jobOptions());
            }
        });
        Properties properties = new Properties();
        properties.put("job.options", jobOptions());
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context,
                "classpath:convert/print-results.camel.yaml"));
        context.start();

        MockEndpoint printed = context.getEndpoint("mock:printed", MockEndpoint.class);
        printed.expectedMessageCount(TEXTS.size());
        send(context, TEXTS);
        printed.assertIsSatisfied(Duration.ofSeconds(30).toMillis());

        assertThat(printed.getExchanges()).extracting(exchange -> header(exchange, "text") + "="
                + header(exchange, "label")).containsExactlyInAnyOrder("A delicious pie=positive",
                "Burnt toast=negative");
        for (Exchange exchange : printed.getExchanges()) {
            JsonNode json = Json.read(header(exchange, "json"));
            assertThat(json.path("source").asText()).isEqualTo(header(exchange, "text"));
            assertThat(json.path("label").isNumber()).as("the class index, as Ground Truth writes it").isTrue();
            assertThat(exchange.getMessage().getBody()).isInstanceOf(Map.class);
        }
    }

    @Test
    void textThatIsNotAnOutputLineFailsTheConversionNamingWhy() throws Exception {
        CamelContext context = track(new DefaultCamelContext());
        context.start();

        assertThatThrownBy(() -> context.getTypeConverter().mandatoryConvertTo(LabelingResult.class, "not JSON"))
                .isInstanceOf(TypeConversionException.class)
                .cause().isInstanceOf(MalformedOutputException.class).hasMessageContaining("not JSON");
    }

    @Test
    void aResultConvertsToTheLineItCameFromAndBack() throws Exception {
        CamelContext context = track(new DefaultCamelContext());
        context.start();
        String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"Message\":"
                + Json.write(LINE) + "}";

        LabelingResult result = context.getTypeConverter().mandatoryConvertTo(LabelingResult.class, envelope);
        String json = context.getTypeConverter().mandatoryConvertTo(String.class, result);
        Map<?, ?> map = context.getTypeConverter().mandatoryConvertTo(Map.class, result);

        assertThat(result.snsMessageId()).contains("m-1");
        assertThat(json).as("the line out of its envelope, digits kept").isEqualTo(LINE);
        assertThat(List.<Object>copyOf(map.keySet())).containsExactly("source", "sport", "sport-metadata");
        assertThat(context.getTypeConverter().mandatoryConvertTo(LabelingResult.class, json).annotation(
                ClassLabel.class).className()).isEqualTo("football");
    }

    private static final String LINE = "{\"source\":\"A goal in extra time\",\"sport\":0,\"sport-metadata\":"
            + "{\"class-name\":\"football\",\"confidence\":0.80,\"type\":\"groundtruth/text-classification\","
            + "\"job-name\":\"labeling-job/sport\",\"human-annotated\":\"yes\","
            + "\"creation-date\":\"2026-12-07T19:00:00.000000\"}}";

    private static void send(CamelContext context, List<String> texts) {
        ProducerTemplate template = context.createProducerTemplate();
        texts.forEach(text -> template.sendBody("direct:send", text));
    }

    private static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }
}
