package io.github.sagemakerlabeling.examples.quickstart;

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

    @Override
    void close();

    /** The prefix of the component's properties. */
    String COMPONENT = "camel.component.sagemaker-labeling.";
}
