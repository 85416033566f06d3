package io.github.sagemakerlabeling.local.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelCountersForWorkteam;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobForWorkteamSummary;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;

/** ListLabelingJobsForWorkteam through the SDK: a team's jobs, its filters, order, pages and validation. */
@LocalGroundTruthTest
class ListLabelingJobsForWorkteamTest {

    @Test
    void listsTheJobsOfOneTeamByCreationTimeWithTheirReferenceCodesAndCounters(SageMakerClient sageMaker,
                                                                                LocalGroundTruth local) {
        String team = workteam(local, "reviewers");
        createJob(sageMaker, local, "first-for-team", team, 3);
        local.clock().advance(Duration.ofMinutes(1));
        createJob(sageMaker, local, "other-team", workteam(local, "others"), 1);
        local.clock().advance(Duration.ofMinutes(1));
        createJob(sageMaker, local, "second-for-team", team, 1);

        List<LabelingJobForWorkteamSummary> jobs = sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(team))
                .labelingJobSummaryList();

        assertThat(jobs).extracting(LabelingJobForWorkteamSummary::labelingJobName)
                .containsExactly("first-for-team", "second-for-team");
        DescribeLabelingJobResponse first = sageMaker.describeLabelingJob(r -> r.labelingJobName("first-for-team"));
        assertThat(jobs.get(0).jobReferenceCode()).isEqualTo(first.jobReferenceCode());
        assertThat(jobs.get(0).creationTime()).isEqualTo(first.creationTime());
        assertThat(jobs.get(0).workRequesterAccountId()).isEqualTo(local.accountId());
        assertThat(jobs.get(0).numberOfHumanWorkersPerDataObject()).isEqualTo(3);
        assertThat(jobs.get(0).labelCounters()).isEqualTo(LabelCountersForWorkteam.builder()
                .humanLabeled(0).pendingHuman(0).total(0).build());

        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(team).sortOrder(SortOrder.DESCENDING))
                .labelingJobSummaryList()).extracting(LabelingJobForWorkteamSummary::labelingJobName)
                .containsExactly("second-for-team", "first-for-team");
        String secondCode = jobs.get(1).jobReferenceCode();
        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(team)
                        .jobReferenceCodeContains(secondCode.substring(12))).labelingJobSummaryList())
                .extracting(LabelingJobForWorkteamSummary::labelingJobName).containsExactly("second-for-team");
        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(team)
                        .creationTimeAfter(first.creationTime())).labelingJobSummaryList())
                .extracting(LabelingJobForWorkteamSummary::labelingJobName).containsExactly("second-for-team");
        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(workteam(local, "idle")))
                .labelingJobSummaryList()).isEmpty();
    }

    @Test
    void pagesFollowNextTokenAndThePaginatorReturnsEveryJob(SageMakerClient sageMaker, LocalGroundTruth local) {
        String team = workteam(local, "paged");
        for (int i = 1; i <= 3; i++) {
            createJob(sageMaker, local, "paged-" + i, team, 1);
            local.clock().advance(Duration.ofSeconds(1));
        }

        var firstPage = sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(team).maxResults(2));
        assertThat(firstPage.labelingJobSummaryList()).extracting(LabelingJobForWorkteamSummary::labelingJobName)
                .containsExactly("paged-1", "paged-2");
        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(team).maxResults(2)
                        .nextToken(firstPage.nextToken())).labelingJobSummaryList())
                .extracting(LabelingJobForWorkteamSummary::labelingJobName).containsExactly("paged-3");
        assertThat(sageMaker.listLabelingJobsForWorkteamPaginator(r -> r.workteamArn(team).maxResults(1))
                .labelingJobSummaryList().stream().map(LabelingJobForWorkteamSummary::labelingJobName).toList())
                .containsExactly("paged-1", "paged-2", "paged-3");
    }

    @Test
    void aMissingTeamOrAnotherSortKeyIsAValidationError(SageMakerClient sageMaker) {
        assertThatThrownBy(() -> sageMaker.listLabelingJobsForWorkteam(r -> r.sortBy("Name").maxResults(101)))
                .isExactlyInstanceOf(SageMakerException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage()).isEqualTo(
                        "3 validation errors detected: "
                                + "Value null at 'workteamArn' failed to satisfy constraint: Member must not be null; "
                                + "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value "
                                + "less than or equal to 100; "
                                + "Value 'Name' at 'sortBy' failed to satisfy constraint: Member must satisfy enum "
                                + "value set: [CreationTime]"));
    }

    private static String workteam(LocalGroundTruth local, String name) {
        return "arn:aws:sagemaker:" + local.region() + ":" + local.accountId() + ":workteam/private-crowd/" + name;
    }

    private static void createJob(SageMakerClient sageMaker, LocalGroundTruth local, String name, String team,
                                  int workers) {
        sageMaker.createLabelingJob(r -> r.labelingJobName(name)
                .labelAttributeName("answer")
                .inputConfig(i -> i.dataSource(d -> d.snsDataSource(s -> s.snsTopicArn(
                        "arn:aws:sns:" + local.region() + ":" + local.accountId() + ":" + name))))
                .outputConfig(o -> o.s3OutputPath("s3://bucket/output"))
                .roleArn("arn:aws:iam::" + local.accountId() + ":role/GroundTruth")
                .humanTaskConfig(h -> h.workteamArn(team).uiConfig(u -> u.uiTemplateS3Uri("s3://bucket/ui.html"))
                        .taskTitle("Answer").taskDescription("Answer the question")
                        .numberOfHumanWorkersPerDataObject(workers).taskTimeLimitInSeconds(300)));
    }
}
