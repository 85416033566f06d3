package io.github.sagemakerlabeling.local.engine;

import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.workers.AnnotationTask;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.local.workers.Annotator;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's simulated work team: {@code NumberOfHumanWorkersPerDataObject} workers, each asked once per object. A
 * worker who throws, or answers in a shape the task type does not take, is one who let the task expire.
 */
final class Workforce {

    private static final Logger LOG = LoggerFactory.getLogger(Workforce.class);

    private final String jobName;
    private final Optional<TaskType> taskType;
    private final List<String> labels;
    private final int workers;
    private final Annotator annotator;

    /**
     * @param jobName   the job's name
     * @param taskType  the built-in task type, empty for custom jobs
     * @param labels    the label categories' names, in the configuration's order
     * @param workers   {@code NumberOfHumanWorkersPerDataObject}
     * @param annotator the simulated workers
     */
    Workforce(String jobName, Optional<TaskType> taskType, List<String> labels, int workers, Annotator annotator) {
        this.jobName = jobName;
        this.taskType = taskType;
        this.labels = List.copyOf(labels);
        this.workers = workers;
        this.annotator = annotator;
    }

    /** Every worker's answer to the object, first worker first; empty for a worker who does not answer. */
    List<Optional<WorkerAnswer>> answers(AcceptedObject object) {
        List<Optional<WorkerAnswer>> answers = new ArrayList<>(workers);
        for (int worker = 0; worker < workers; worker++) {
            answers.add(answer(new AnnotationTask(jobName, taskType, labels, object.incoming().object(),
                    String.valueOf(object.index()), worker, workers)));
        }
        return answers;
    }

    private Optional<WorkerAnswer> answer(AnnotationTask task) {
        try {
            Optional<WorkerAnswer> answer = annotator.annotate(task);
            if (answer.isPresent() && !fits(answer.get(), task.answerKind())) {
                LOG.warn("Labeling job {}: worker answer {} does not fit a {} task; ignored", jobName, answer.get(),
                        task.answerKind());
                return Optional.empty();
            }
            return answer;
        } catch (RuntimeException e) {
            LOG.info("Labeling job {}: worker {} could not label {}: {}", jobName, task.workerIndex() + 1,
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
