package io.github.sagemakerlabeling.local.sagemaker;

import io.github.sagemakerlabeling.local.sagemaker.validation.ConstraintViolation;
import io.github.sagemakerlabeling.local.sagemaker.validation.ValidationErrors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
 * constraints (ranges, patterns, enums), so only what the model cannot check is refused here: a foreign NextToken.
 */
final class ListLabelingJobsQuery {

    /** The page size when the request gives no MaxResults (the model leaves it open; SageMaker's lists use 10). */
    static final int DEFAULT_PAGE_SIZE = 10;
    private static final String TOKEN_PREFIX = "offset:";

    ListLabelingJobsResponse page(List<LocalLabelingJob> jobs, ListLabelingJobsRequest request) {
        int pageSize = pageSize(request.maxResults());
        int offset = offset(request.nextToken());
        List<LocalLabelingJob> matching = jobs.stream()
                .filter(filter(request))
                .sorted(order(request))
                .toList();
        int end = Math.min(matching.size(), offset + pageSize);
        ListLabelingJobsResponse.Builder response = ListLabelingJobsResponse.builder()
                .labelingJobSummaryList(matching.subList(Math.min(offset, end), end).stream()
                        .map(LocalLabelingJob::summary).toList());
        if (end < matching.size()) {
            response.nextToken(token(end));
        }
        return response.build();
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

    private static Predicate<LocalLabelingJob> after(Instant bound, Function<LocalLabelingJob, Instant> time) {
        return bound == null ? job -> true : job -> time.apply(job).isAfter(bound);
    }

    private static Predicate<LocalLabelingJob> before(Instant bound, Function<LocalLabelingJob, Instant> time) {
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

    private static int pageSize(Integer maxResults) {
        return maxResults == null ? DEFAULT_PAGE_SIZE : maxResults;
    }

    private static int offset(String nextToken) {
        if (nextToken == null || nextToken.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                return Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ValidationErrors.of(new ConstraintViolation("nextToken", "'" + nextToken + "'",
                "Member must be a token from a previous ListLabelingJobs response"));
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
