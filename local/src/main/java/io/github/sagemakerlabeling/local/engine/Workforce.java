package io.github.sagemakerlabeling.local.engine;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.local.workers.AnnotationTask;
import io.github.sagemakerlabeling.local.workers.AnswerContent;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.local.workers.Annotator;
import io.github.sagemakerlabeling.local.workers.ImageSize;
import io.github.sagemakerlabeling.local.workers.PeopleJob;
import io.github.sagemakerlabeling.local.workers.SubmittedAnswer;
import io.github.sagemakerlabeling.local.workers.TaskPool;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A job's work team: {@code NumberOfHumanWorkersPerDataObject} workers per object, simulated ({@link Annotator}),
 * people in the worker portal (through the {@link TaskPool}), or people helped by simulated workers after a delay,
 * as the job's {@link io.github.sagemakerlabeling.local.workers.WorkforcePlan} says. Both give
 * {@link SubmittedAnswer}s. A simulated worker who throws, or answers in a shape the task type does not take, is one
 * who let the task expire.
 */
final class Workforce {

    private static final Logger LOG = LoggerFactory.getLogger(Workforce.class);

    private final PeopleJob job;
    private final WorkforceMode mode;
    private final Duration workTime;
    private final Duration simulatedAfter;
    private final Annotator annotator;
    private final TaskPool pool;
    private final S3Client s3;
    private final Map<Integer, List<SubmittedAnswer>> restoredAnswers = new HashMap<>();

    /**
     * @param job      the job as its workers see it
     * @param settings the engine's workers, timings and workforce plan
     * @param pool     where tasks for people wait
     * @param s3       reads the headers of images to label, for their size
     */
    Workforce(PeopleJob job, EngineSettings settings, TaskPool pool, S3Client s3) {
        this.job = job;
        this.mode = settings.workforces().modeOf(job.workteamArn());
        this.workTime = settings.workTime();
        this.simulatedAfter = settings.workforces().simulatedAfter();
        this.annotator = settings.annotator();
        this.pool = pool;
        this.s3 = s3;
        if (mode != WorkforceMode.SIMULATED) {
            pool.addJob(job);
        }
    }

    /** The job as its workers see it, for a job runner that makes one. */
    static PeopleJob describe(LabelingJobSpec spec, String jobName, List<String> labels) {
        String output = spec.s3OutputPath().substring("s3://".length());
        int slash = output.indexOf('/');
        return new PeopleJob(jobName, spec.workteamArn(), spec.taskTitle(), spec.taskDescription(), spec.taskType(),
                labels, spec.uiTemplateS3Uri(), spec.humanTaskUiArn(),
                Duration.ofSeconds(spec.taskTimeLimitInSeconds()), spec.numberOfHumanWorkersPerDataObject(),
                slash < 0 ? output : output.substring(0, slash));
    }

    /** Whether objects go to people first. */
    boolean toPeople() {
        return mode != WorkforceMode.SIMULATED;
    }

    /** In {@link WorkforceMode#BOTH}, when simulated workers complete an object people did not finish. */
    Optional<Instant> simulatedHelpAt(Instant sent) {
        return mode == WorkforceMode.BOTH ? Optional.of(sent.plus(simulatedAfter)) : Optional.empty();
    }

    /** Opens the object to people until {@code deadline}, with the answers people gave it before a restart. */
    TaskPool.OpenObject openForPeople(AcceptedObject object, Instant deadline) {
        TaskPool.OpenObject open = pool.open(job.jobName(), task(object, 0), deadline);
        List<SubmittedAnswer> before = restoredAnswers.remove(object.index());
        if (before != null) {
            pool.restore(open, before);
        }
        return open;
    }

    /** The answers people gave to objects not finished when the stack stopped, by object index. */
    void restoreAnswers(Map<Integer, List<SubmittedAnswer>> answers) {
        restoredAnswers.putAll(answers);
    }

    /** No more tasks of the object for people. */
    void close(TaskPool.OpenObject object) {
        pool.close(object);
    }

    /** The job ended: its tasks leave the pool. */
    void end() {
        if (toPeople()) {
            pool.removeJob(job.jobName());
        }
    }

    /**
     * The answers of simulated workers {@code firstWorker} to the last, taking the task at {@code sent} and
     * submitting it the engine's work time later; empty for a worker who does not answer.
     */
    List<Optional<SubmittedAnswer>> simulatedAnswers(AcceptedObject object, Instant sent, int firstWorker) {
        AnnotationTask first = task(object, firstWorker);
        List<Optional<SubmittedAnswer>> answers = new ArrayList<>();
        for (int worker = firstWorker; worker < job.workersPerObject(); worker++) {
            AnnotationTask task = new AnnotationTask(first.jobName(), first.taskType(), first.labels(),
                    first.dataObject(), first.datasetObjectId(), worker, first.workerCount(), first.imageSize());
            int workerNumber = worker + 1;
            answers.add(answer(task).map(answer -> new SubmittedAnswer("simulated-worker-" + workerNumber, sent,
                    sent.plus(workTime), AnswerContent.write(answer, job.taskType()), answer)));
        }
        return answers;
    }

    private AnnotationTask task(AcceptedObject object, int worker) {
        DataObject data = object.incoming().object();
        Optional<ImageSize> size = job.answerKind() == AnswerKind.BOXES
                ? data.sourceRef().flatMap(this::imageSize) : Optional.empty();
        return new AnnotationTask(job.jobName(), job.taskType(), job.labels(), data, String.valueOf(object.index()),
                worker, job.workersPerObject(), size);
    }

    /** The size in the image's header; empty when the object cannot be read or is no PNG or JPEG. */
    private Optional<ImageSize> imageSize(String s3Uri) {
        try {
            String path = s3Uri.substring("s3://".length());
            int slash = path.indexOf('/');
            byte[] header = s3.getObjectAsBytes(b -> b.bucket(path.substring(0, slash)).key(path.substring(slash + 1))
                    .range("bytes=0-" + (ImageSize.HEADER_BYTES - 1))).asByteArray();
            return ImageSize.read(header);
        } catch (RuntimeException e) {
            LOG.info("Labeling job {}: the size of image {} could not be read: {}", job.jobName(), s3Uri, e.toString());
            return Optional.empty();
        }
    }

    private Optional<WorkerAnswer> answer(AnnotationTask task) {
        try {
            Optional<WorkerAnswer> answer = annotator.annotate(task);
            if (answer.isPresent() && !fits(answer.get(), task.answerKind())) {
                LOG.warn("Labeling job {}: worker answer {} does not fit a {} task; ignored", job.jobName(),
                        answer.get(), task.answerKind());
                return Optional.empty();
            }
            return answer;
        } catch (RuntimeException e) {
            LOG.info("Labeling job {}: worker {} could not label {}: {}", job.jobName(), task.workerIndex() + 1,
                    task.subject(), e.toString());
            return Optional.empty();
        }
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
}
