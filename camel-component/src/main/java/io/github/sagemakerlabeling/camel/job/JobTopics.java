package io.github.sagemakerlabeling.camel.job;

import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * Turns a topic option (a name or an ARN) into the topic's ARN: an ARN is used as it is; a name is created when
 * topics may be created ({@code autoCreateTopics}; creating an existing topic returns it), else looked up among the
 * account's topics in the client's region.
 */
public final class JobTopics {

    /** SNS's rule for standard topic names. */
    static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final SnsClient sns;
    private final boolean create;

    /**
     * @param sns    the client of the job's region
     * @param create whether a topic given by a name that does not exist yet is created
     */
    public JobTopics(SnsClient sns, boolean create) {
        this.sns = sns;
        this.create = create;
    }

    /** Whether an option value is an ARN rather than a topic name. */
    static boolean isArn(String nameOrArn) {
        return nameOrArn.startsWith("arn:");
    }

    /**
     * The ARN of the topic an option names.
     *
     * @param option    the option's name, for messages, for example {@code inputTopic}
     * @param nameOrArn its value
     * @throws IllegalStateException when a topic name is not found and topics are not created
     */
    public String arn(String option, String nameOrArn) {
        if (isArn(nameOrArn)) {
            return nameOrArn;
        }
        if (create) {
            return sns.createTopic(b -> b.name(nameOrArn)).topicArn();
        }
        return sns.listTopicsPaginator().topics().stream().map(Topic::topicArn)
                .filter(arn -> arn.endsWith(":" + nameOrArn)).findFirst()
                .orElseThrow(() -> new IllegalStateException(option + " '" + nameOrArn + "' is not a topic of this"
                        + " account and region: give its ARN, create it first, or set autoCreateTopics=true"));
    }
}
