package io.github.sagemakerlabeling.examples.quarkus;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Texts in, labels out. Every non-blank line of a file dropped into the inbox becomes one data object of the
 * streaming labeling job; every labeled object is logged and written to the outbox as
 * {@code <label>/<object id>.txt}, holding the text, so the outbox sorts the texts by label.
 *
 * <p>The job itself (task type, labels, work team, role, output path, topics) and the AWS clients come from
 * {@code camel.component.sagemaker-labeling.*} in {@code application.properties}: the routes name only the job.
 */
public class LabelingRoutes extends RouteBuilder {

    private static final String JOB = "sagemaker-labeling:{{labeling.job}}";

    @Override
    public void configure() {
        from("file:{{labeling.inbox}}")
                .routeId("texts-to-job")
                .split(body().tokenize("\n")).streaming()
                    .transform().body(String.class, String::strip)
                    .filter(body().isNotEqualTo(""))
                    .to(JOB)
                    .log("Sent to job {{labeling.job}}: ${body}");

        from(JOB)
                .routeId("labeled-to-outbox")
                .log("Labeled ${header." + SageMakerLabelingConstants.CLASS_NAME + "}: ${header."
                        + SageMakerLabelingConstants.SOURCE + "}")
                .setBody(header(SageMakerLabelingConstants.SOURCE))
                .setHeader(Exchange.FILE_NAME, simple("${header." + SageMakerLabelingConstants.CLASS_NAME
                        + "}/${header." + SageMakerLabelingConstants.OBJECT_ID + "}.txt"))
                .to("file:{{labeling.outbox}}");
    }
}
