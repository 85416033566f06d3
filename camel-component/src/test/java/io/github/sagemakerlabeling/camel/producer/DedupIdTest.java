package io.github.sagemakerlabeling.camel.producer;

import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.DEDUP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** The dedup id: the header, else the dedupIdExpression option, else the content hash; one id, one label. */
class DedupIdTest extends ProducerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:reviews");
                from("direct:byOrder").to("sagemaker-labeling:reviews?dedupIdExpression=RAW(${header.orderId})");
            }
        };
    }

    @Test
    void theSameObjectSentTwiceIsLabeledOnce() {
        LabelingJobFixture job = startJob("reviews");

        Exchange first = send("direct:send", "The food was delicious", Map.of());
        Exchange again = send("direct:send", "The food was delicious", Map.of());

        assertThat(again.getMessage().getHeader(DEDUP_ID)).isEqualTo(first.getMessage().getHeader(DEDUP_ID));
        assertThat(job.awaitLabeledExactly(1)).extracting(result -> result.source().orElseThrow())
                .containsExactly("The food was delicious");
    }

    @Test
    void theExpressionGivesTheDedupIdAndTheHeaderWinsOverIt() {
        LabelingJobFixture job = startJob("reviews");

        Exchange first = send("direct:byOrder", "The food was delicious", Map.of("orderId", "17"));
        Exchange sameOrder = send("direct:byOrder", "The food was delicious, really", Map.of("orderId", "17"));
        Exchange explicit = send("direct:byOrder", "The service was slow", Map.of("orderId", "17", DEDUP_ID, "mine"));

        assertThat(first.getMessage().getHeader(DEDUP_ID)).isEqualTo("17");
        assertThat(sameOrder.getMessage().getHeader(DEDUP_ID)).isEqualTo("17");
        assertThat(explicit.getMessage().getHeader(DEDUP_ID)).isEqualTo("mine");
        assertThat(job.awaitLabeledExactly(2)).extracting(LabelingResult::source).extracting(s -> s.orElseThrow())
                .containsExactlyInAnyOrder("The food was delicious", "The service was slow");
    }

    @Test
    void anExpressionWithoutAValueFailsTheExchangeNamingIt() {
        startJob("reviews");

        Exchange failed = template.request("direct:byOrder", e -> e.getMessage().setBody("No order id"));

        assertThat(failed.getException()).isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("dedupIdExpression = '${header.orderId}'");
    }

    private Exchange send(String uri, String body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().getHeaders().putAll(headers);
        });
        assertThat(exchange.getException()).isNull();
        return exchange;
    }
}
