package io.github.sagemakerlabeling.local.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.local.sagemaker.LocalLabelingJob;
import io.github.sagemakerlabeling.local.time.SimulationClock;
import io.github.sagemakerlabeling.local.workers.LabeledResults;
import io.github.sagemakerlabeling.local.workers.TaskPool;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Runs one labeling job as Ground Truth does (§1): a streaming job's queue subscribed to the input topic from
 * creation, the checks and the input manifest at the end of {@code Initializing}, then deduplication, the
 * {@link TaskBoard}, the {@link Workforce} and the {@link JobOutput}; the idle stop, the stop on request and failure.
 * One thread per job runs {@link #run()}; everything but {@link #flushOutput()} and {@link #close()} is confined to
 * it. A one-time job (an input manifest and no SNS topic, {@link OneTimeInput}) runs the same way and ends
 * {@code Completed} once every object of its manifest was labeled or failed.
 *
 * <p>Status changes, new messages and people's answers are noticed within a second: an idle job (or one whose objects
 * are all with people) long-polls its queue for one second, a busy one checks every 50 ms.
 */
final class JobRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final int IDLE_WAIT_SECONDS = 1;
    private static final long BUSY_PAUSE_MILLIS = 50;

    private final LocalLabelingJob job;
    private final LabelingJobSpec spec;
    private final EngineSettings settings;
    private final SimulationClock clock;
    private final AwsClients aws;
    private final InputSource input;
    private final TaskPool people;
    private final LabeledResults results;
    private final InputMessageReader reader = new InputMessageReader();
    private final Set<String> seenIds = new HashSet<>();
    private final TaskBoard board;
    private final Instant readyAt;
    private final JobJournal journal;
    private JobJournal.Recovered recovered;

    private volatile boolean closed;
    private volatile OutputArchive archive;
    private JobFailure setupFailure;
    private JobOutput output;
    private Workforce workforce;
    private Instant lastActivity;
    private int objectIndex;

    JobRunner(LocalLabelingJob job, EngineSettings settings, SimulationClock clock, AwsClients aws, TaskPool people,
              LabeledResults results, JobJournal journal) {
        this.journal = journal;
        this.people = people;
        this.results = results;
        this.job = job;
        this.spec = job.spec();
        this.settings = settings;
        this.clock = clock;
        this.aws = aws;
        this.input = spec.inputSnsTopicArn() != null ? new JobQueue(aws, job.name(), spec.inputSnsTopicArn())
                : new OneTimeInput();
        var described = job.describe().humanTaskConfig();
        this.board = new TaskBoard(described.maxConcurrentTaskCount(), settings.workTime(),
                Duration.ofSeconds(described.taskAvailabilityLifetimeInSeconds()), settings.backlogExpiry());
        this.readyAt = job.creationTime().plus(settings.initializingDelay());
        this.lastActivity = readyAt;
    }

    /**
     * What the service does the moment the job is created: opens its input (a streaming job's queue subscribed to the
     * input topic), so objects published while the job initializes wait there. A failure fails the job once it has
     * initialized.
     */
    void setUp() {
        try {
            input.open();
        } catch (JobFailure e) {
            setupFailure = e;
        } catch (RuntimeException e) {
            setupFailure = JobFailure.of("set up the job's queue", e);
        }
    }

    /**
     * Takes back what the job had before the stack restarted (see {@link JobJournal}): the ids it saw, the objects it
     * had not finished, back in its backlog with the answers people gave them, and its output. Called before
     * {@link #run()}.
     */
    void resume(JobJournal.Recovered state) {
        recovered = state;
        seenIds.addAll(state.dedupIds());
        objectIndex = state.nextIndex();
        state.unfinished().forEach(board::add);
        lastActivity = later(lastActivity, state.lastActivity());
    }

    /** Asks the loop to end; it does within a second. */
    void close() {
        closed = true;
    }

    /** Writes what was labeled since the last flush to S3; called by a timer. */
    void flushOutput() {
        OutputArchive current = archive;
        if (current != null && !job.isFinal()) {
            current.flush(false, utc(clock.instant()));
        }
    }

    @Override
    public void run() {
        while (!closed && !job.isFinal()) {
            try {
                switch (job.status()) {
                    case INITIALIZING -> startWhenDue();
                    case IN_PROGRESS -> step();
                    case STOPPING -> stop();
                    default -> closed = true;
                }
            } catch (JobFailure e) {
                fail(e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Labeling job {}: the engine step failed", job.name(), e);
                pause(Duration.ofMillis(BUSY_PAUSE_MILLIS));
            }
        }
    }

    private void startWhenDue() {
        Duration remaining = Duration.between(clock.instant(), readyAt);
        if (!remaining.isNegative() && !remaining.isZero()) {
            pause(clock.realDuration(remaining));
            return;
        }
        if (setupFailure != null) {
            throw setupFailure;
        }
        JobStart start = JobStart.prepare(spec, job.name(), aws, reader);
        prepare(start);
        if (job.transition(LabelingJobStatus.INITIALIZING, LabelingJobStatus.IN_PROGRESS)) {
            lastActivity = clock.instant();
            start.manifest().ifPresent(manifest -> {
                manifest.objects().forEach(object -> accept(input.isStreaming() ? object : object.withoutServiceId()));
                for (int i = 0; i < manifest.invalidLines(); i++) {
                    job.invalidMessage();
                }
            });
        }
    }

    /** Sets up the job's output and workers from what it read at its start. */
    private void prepare(JobStart start) {
        archive = start.archive();
        output = new JobOutput(spec, job.name(), start.labels(), start.archive(), aws.sns(), results,
                indexes -> journal.published(job.name(), indexes));
        workforce = new Workforce(Workforce.describe(spec, job.name(), start.labels().stream()
                .map(LabelCategory::label).toList()), settings, people, aws.s3());
        if (recovered != null) {
            archive.restore(recovered.outputLines());
            output.restore(recovered.unpublished());
            workforce.restoreAnswers(recovered.peopleAnswers());
            recovered = null;
        }
    }

    /** A job that was running before the stack restarted reads its labels again and sets up its output. */
    private void prepareResumed() {
        if (output == null) {
            if (setupFailure != null) {
                throw setupFailure;
            }
            prepare(JobStart.resume(spec, job.name(), aws));
        }
    }

    private void step() {
        prepareResumed();
        boolean busy = board.busy() || output.hasUnpublished();
        receive(busy ? 0 : IDLE_WAIT_SECONDS);
        Instant now = clock.instant();
        advanceTo(now);
        output.publishPending();
        completeWhenDone(now);
        stopWhenIdle(now);
        if (!board.isEmpty() || output.hasUnpublished()) {
            Duration untilNext = board.nextFinish().map(at -> clock.realDuration(Duration.between(now, at)))
                    .orElse(Duration.ofMillis(BUSY_PAUSE_MILLIS));
            pause(untilNext);
        }
    }

    private void receive(int waitSeconds) {
        List<Message> messages;
        try {
            messages = input.receive(waitSeconds);
        } catch (JobFailure e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("Labeling job {}: receive failed, retrying", job.name(), e);
            return;
        }
        if (messages.isEmpty()) {
            return;
        }
        lastActivity = clock.instant();
        messages.forEach(this::accept);
        input.delete(messages);
    }

    private void accept(Message message) {
        try {
            reader.read(message.body(), message.messageId()).forEach(this::accept);
        } catch (InputMessageReader.InvalidInputException e) {
            LOG.info("Labeling job {}: message {} cannot be labeled: {}", job.name(), message.messageId(),
                    e.getMessage());
            journal.invalid(job.name());
            job.invalidMessage();
        } catch (RuntimeException e) {
            LOG.warn("Labeling job {}: message {} could not be read", job.name(), message.messageId(), e);
            journal.invalid(job.name());
            job.invalidMessage();
        }
    }

    private void accept(IncomingObject object) {
        if (seenIds.add(object.dedupId())) {
            AcceptedObject accepted = new AcceptedObject(object, clock.instant(), objectIndex++);
            journal.accepted(job.name(), accepted);
            job.objectAccepted();
            board.add(accepted);
        }
    }

    /** Finishes and expires what is due by {@code time}, and sends waiting objects to the workers it frees. */
    private void advanceTo(Instant time) {
        TaskBoard.Progress progress = board.advanceTo(time, workforce);
        for (AcceptedObject expired : progress.expired()) {
            journal.failed(job.name(), expired.index(), board.expiry(expired));
            job.objectFailed();
            lastActivity = later(lastActivity, board.expiry(expired));
        }
        for (TaskBoard.Finished finished : progress.finished()) {
            if (finished.answers().isEmpty()) {
                journal.failed(job.name(), finished.object().index(), finished.at());
                job.objectFailed();
            } else {
                ObjectNode line = output.labeled(finished.object(), finished.answers(), finished.at());
                journal.labeled(job.name(), finished.object().index(), finished.at(), line,
                        spec.outputSnsTopicArn().isPresent());
                job.objectLabeled();
            }
            lastActivity = later(lastActivity, finished.at());
        }
    }

    /** Ends a one-time job as {@code Completed} once every object of its manifest is labeled (or failed) and output. */
    private void completeWhenDone(Instant now) {
        if (input.isStreaming() || !board.isEmpty() || output.hasUnpublished()) {
            return;
        }
        // The final output is in S3 before the job shows Completed, as it is before a stopped job shows Stopped.
        job.outputWritten(archive.flush(true, utc(now)));
        if (job.transition(LabelingJobStatus.IN_PROGRESS, LabelingJobStatus.COMPLETED)) {
            LOG.info("Labeling job {} labeled its manifest and completed", job.name());
        }
    }

    private void stopWhenIdle(Instant now) {
        boolean idle = board.isEmpty() && !output.hasUnpublished();
        if (idle && !lastActivity.plus(settings.idleStopAfter()).isAfter(now)
                && job.transition(LabelingJobStatus.IN_PROGRESS, LabelingJobStatus.STOPPING)) {
            LOG.info("Labeling job {} was idle for {} and stops", job.name(), settings.idleStopAfter());
        }
    }

    /**
     * Ends a stopping job (§1.4): what workers finished by now is output, objects not labeled go back to the job's
     * queue as they came, the queue is unsubscribed from the input topic (and kept), and the final output manifest
     * is written.
     */
    private void stop() {
        prepareResumed();
        Instant now = clock.instant();
        advanceTo(now);
        Set<String> unlabeled = new LinkedHashSet<>();
        board.withdrawAll(workforce).forEach(object -> unlabeled.add(object.incoming().message()));
        try {
            input.putBack(unlabeled);
        } catch (RuntimeException e) {
            LOG.warn("Labeling job {}: {} unlabeled objects could not be put back on its queue", job.name(),
                    unlabeled.size(), e);
        }
        output.publishPending();
        unsubscribe();
        workforce.end();
        job.outputWritten(archive.flush(true, utc(now)));
        job.transition(LabelingJobStatus.STOPPING, LabelingJobStatus.STOPPED);
    }

    /** Ends the job as {@code Failed}: it no longer listens to its input topic, and what it labeled is in S3. */
    private void fail(String reason) {
        LOG.warn("Labeling job {} failed: {}", job.name(), reason);
        unsubscribe();
        if (workforce != null) {
            workforce.end();
        }
        OutputArchive current = archive;
        if (current != null) {
            try {
                current.flush(false, utc(clock.instant()));
            } catch (RuntimeException e) {
                LOG.warn("Labeling job {}: writing its output failed", job.name(), e);
            }
        }
        job.fail(reason);
    }

    private void unsubscribe() {
        try {
            input.close();
        } catch (RuntimeException e) {
            LOG.warn("Labeling job {}: unsubscribing its queue from the input topic failed", job.name(), e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void pause(Duration real) {
        LockSupport.parkNanos(Math.min(real.toNanos(), TimeUnit.MILLISECONDS.toNanos(BUSY_PAUSE_MILLIS)));
    }
}
