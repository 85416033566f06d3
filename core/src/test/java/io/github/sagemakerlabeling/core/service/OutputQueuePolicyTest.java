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

    @Test
    void anExistingPolicyKeepsItsStatementsAndGetsOursAddedOnce() throws Exception {
        String existing = """
                {"Version":"2012-10-17","Id":"mine","Statement":[
                 {"Sid":"AuditorMayRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Auditor"},
                  "Action":"sqs:ReceiveMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:labeled"},
                 {"Sid":"OnlyTheLabelingJobOutputTopic","Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},
                  "Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:labeled",
                  "Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:123456789012:old-out"}}}]}
                """;

        String merged = QueuePolicies.withTopicStatement(existing, "arn:aws:sqs:us-east-1:123456789012:labeled",
                "arn:aws:sns:us-east-1:123456789012:GroundTruth-out");

        var policy = Json.read(merged);
        assertThat(policy.get("Id").asText()).isEqualTo("mine");
        assertThat(policy.get("Statement")).hasSize(2);
        assertThat(policy.get("Statement").get(0)).isEqualTo(Json.read(existing).get("Statement").get(0));
        assertThat(policy.get("Statement").get(1).at("/Condition/ArnEquals/aws:SourceArn").asText())
                .isEqualTo("arn:aws:sns:us-east-1:123456789012:GroundTruth-out");
        assertThat(QueuePolicies.withTopicStatement(merged, "arn:aws:sqs:us-east-1:123456789012:labeled",
                "arn:aws:sns:us-east-1:123456789012:GroundTruth-out")).isEqualTo(merged);
    }

    @Test
    void aPolicyWithOneStatementObjectIsMergedToo() throws Exception {
        String existing = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Mine\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}}";

        var policy = Json.read(QueuePolicies.withTopicStatement(existing, "q", "t"));

        assertThat(policy.get("Statement")).extracting(statement -> statement.get("Sid").asText())
                .containsExactly("Mine", "OnlyTheLabelingJobOutputTopic");
    }
}
