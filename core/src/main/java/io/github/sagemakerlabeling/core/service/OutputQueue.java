package io.github.sagemakerlabeling.core.service;

import java.util.Optional;

/**
 * The SQS queue a job's labeled output arrives on.
 *
 * @param queueUrl        the queue URL
 * @param queueArn        the queue ARN
 * @param subscriptionArn the subscription of the queue to the job's output topic, when it was provisioned here
 */
public record OutputQueue(String queueUrl, String queueArn, Optional<String> subscriptionArn) {
}
