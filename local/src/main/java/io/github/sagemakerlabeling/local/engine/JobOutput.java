package io.github.sagemakerlabeling.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.local.consolidation.ConsolidatedLabel;
import io.github.sagemakerlabeling.local.consolidation.Consolidator;
import io.github.sagemakerlabeling.local.consolidation.OutputLineBuilder;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * Where a job's labeled objects go (§3): the workers' answers consolidated into one output line, recorded in the S3
 * output, and published to the output topic when the job has one. A publish that fails is retried on the next
 * step, unless the topic no longer exists. Confined to the job's thread.
 */
final class JobOutput {

    private static final Logger LOG = LoggerFactory.getLogger(JobOutput.class);

    private final LabelingJobSpec spec;
    private final String jobName;
    private final List<LabelCategory> labels;
    private final OutputArchive archive;
    private final SnsClient sns;
    private final Deque<String> unpublished = new ArrayDeque<>();

    /**
     * @param spec    the job
     * @param jobName its name as created
     * @param labels  its label categories
     * @param archive its S3 output
     * @param sns     the client that publishes to the output topic
     */
    JobOutput(LabelingJobSpec spec, String jobName, List<LabelCategory> labels, OutputArchive archive, SnsClient sns) {
        this.spec = spec;
        this.jobName = jobName;
        this.labels = List.copyOf(labels);
        this.archive = archive;
        this.sns = sns;
    }

    /** Consolidates an object's answers, records the output line in S3 and queues it for the output topic. */
    void labeled(AcceptedObject object, List<WorkerAnswer> answers, Instant when) {
        LocalDateTime created = LocalDateTime.ofInstant(when, ZoneOffset.UTC);
        ObjectNode line = outputLine(object, answers, created);
        archive.labeled(object.index(), answers.stream().map(JobOutput::answerJson).toList(), line, created);
        spec.outputSnsTopicArn().ifPresent(topic -> unpublished.add(Json.write(line)));
    }

    /** Publishes the lines not yet on the output topic, in order, until one fails. */
    void publishPending() {
        while (!unpublished.isEmpty()) {
            String topic = spec.outputSnsTopicArn().orElseThrow();
            try {
                sns.publish(b -> b.topicArn(topic).message(unpublished.peek()));
            } catch (NotFoundException e) {
                LOG.warn("Labeling job {}: the output topic {} no longer exists; a labeled object is not published",
                        jobName, topic);
            } catch (RuntimeException e) {
                LOG.debug("Labeling job {}: publishing to the output topic failed, retrying", jobName, e);
                return;
            }
            unpublished.poll();
        }
    }

    /** Whether labeled objects still wait to be published. */
    boolean hasUnpublished() {
        return !unpublished.isEmpty();
    }

    private ObjectNode outputLine(AcceptedObject object, List<WorkerAnswer> answers, LocalDateTime created) {
        AnswerKind kind = spec.taskType().map(AnswerKind::of).orElse(AnswerKind.CONTENT);
        ConsolidatedLabel label = Consolidator.of(kind).consolidate(answers, labels);
        if (spec.labelAttributeName().endsWith("-ref")) {
            String uri = archive.writeLabelFile(object.index(), label.value());
            label = new ConsolidatedLabel(TextNode.valueOf(uri), label.metadata());
        }
        IncomingObject incoming = object.incoming();
        return OutputLineBuilder.build(incoming.line(), spec.labelAttributeName(), label, spec.taskType(), jobName,
                created, incoming.serviceAssigned() ? Optional.of(incoming.dedupId()) : Optional.empty(),
                incoming.sequencer());
    }

    private static JsonNode answerJson(WorkerAnswer answer) {
        return Json.mapper().valueToTree(answer);
    }
}
