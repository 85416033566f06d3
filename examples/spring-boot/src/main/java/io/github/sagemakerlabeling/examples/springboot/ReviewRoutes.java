package io.github.sagemakerlabeling.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Two routes on one streaming labeling job, which the component creates (or attaches to) when they start: the first
 * sends every line of the text files dropped into the inbox as a data object, the second writes each labeled review
 * to the outbox, in a folder named after its label. The job itself is described by the
 * {@code camel.component.sagemaker-labeling.*} properties, so the routes name nothing but the job.
 */
@Component
public class ReviewRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{reviews.inbox}}?include=.*\\.txt&noop=true").routeId("feed-reviews")
                .split(body().tokenize("\n"))
                    .transform(simple("${body.trim()}"))
                    .filter(body().isNotEqualTo(""))
                    .to("sagemaker-labeling:{{reviews.job}}")
                    .log("Sent for labeling: ${body}");

        from("sagemaker-labeling:{{reviews.job}}").routeId("labeled-reviews")
                .log("${header.CamelSageMakerLabelingClassName}: ${header.CamelSageMakerLabelingSource}")
                .setBody(header("CamelSageMakerLabelingSource"))
                .to("file:{{reviews.outbox}}?fileName="
                        + "${header.CamelSageMakerLabelingClassName}/${header.CamelSageMakerLabelingObjectId}.txt");
    }
}
