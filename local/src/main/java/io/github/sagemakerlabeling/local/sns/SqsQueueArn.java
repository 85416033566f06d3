package io.github.sagemakerlabeling.local.sns;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARN of an SQS queue, the endpoint of an {@code sqs} subscription.
 *
 * @param arn the whole ARN
 * @param accountId the queue owner's account id
 * @param queueName the queue name
 */
record SqsQueueArn(String arn, String accountId, String queueName) {

    private static final Pattern ARN =
            Pattern.compile("arn:aws[a-z-]*:sqs:[a-z0-9-]+:(\\d{12}):([A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo)");

    /**
     * Parses a queue ARN.
     *
     * @throws SnsException {@code InvalidParameter} if it is not one
     */
    static SqsQueueArn parse(String arn) {
        Matcher matcher = ARN.matcher(arn);
        if (!matcher.matches()) {
            throw SnsException.invalidParameter("SQS endpoint ARN");
        }
        return new SqsQueueArn(arn, matcher.group(1), matcher.group(2));
    }

    boolean fifo() {
        return queueName.endsWith(".fifo");
    }
}
