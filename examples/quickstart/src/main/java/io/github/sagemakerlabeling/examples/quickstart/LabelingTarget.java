package io.github.sagemakerlabeling.examples.quickstart;

import java.util.List;
import java.util.Properties;

/** Where the labeling job runs: the component properties that point the app at it, and what to stop at the end. */
interface LabelingTarget extends AutoCloseable {

    /**
     * AWS when a work team is configured (real people need one), else Local Ground Truth started in this process.
     *
     * @throws IllegalArgumentException naming each AWS setting that is missing
     */
    static LabelingTarget choose(QuickstartSettings settings) {
        return settings.awsWorkteamArn().isPresent() ? AwsTarget.of(settings) : LocalTarget.start(settings);
    }

    /** {@code camel.component.sagemaker-labeling.*} properties for this target. */
    Properties componentProperties();

    /** One line for the console: what runs the job. */
    String description();

    /** What a person must do for the job to finish, printed before the progress; empty when nobody has to act. */
    default List<String> instructions() {
        return List.of();
    }

    @Override
    void close();

    /** The prefix of the component's properties. */
    String COMPONENT = "camel.component.sagemaker-labeling.";
}
