package io.github.sagemakerlabeling.camel.job;

import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The worker task templates this component ships, one per built-in task type that needs a {@code UiTemplateS3Uri}
 * (the types with an AWS-hosted worker UI use their {@code HumanTaskUiArn} instead). They are plain crowd-html
 * templates with the task type's element and the label categories of the job; a job that needs more gives its own
 * with the {@code uiTemplate} option.
 */
public final class DefaultUiTemplates {

    private static final String FOLDER = "/io/github/sagemakerlabeling/camel/job/templates/";

    private DefaultUiTemplates() {
    }

    /** The classpath resource of the default template of a task type (whether or not it exists). */
    public static String resource(TaskType taskType) {
        return FOLDER + taskType.catalogName() + ".liquid.html";
    }

    /**
     * The default template of a task type; empty for the types that need none (their worker UI is AWS-hosted) and
     * for the review types (adjustment, verification), whose templates depend on the reviewed job.
     */
    static Optional<JobArtifact> forType(TaskType taskType) {
        try (InputStream in = DefaultUiTemplates.class.getResourceAsStream(resource(taskType))) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new JobArtifact("ui-template-" + taskType.catalogName(), ".liquid.html", "text/html",
                    in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource(taskType), e);
        }
    }
}
