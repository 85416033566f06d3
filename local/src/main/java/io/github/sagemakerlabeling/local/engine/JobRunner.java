package io.github.sagemakerlabeling.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.consolidation.ConsolidatedLabel;
import io.github.sagemakerlabeling.local.consolidation.Consolidator;
import io.github.sagemakerlabeling.local.consolidation.OutputLineBuilder;
import io.github.sagemakerlabeling.local.sagemaker.LocalLabelingJob;
import io.github.sagemakerlabeling.local.time.SimulationClock;
import io.github.sagemakerlabeling.local.workers.AnnotationTask;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Runs one streaming labeling job as Ground Truth does: its own {@code GroundTruth-<job>} queue subscribed to the
 * input topic, deduplication, a backlog gated by {@code MaxConcurrentTaskCount}, workers, consolidation, output to
 * the SNS output topic and to S3, task and backlog expiry, the idle stop and the stop on request. One thread per job
 * runs {@link #run()}; everything else of the runner is confined to that thread.
 */
final class JobRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final LocalLabelingJob job;
    private final LabelingJobSpec spec;
    private final EngineSettings settings;
    private final SimulationClock clock;
    private final AwsClients aws;
    private final InputMessageReader reader = new InputMessageReader();
    private final Set<String> seenIds = new HashSet<>();
    private final Deque<Waiting> backlog = new ArrayDeque<>();
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>(Comparator.comparing(InFlight::dueAt));
    private final Deque<String> unpublished = new ArrayDeque<>();
    private final Optional<TaskType> taskType;
    private final int workersPerObject;
    private final int maxConcurrentObjects;
    private final Duration taskLifetime;
    private final Instant readyAt;

    private volatile boolean closed;
    private OutputArchive archive;
    private List<String> labels = List.of();
    private String queueUrl;
    private String subscriptionArn;
    private Instant lastActivity;
    private int objectIndex;

    JobRunner(LocalLabelingJob job, EngineSettings settings, SimulationClock clock, AwsClients aws) {
        this.job = job;
        this.spec = job.spec();
        this.settings = settings;
        this.clock = clock;
        this.aws = aws;
        this.taskType = spec.taskType();
        this.workersPerObject = spec.numberOfHumanWorkersPerDataObject();
        var described = job.describe().humanTaskConfig();
        this.maxConcurrentObjects = described.maxConcurrentTaskCount();
        this.taskLifetime = Duration.ofSeconds(described.taskAvailabilityLifetimeInSeconds());
        this.readyAt = job.creationTime().plus(settings.initializingDelay());
        this.lastActivity = readyAt;
    }

    /**
     * What the service does while creating the job: its queue, the subscription to the input topic, and checks that
     * the label categories and the output location can be used. A failure fails the job with the reason.
     */
    void setUp() {
        try {
            String queueName = "GroundTruth-" + job.name().toLowerCase(Locale.ROOT);
            queueUrl = aws.sqs().createQueue(b -> b.queueName(queueName)).queueUrl();
            String queueArn = aws.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            subscriptionArn = aws.sns().subscribe(b -> b.topicArn(spec.inputSnsTopicArn()).protocol("sqs")
                    .endpoint(queueArn).returnSubscriptionArn(true)).subscriptionArn();
            labels = readLabels();
            archive = new OutputArchive(aws.s3(), spec.s3OutputPath(), job.name());
            archive.checkWritable();
        } catch (RuntimeException e) {
            LOG.warn("Labeling job {} failed to start", job.name(), e);
            job.fail("Unable to set up the labeling job: " + e.getMessage());
        }
    }

    /** Asks the loop to end; it does within one poll. */
    void close() {
        closed = true;
    }

    /** Writes what was labeled since the last flush to S3. */
    void flushOutput() {
        if (archive != null && !job.isFinal()) {
            archive.flush(false, utc(clock.instant()));
        }
    }

    @Override
    public void run() {
        while (!closed && !job.isFinal()) {
            try {
                switch (job.status()) {
                    case INITIALIZING -> becomeReadyWhenDue();
                    case IN_PROGRESS -> step();
                    case STOPPING -> finishStop();
                    default -> closed = true;
                }
            } catch (RuntimeException e) {
                LOG.error("Labeling job {}: the engine step failed", job.name(), e);
                pause(Duration.ofMillis(100));
            }
        }
    }

    private void becomeReadyWhenDue() {
        Duration remaining = Duration.between(clock.instant(), readyAt);
        if (!remaining.isNegative() && !remaining.isZero()) {
            pauseSimulated(remaining);
            return;
        }
        if (job.transition(LabelingJobStatus.INITIALIZING, LabelingJobStatus.IN_PROGRESS)) {
            lastActivity = clock.instant();
            spec.manifestS3Uri().ifPresent(this::acceptManifest);
        }
    }

    private void step() {
        boolean busy = !backlog.isEmpty() || !inFlight.isEmpty() || !unpublished.isEmpty();
        receive(busy ? 0 : 1);
        Instant now = clock.instant();
        expireBacklog(now);
        dispatch(now);
        completeDue(now);
        publishPending();
        stopWhenIdle(now);
        if (!inFlight.isEmpty() && inFlight.peek().dueAt().isAfter(now)) {
            pauseSimulated(Duration.between(now, inFlight.peek().dueAt()));
        }
    }

    private void receive(int waitSeconds) {
        List<Message> messages;
        try {
            messages = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(waitSeconds)).messages();
        } catch (QueueDoesNotExistException e) {
            job.fail("Unable to access the input queue " + queueUrl + ": it was deleted");
            return;
        } catch (RuntimeException e) {
            LOG.debug("Labeling job {}: receive failed, retrying", job.name(), e);
            pause(Duration.ofMillis(20));
            return;
        }
        if (messages.isEmpty()) {
            return;
        }
        lastActivity = clock.instant();
        for (Message message : messages) {
            accept(message);
        }
        List<DeleteMessageBatchRequestEntry> receipts = messages.stream()
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList();
        aws.sqs().deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(receipts));
    }

    private void accept(Message message) {
        try {
            reader.read(message.body(), message.messageId()).forEach(this::acceptObject);
        } catch (InputMessageReader.InvalidInputException e) {
            LOG.info("Labeling job {}: message {} cannot be labeled: {}", job.name(), message.messageId(), e.getMessage());
            job.invalidMessage();
        }
    }

    private void acceptObject(IncomingObject object) {
        if (seenIds.add(object.dedupId())) {
            job.objectAccepted();
            backlog.add(new Waiting(object, clock.instant(), objectIndex++));
        }
    }

    private void acceptManifest(String manifestUri) {
        String path = manifestUri.substring(manifestUri.indexOf("://") + 3);
        int slash = path.indexOf('/');
        String manifest;
        try {
            manifest = aws.s3().getObjectAsBytes(b -> b.bucket(path.substring(0, slash)).key(path.substring(slash + 1)))
                    .asUtf8String();
        } catch (RuntimeException e) {
            job.fail("Unable to read the input manifest " + manifestUri + ": " + e.getMessage());
            return;
        }
        String[] lines = manifest.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode line = Json.read(lines[i]);
                if (!line.isObject()) {
                    throw new InputMessageReader.InvalidInputException("not a JSON object");
                }
                acceptObject(reader.manifestLine((ObjectNode) line, manifestUri + "#" + (i + 1)));
            } catch (Exception e) {
                LOG.info("Labeling job {}: manifest line {} cannot be labeled: {}", job.name(), i + 1, e.getMessage());
                job.invalidMessage();
            }
        }
    }

    private void expireBacklog(Instant now) {
        while (!backlog.isEmpty() && !backlog.peek().acceptedAt().plus(settings.backlogExpiry()).isAfter(now)) {
            backlog.poll();
            job.objectFailed();
        }
    }

    private void dispatch(Instant now) {
        while (!backlog.isEmpty() && inFlight.size() < maxConcurrentObjects) {
            Waiting waiting = backlog.poll();
            List<WorkerAnswer> answers = new ArrayList<>();
            Duration workTime = settings.workTime();
            boolean expires = workTime.compareTo(taskLifetime) > 0;
            if (!expires) {
                for (int worker = 0; worker < workersPerObject; worker++) {
                    answer(waiting, worker).ifPresent(answers::add);
                }
            }
            inFlight.add(new InFlight(waiting, answers, now.plus(expires ? taskLifetime : workTime)));
        }
    }

    private Optional<WorkerAnswer> answer(Waiting waiting, int worker) {
        AnnotationTask task = new AnnotationTask(job.name(), taskType, labels, waiting.object().object(),
                waiting.object().dedupId(), worker, workersPerObject);
        try {
            Optional<WorkerAnswer> answer = settings.annotator().annotate(task);
            if (answer.isPresent() && !fits(answer.get(), task.answerKind())) {
                LOG.warn("Labeling job {}: worker answer {} does not fit a {} task; ignored", job.name(),
                        answer.get(), task.answerKind());
                return Optional.empty();
            }
            return answer;
        } catch (RuntimeException e) {
            LOG.info("Labeling job {}: worker {} could not label {}: {}", job.name(), worker + 1, task.subject(), e.toString());
            return Optional.empty();
        }
    }

    private void completeDue(Instant now) {
        while (!inFlight.isEmpty() && !inFlight.peek().dueAt().isAfter(now)) {
            InFlight done = inFlight.poll();
            lastActivity = now;
            if (done.answers().isEmpty()) {
                job.objectFailed();
                continue;
            }
            ObjectNode line = outputLine(done, now);
            archive.labeled(done.waiting().index(), done.waiting().object().dedupId(),
                    done.answers().stream().map(JobRunner::answerJson).toList(), line, utc(now));
            spec.outputSnsTopicArn().ifPresent(topic -> unpublished.add(Json.write(line)));
            job.objectLabeled();
        }
    }

    private ObjectNode outputLine(InFlight done, Instant now) {
        AnswerKind kind = taskType.map(AnswerKind::of).orElse(AnswerKind.CONTENT);
        ConsolidatedLabel label = Consolidator.of(kind).consolidate(done.answers(), labels);
        if (spec.labelAttributeName().endsWith("-ref")) {
            String uri = archive.writeLabelFile(done.waiting().index(), label.value());
            label = new ConsolidatedLabel(TextNode.valueOf(uri), label.metadata());
        }
        IncomingObject object = done.waiting().object();
        return OutputLineBuilder.build(object.line(), spec.labelAttributeName(), label, taskType, job.name(), utc(now),
                object.serviceAssigned() ? Optional.of(object.dedupId()) : Optional.empty(), object.sequencer());
    }

    private void publishPending() {
        while (!unpublished.isEmpty()) {
            String line = unpublished.peek();
            try {
                aws.sns().publish(b -> b.topicArn(spec.outputSnsTopicArn().orElseThrow()).message(line));
                unpublished.poll();
            } catch (RuntimeException e) {
                LOG.debug("Labeling job {}: publishing to the output topic failed, retrying", job.name(), e);
                return;
            }
        }
    }

    private void stopWhenIdle(Instant now) {
        boolean idle = backlog.isEmpty() && inFlight.isEmpty() && unpublished.isEmpty();
        if (idle && !lastActivity.plus(settings.idleStopAfter()).isAfter(now)
                && job.transition(LabelingJobStatus.IN_PROGRESS, LabelingJobStatus.STOPPING)) {
            LOG.info("Labeling job {} was idle for {} and stops", job.name(), settings.idleStopAfter());
        }
    }

    /** Unsubscribes the queue from the input topic (the queue stays, as Ground Truth leaves it) and writes the output. */
    private void finishStop() {
        publishPending();
        try {
            if (subscriptionArn != null) {
                aws.sns().unsubscribe(b -> b.subscriptionArn(subscriptionArn));
            }
        } catch (RuntimeException e) {
            LOG.warn("Labeling job {}: unsubscribing the input topic failed", job.name(), e);
        }
        if (archive != null) {
            String output = archive.flush(true, utc(clock.instant()));
            job.outputWritten(output);
        }
        job.transition(LabelingJobStatus.STOPPING, LabelingJobStatus.STOPPED);
    }

    private List<String> readLabels() {
        Optional<String> uri = spec.labelCategoryConfigS3Uri();
        if (uri.isEmpty()) {
            return List.of();
        }
        String path = uri.get().substring(uri.get().indexOf("://") + 3);
        int slash = path.indexOf('/');
        String json = aws.s3().getObjectAsBytes(b -> b.bucket(path.substring(0, slash)).key(path.substring(slash + 1)))
                .asUtf8String();
        return LabelCategoryConfig.fromJson(json).labelNames();
    }

    private static boolean fits(WorkerAnswer answer, AnswerKind kind) {
        return switch (kind) {
            case CLASS -> answer instanceof WorkerAnswer.ClassChoice;
            case CLASSES -> answer instanceof WorkerAnswer.ClassChoices;
            case BOXES -> answer instanceof WorkerAnswer.Boxes;
            case SPANS -> answer instanceof WorkerAnswer.Spans;
            case CONTENT -> answer instanceof WorkerAnswer.Content;
        };
    }

    private static JsonNode answerJson(WorkerAnswer answer) {
        return Json.mapper().valueToTree(answer);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void pauseSimulated(Duration simulated) {
        pause(clock.realDuration(simulated));
    }

    private static void pause(Duration real) {
        LockSupport.parkNanos(Math.min(real.toNanos(), MAX_PAUSE_NANOS));
    }

    private record Waiting(IncomingObject object, Instant acceptedAt, int index) {
    }

    private record InFlight(Waiting waiting, List<WorkerAnswer> answers, Instant dueAt) {
    }
}
