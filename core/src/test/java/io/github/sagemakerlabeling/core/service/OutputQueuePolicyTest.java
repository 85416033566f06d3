package io.github.sagemakerlabeling.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.json.Json;
import org.junit.jupiter.api.Test;

class OutputQueuePolicyTest {

    @Test
    void onlyTheOutputTopicMaySendToTheQueue() throws Exception {
        String policy = OutputQueues.onlyTopicMaySend("arn:aws:sqs:us-east-1:123456789012:labeled",
                "arn:aws:sns:us-east-1:123456789012:GroundTruth-out");

        assertThat(Json.read(policy)).isEqualTo(Json.read("""
                {"Version":"2012-10-17","Statement":[{"Sid":"OnlyTheLabelingJobOutputTopic","Effect":"Allow",
                 "Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage",
                 "Resource":"arn:aws:sqs:us-east-1:123456789012:labeled",
                 "Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:123456789012:GroundTruth-out"}}}]}
                """));
    }
}
