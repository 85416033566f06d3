package io.github.sagemakerlabeling.local.workers;

import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What people need to know of a job whose tasks wait in the {@link TaskPool}: its title and description as the
 * worker portal lists them, and how its tasks look (its UI template or built-in task UI) and are timed.
 *
 * @param jobName          the job's name
 * @param workteamArn      its work team
 * @param title            {@code TaskTitle}
 * @param description      {@code TaskDescription}
 * @param taskType         the built-in task type, empty for custom jobs
 * @param labels           the label categories' names
 * @param uiTemplateS3Uri  {@code UiTemplateS3Uri}, when the job has one
 * @param humanTaskUiArn   {@code HumanTaskUiArn}, when the job has one
 * @param taskTimeLimit    {@code TaskTimeLimitInSeconds}: a task held longer goes back to the pool
 * @param workersPerObject {@code NumberOfHumanWorkersPerDataObject}
 * @param outputBucket     the bucket of the job's output, which the portal may serve besides its objects' own
 */
public record PeopleJob(String jobName, String workteamArn, String title, String description,
                        Optional<TaskType> taskType, List<String> labels, Optional<String> uiTemplateS3Uri,
                        Optional<String> humanTaskUiArn, Duration taskTimeLimit, int workersPerObject,
                        String outputBucket) {

    public PeopleJob {
        labels = List.copyOf(labels);
    }

    /** The kind of answer the job's tasks take. */
    public AnswerKind answerKind() {
        return taskType.map(AnswerKind::of).orElse(AnswerKind.CONTENT);
    }
}
