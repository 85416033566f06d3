package io.github.sagemakerlabeling.local.sagemaker;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.SortBy;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;

/**
 * ListLabelingJobs' filtering, sorting and paging over a snapshot of the jobs. The request has passed the model's
 * constraints (ranges, patterns, enums); {@link ListPage} refuses a NextToken it did not hand out.
 */
final class ListLabelingJobsQuery {

    ListLabelingJobsResponse page(List<LocalLabelingJob> jobs, ListLabelingJobsRequest request) {
        List<LocalLabelingJob> matching = jobs.stream()
                .filter(filter(request))
                .sorted(order(request))
                .toList();
        ListPage<LocalLabelingJob> page = ListPage.of(matching, request.maxResults(), request.nextToken(),
                "ListLabelingJobs");
        return ListLabelingJobsResponse.builder()
                .labelingJobSummaryList(page.items().stream().map(LocalLabelingJob::summary).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static Predicate<LocalLabelingJob> filter(ListLabelingJobsRequest request) {
        Predicate<LocalLabelingJob> filter = job -> true;
        if (request.nameContains() != null) {
            String part = request.nameContains().toLowerCase(Locale.ROOT);
            filter = filter.and(job -> job.name().toLowerCase(Locale.ROOT).contains(part));
        }
        if (request.statusEquals() != null) {
            filter = filter.and(job -> job.status() == request.statusEquals());
        }
        filter = filter.and(after(request.creationTimeAfter(), LocalLabelingJob::creationTime))
                .and(before(request.creationTimeBefore(), LocalLabelingJob::creationTime))
                .and(after(request.lastModifiedTimeAfter(), LocalLabelingJob::lastModifiedTime))
                .and(before(request.lastModifiedTimeBefore(), LocalLabelingJob::lastModifiedTime));
        return filter;
    }

    static Predicate<LocalLabelingJob> after(Instant bound, Function<LocalLabelingJob, Instant> time) {
        return bound == null ? job -> true : job -> time.apply(job).isAfter(bound);
    }

    static Predicate<LocalLabelingJob> before(Instant bound, Function<LocalLabelingJob, Instant> time) {
        return bound == null ? job -> true : job -> time.apply(job).isBefore(bound);
    }

    private static Comparator<LocalLabelingJob> order(ListLabelingJobsRequest request) {
        SortBy sortBy = request.sortBy() == null ? SortBy.CREATION_TIME : request.sortBy();
        Comparator<LocalLabelingJob> comparator = switch (sortBy) {
            case NAME -> Comparator.comparing(job -> job.name().toLowerCase(Locale.ROOT));
            case STATUS -> Comparator.comparing(job -> job.status().toString());
            default -> Comparator.comparing(LocalLabelingJob::creationTime);
        };
        // Ties keep creation order so pages never shuffle between calls.
        comparator = comparator.thenComparing(LocalLabelingJob::creationTime);
        return request.sortOrder() == SortOrder.DESCENDING ? comparator.reversed() : comparator;
    }
}
