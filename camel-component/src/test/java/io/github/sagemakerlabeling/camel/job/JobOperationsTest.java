package io.github.sagemakerlabeling.camel.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsRequest;

/** The management operations on a job the endpoint options describe: describe, list with filters, stop and wait. */
class JobOperationsTest extends JobOptionsTestSupport {

    @Test
    void describesListsAndStopsTheJob() throws Exception {
        String job = "sagemaker-labeling:reviews?" + jobOptions();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(job);
                from("direct:describe").to("sagemaker-labeling:reviews?operation=describeJob");
                from("direct:list").to("sagemaker-labeling:reviews?operation=listJobs");
                from("direct:stop").to("sagemaker-labeling:reviews?operation=stopJob&waitForStopped=true");
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        template.sendBody("direct:send", "The soup was delicious");

        Exchange described = template.request("direct:describe", exchange -> { });
        assertThat(described.getMessage().getHeader(SageMakerLabelingConstants.JOB_STATUS)).isEqualTo("InProgress");
        assertThat(described.getMessage().getHeader(SageMakerLabelingConstants.JOB_ARN, String.class))
                .endsWith(":labeling-job/reviews");
        assertThat(described.getMessage().getBody(DescribeLabelingJobResponse.class).labelingJobName())
                .isEqualTo("reviews");

        sageMaker.createLabelingJob(LabelingJobSpec.fromDescribe(described.getMessage()
                .getBody(DescribeLabelingJobResponse.class)).toBuilder().labelingJobName("other-reviews").build()
                .toCreateRequest());
        @SuppressWarnings("unchecked")
        List<LabelingJobSummary> all = template.requestBody("direct:list", null, List.class);
        assertThat(all).extracting(LabelingJobSummary::labelingJobName)
                .containsExactlyInAnyOrder("reviews", "other-reviews");
        @SuppressWarnings("unchecked")
        List<LabelingJobSummary> filtered = template.requestBody("direct:list",
                ListLabelingJobsRequest.builder().nameContains("other").build(), List.class);
        assertThat(filtered).extracting(LabelingJobSummary::labelingJobName).containsExactly("other-reviews");

        Exchange stopped = template.request("direct:stop", exchange -> { });
        assertThat(stopped.getException()).isNull();
        assertThat(stopped.getMessage().getHeader(SageMakerLabelingConstants.JOB_STATUS)).isEqualTo("Stopped");
        assertThat(sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews")).labelingJobStatusAsString())
                .isEqualTo("Stopped");
    }
}
