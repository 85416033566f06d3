package io.github.sagemakerlabeling.local.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.local.consolidation.Agreement;
import io.github.sagemakerlabeling.local.consolidation.ConsolidatedLabel;
import io.github.sagemakerlabeling.local.consolidation.Consolidator;
import io.github.sagemakerlabeling.local.consolidation.OutputLineBuilder;
import io.github.sagemakerlabeling.local.consolidation.ReviewOutcome;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.local.workers.LabeledResults;
import io.github.sagemakerlabeling.local.workers.SubmittedAnswer;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Where a job's labeled objects go (§3): the workers' answers consolidated into one output line, recorded in the S3
 * output, and published to the output topic when the job has one, ten at a time where several wait. A publish that
 * fails is retried on the next step, unless the topic no longer exists. Confined to the job's thread.
 */
final class JobOutput {

    private static final Logger LOG = LoggerFactory.getLogger(JobOutput.class);
    /** SNS's limits of one PublishBatch call. */
    private static final int MAX_BATCH_ENTRIES = 10;
    private static final int MAX_BATCH_BYTES = 256 * 1024;

    private final LabelingJobSpec spec;
    private final String jobName;
    private final List<LabelCategory> labels;
    private final OutputArchive archive;
    private final SnsClient sns;
    private final LabeledResults results;
    private final Deque<Pending> unpublished = new ArrayDeque<>();
    private final Consumer<List<Integer>> published;

    /** An output line waiting for the output topic, and the index of its object. */
    record Pending(int index, String line) {
    }

    /**
     * @param spec    the job
     * @param jobName its name as created
     * @param labels  its label categories
     * @param archive its S3 output
     * @param sns     the client that publishes to the output topic
     * @param results where the dashboard reads what was labeled
     * @param published told the indexes of objects whose lines left the queue for the topic (or were dropped with
     *                  their deleted topic)
     */
    JobOutput(LabelingJobSpec spec, String jobName, List<LabelCategory> labels, OutputArchive archive, SnsClient sns,
              LabeledResults results, Consumer<List<Integer>> published) {
        this.published = published;
        this.results = results;
        this.spec = spec;
        this.jobName = jobName;
        this.labels = List.copyOf(labels);
        this.archive = archive;
        this.sns = sns;
    }

    /**
     * Consolidates an object's answers, records the output line in S3 and queues it for the output topic.
     *
     * @return the output line
     */
    ObjectNode labeled(AcceptedObject object, List<SubmittedAnswer> answers, Instant when) {
        LocalDateTime created = LocalDateTime.ofInstant(when, ZoneOffset.UTC);
        AnswerKind kind = spec.taskType().map(AnswerKind::of).orElse(AnswerKind.CONTENT);
        List<WorkerAnswer> given = answers.stream().map(SubmittedAnswer::answer).toList();
        ConsolidatedLabel consolidated = ReviewOutcome.apply(Consolidator.of(kind, spec.taskType())
                .consolidate(given, labels), spec.taskType(), object.incoming().object(), given);
        // a segmentation mask is in S3 before the output line that names it is published
        ConsolidatedLabel label = consolidated.mask()
                .map(png -> consolidated.withMaskAt(archive.storeMask(object.index(), png, created)))
                .orElse(consolidated);
        results.record(jobName, when, object.incoming().line(), label.metadata(), label.value(), answers.stream()
                .map(answer -> new LabeledResults.Vote(answer.workerId(),
                        Agreement.of(answer.answer(), label.value(), label.metadata()))).toList());
        ObjectNode line = outputLine(object, label, consolidated.mask().isPresent(), created);
        archive.labeled(object.index(), answers, object.incoming().line(), line, created);
        spec.outputSnsTopicArn().ifPresent(topic -> unpublished.add(new Pending(object.index(), Json.write(line))));
        return line;
    }

    /** Queues the lines of objects labeled but not yet published before the stack restarted, first first. */
    void restore(List<Pending> lines) {
        unpublished.addAll(lines);
    }

    /**
     * Publishes the lines not yet on the output topic, in order, in PublishBatch calls of up to 10 lines and 256 KiB,
     * until a call or an entry fails: what failed stays first in line for the next step.
     */
    void publishPending() {
        while (!unpublished.isEmpty()) {
            String topic = spec.outputSnsTopicArn().orElseThrow();
            List<Pending> batch = nextBatch();
            List<PublishBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(PublishBatchRequestEntry.builder().id(Integer.toString(i)).message(batch.get(i).line())
                        .build());
            }
            PublishBatchResponse response;
            try {
                response = sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entries));
            } catch (NotFoundException e) {
                LOG.warn("Labeling job {}: the output topic {} no longer exists; {} labeled objects are not published",
                        jobName, topic, batch.size());
                batch.forEach(line -> unpublished.poll());
                published.accept(batch.stream().map(Pending::index).toList());
                continue;
            } catch (RuntimeException e) {
                LOG.debug("Labeling job {}: publishing to the output topic failed, retrying", jobName, e);
                return;
            }
            batch.forEach(line -> unpublished.poll());
            List<BatchResultErrorEntry> failed = response.failed();
            Set<Integer> failedEntries = new HashSet<>();
            failed.forEach(entry -> failedEntries.add(Integer.parseInt(entry.id())));
            List<Integer> sent = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (!failedEntries.contains(i)) {
                    sent.add(batch.get(i).index());
                }
            }
            published.accept(sent);
            if (!failed.isEmpty()) {
                LOG.debug("Labeling job {}: {} of {} output lines failed to publish, retrying", jobName, failed.size(),
                        batch.size());
                failed.stream().map(entry -> Integer.parseInt(entry.id())).sorted(Comparator.reverseOrder())
                        .forEach(index -> unpublished.addFirst(batch.get(index)));
                return;
            }
        }
    }

    /** The first unpublished lines that fit one PublishBatch call; always at least one. */
    private List<Pending> nextBatch() {
        List<Pending> batch = new ArrayList<>();
        int bytes = 0;
        for (Pending line : unpublished) {
            int size = line.line().getBytes(StandardCharsets.UTF_8).length;
            if (batch.size() == MAX_BATCH_ENTRIES || (!batch.isEmpty() && bytes + size > MAX_BATCH_BYTES)) {
                break;
            }
            batch.add(line);
            bytes += size;
        }
        return batch;
    }

    /** Whether labeled objects still wait to be published. */
    boolean hasUnpublished() {
        return !unpublished.isEmpty();
    }

    private ObjectNode outputLine(AcceptedObject object, ConsolidatedLabel consolidated, boolean maskStored,
                                  LocalDateTime created) {
        ConsolidatedLabel label = consolidated;
        if (spec.labelAttributeName().endsWith("-ref") && !maskStored) {
            String uri = archive.writeLabelFile(object.index(), label.value());
            label = new ConsolidatedLabel(TextNode.valueOf(uri), label.metadata());
        }
        IncomingObject incoming = object.incoming();
        return OutputLineBuilder.build(incoming.line(), spec.labelAttributeName(), label, spec.taskType(), jobName,
                created, incoming.serviceAssigned() ? Optional.of(incoming.dedupId()) : Optional.empty(),
                incoming.sequencer());
    }
}
