package io.github.sagemakerlabeling.local.coreservices;

import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Topics, queues, buckets and job specs for the service tests, each uniquely named. */
final class ServiceFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private ServiceFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet();
    }

    /** A text classification job spec with a label config and output bucket in place, input and output topics. */
    static LabelingJobSpec.Builder textJob(LocalGroundTruth local, SnsClient sns, S3Client s3, String name) {
        String bucket = unique("bucket");
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key("labels.json"),
                RequestBody.fromString(LabelCategoryConfig.of("positive", "negative").toJson()));
        return LabelingJobSpec.builder()
                .region(local.region())
                .taskType(TaskType.TEXT_CLASSIFICATION)
                .labelingJobName(name)
                .labelAttributeName("sentiment")
                .inputSnsTopicArn(sns.createTopic(b -> b.name(unique("GroundTruth-in"))).topicArn())
                .outputSnsTopicArn(sns.createTopic(b -> b.name(unique("GroundTruth-out"))).topicArn())
                .s3OutputPath("s3://" + bucket + "/output")
                .roleArn("arn:aws:iam::" + local.accountId() + ":role/GroundTruth")
                .labelCategoryConfigS3Uri("s3://" + bucket + "/labels.json")
                .workteamArn("arn:aws:sagemaker:" + local.region() + ":" + local.accountId() + ":workteam/private-crowd/t")
                .uiTemplateS3Uri("s3://" + bucket + "/template.html")
                .taskTitle("Sentiment")
                .taskDescription("Positive or negative?")
                .numberOfHumanWorkersPerDataObject(1)
                .taskTimeLimitInSeconds(300);
    }

    /** A queue subscribed to the topic with raw delivery; returns its URL. */
    static String rawQueueOn(SqsClient sqs, SnsClient sns, String topicArn) {
        String url = sqs.createQueue(b -> b.queueName(unique("q"))).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        return url;
    }
}
