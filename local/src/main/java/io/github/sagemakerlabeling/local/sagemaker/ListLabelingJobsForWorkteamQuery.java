package io.github.sagemakerlabeling.local.sagemaker;

import static io.github.sagemakerlabeling.local.sagemaker.ListLabelingJobsQuery.after;
import static io.github.sagemakerlabeling.local.sagemaker.ListLabelingJobsQuery.before;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsForWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsForWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;

/**
 * ListLabelingJobsForWorkteam: the jobs whose {@code HumanTaskConfig.WorkteamArn} is the request's, filtered by
 * creation time and job reference code, sorted by creation time (the model's only sort key), in pages. Local Ground
 * Truth keeps no work teams, so a team no job uses lists nothing rather than being {@code ResourceNotFound}.
 */
final class ListLabelingJobsForWorkteamQuery {

    ListLabelingJobsForWorkteamResponse page(List<LocalLabelingJob> jobs, ListLabelingJobsForWorkteamRequest request) {
        Comparator<LocalLabelingJob> byCreation = Comparator.comparing(LocalLabelingJob::creationTime);
        List<LocalLabelingJob> matching = jobs.stream()
                .filter(filter(request))
                .sorted(request.sortOrder() == SortOrder.DESCENDING ? byCreation.reversed() : byCreation)
                .toList();
        ListPage<LocalLabelingJob> page = ListPage.of(matching, request.maxResults(), request.nextToken(),
                "ListLabelingJobsForWorkteam");
        return ListLabelingJobsForWorkteamResponse.builder()
                .labelingJobSummaryList(page.items().stream().map(LocalLabelingJob::workteamSummary).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static Predicate<LocalLabelingJob> filter(ListLabelingJobsForWorkteamRequest request) {
        Predicate<LocalLabelingJob> filter = job -> request.workteamArn().equals(job.workteamArn());
        if (request.jobReferenceCodeContains() != null) {
            filter = filter.and(job -> job.jobReferenceCode().contains(request.jobReferenceCodeContains()));
        }
        return filter.and(after(request.creationTimeAfter(), LocalLabelingJob::creationTime))
                .and(before(request.creationTimeBefore(), LocalLabelingJob::creationTime));
    }
}
