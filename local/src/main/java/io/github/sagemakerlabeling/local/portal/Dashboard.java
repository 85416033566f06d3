package io.github.sagemakerlabeling.local.portal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.local.sagemaker.LocalLabelingJob;
import io.github.sagemakerlabeling.local.workers.LabeledResults;
import io.github.sagemakerlabeling.local.workers.TaskPool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;

/**
 * The dashboard's data: each job's status and {@code LabelCounters}, its rate and backlog, labels and throughput over
 * time, its workers' answers and agreement, and its recent results, images granted through the portal when they are
 * in one of the job's own buckets.
 */
final class Dashboard {

    /** The throughput chart's bars. */
    static final int BINS = 30;
    private static final Duration SMALLEST_BIN = Duration.ofSeconds(5);

    private Dashboard() {
    }

    static ObjectNode of(List<LocalLabelingJob> jobs, TaskPool pool, LabeledResults results, ReadGrants grants,
                         Instant now) {
        ObjectNode dashboard = Json.mapper().createObjectNode().put("now", now.toString());
        ArrayNode list = dashboard.putArray("jobs");
        for (LocalLabelingJob job : jobs) {
            DescribeLabelingJobResponse described = job.describe();
            LabelCounters counters = described.labelCounters();
            TaskPool.Progress people = pool.progress(job.name());
            List<Instant> times = results.labeledTimes(job.name());
            ObjectNode entry = list.addObject().put("name", job.name())
                    .put("status", described.labelingJobStatusAsString())
                    .put("title", described.humanTaskConfig().taskTitle())
                    .put("createdAt", job.creationTime().toString())
                    .put("maxConcurrentTaskCount", described.humanTaskConfig().maxConcurrentTaskCount())
                    .put("backlog", counters.unlabeled())
                    .put("labeledLastMinute", times.stream().filter(t -> t.isAfter(now.minusSeconds(60))).count());
            entry.putObject("labelCounters").put("totalLabeled", counters.totalLabeled())
                    .put("humanLabeled", counters.humanLabeled()).put("machineLabeled", counters.machineLabeled())
                    .put("failedNonRetryableError", counters.failedNonRetryableError())
                    .put("unlabeled", counters.unlabeled());
            ObjectNode withPeople = entry.putObject("people").put("openObjects", people.openObjects())
                    .put("takenTasks", people.takenTasks());
            ObjectNode submissions = withPeople.putObject("submissionsByWorker");
            people.submissions().forEach(submissions::put);
            entry.set("throughput", throughput(job.creationTime(), now, times));
            ObjectNode labels = entry.putObject("labelCounts");
            results.labelCounts(job.name()).forEach(labels::put);
            ArrayNode workers = entry.putArray("workers");
            results.workers(job.name()).forEach((worker, tally) -> {
                ObjectNode w = workers.addObject().put("workerId", worker).put("answers", tally.answers())
                        .put("compared", tally.compared()).put("agreed", tally.agreed());
                if (tally.compared() > 0) {
                    w.put("agreement", (double) tally.agreed() / tally.compared());
                }
            });
            Set<String> buckets = ownBuckets(job.spec());
            ArrayNode recent = entry.putArray("recent");
            for (LabeledResults.Result result : results.recent(job.name())) {
                ObjectNode r = recent.addObject().put("labeledAt", result.labeledAt().toString())
                        .put("label", result.label());
                result.text().ifPresent(text -> r.put("text", text));
                result.sourceRef().ifPresent(ref -> r.put("sourceRef", ref));
                result.sourceRef().flatMap(ReadGrants.S3Object::parse)
                        .filter(object -> buckets.contains(object.bucket()))
                        .ifPresent(object -> r.put("image", grants.grant(result.sourceRef().get())));
                ArrayNode votes = r.putArray("votes");
                result.votes().forEach(vote -> {
                    ObjectNode v = votes.addObject().put("workerId", vote.workerId());
                    vote.agrees().ifPresent(agrees -> v.put("agrees", agrees));
                });
            }
        }
        return dashboard;
    }

    /** Objects labeled per bin, {@value #BINS} bins from the job's creation (or the last ones) to now. */
    private static ObjectNode throughput(Instant created, Instant now, List<Instant> times) {
        Duration span = Duration.between(created, now);
        long binMillis = Math.max(SMALLEST_BIN.toMillis(), (span.toMillis() + BINS - 1) / BINS);
        Instant start = now.minusMillis(binMillis * BINS);
        long[] counts = new long[BINS];
        for (Instant time : times) {
            long bin = (time.toEpochMilli() - start.toEpochMilli()) / binMillis;
            if (bin >= 0) {
                counts[(int) Math.min(BINS - 1, bin)]++;
            }
        }
        ObjectNode node = Json.mapper().createObjectNode().put("start", start.toString())
                .put("binSeconds", binMillis / 1000.0);
        ArrayNode labeled = node.putArray("labeled");
        for (long count : counts) {
            labeled.add(count);
        }
        return node;
    }

    /** The buckets a job reads and writes: its output, manifest, template and label categories. */
    static Set<String> ownBuckets(LabelingJobSpec spec) {
        return Stream.of(Optional.of(spec.s3OutputPath()), spec.manifestS3Uri(), spec.uiTemplateS3Uri(),
                        spec.labelCategoryConfigS3Uri())
                .flatMap(Optional::stream)
                .filter(uri -> uri.startsWith("s3://"))
                .map(uri -> uri.substring("s3://".length()).split("/", 2)[0])
                .filter(bucket -> !bucket.isEmpty())
                .collect(Collectors.toSet());
    }
}
