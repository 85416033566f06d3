package io.github.sagemakerlabeling.camel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.camel.job.JobOptionsTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency: an app without it on its classpath sends data objects as before, and is told
 * plainly when it names a registry anyway. Run by the {@code without-micrometer} surefire execution, whose classpath
 * leaves Micrometer out (and which sets the system property {@code without-micrometer}); skipped elsewhere, which
 * happens only when {@code -Dtest} selects it for every execution.
 */
class WithoutMicrometerTest extends JobOptionsTestSupport {

    @BeforeAll
    static void onlyWithoutMicrometer() {
        assumeTrue(Boolean.getBoolean("without-micrometer"), "runs in the without-micrometer surefire execution");
    }

    @Test
    void theProducerWorksWithoutMicrometerOnTheClasspath() throws Exception {
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
                .as("this test runs without Micrometer").isInstanceOf(ClassNotFoundException.class);
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:reviews?" + jobOptions());
            }
        });
        context.start();

        Exchange sent = context.createProducerTemplate().request("direct:send",
                e -> e.getMessage().setBody("A delicious review, unmeasured"));

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(SageMakerLabelingConstants.MESSAGE_ID, String.class)).isNotBlank();
    }

    @Test
    void aMetricsRegistryWithoutMicrometerIsRefusedWhenTheRouteStarts() throws Exception {
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:reviews?ensureJob=false&metricsRegistry=meters");
            }
        });

        assertThatThrownBy(context::start).rootCause().hasMessageContaining("metricsRegistry is set, but Micrometer"
                + " is not on the classpath");
    }
}
