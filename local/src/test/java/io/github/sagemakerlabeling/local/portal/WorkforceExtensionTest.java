package io.github.sagemakerlabeling.local.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sns.SnsClient;

/** The JUnit extension's workforce option: on the shared stack, this class's jobs go to people, not simulated workers. */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class WorkforceExtensionTest {

    @RegisterExtension
    static LocalGroundTruthExtension local = LocalGroundTruthExtension.shared()
            .withWorkforces(WorkforcePlan.of(WorkforceMode.PEOPLE));

    @Test
    void objectsWaitInThePortalForPeopleInsteadOfBeingLabeled(LocalGroundTruth stack, SageMakerClient sageMaker,
                                                             SnsClient sns, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("people-only"));
        s3.putObject(b -> b.bucket("people-only").key("labels.json"),
                RequestBody.fromString(LabelCategoryConfig.of("yes", "no").toJson()));
        String topic = sns.createTopic(b -> b.name("people-only-in")).topicArn();
        sageMaker.createLabelingJob(LabelingJobSpec.builder().region(stack.region()).taskType(TaskType.TEXT_CLASSIFICATION)
                .labelingJobName("people-only").labelAttributeName("answer").inputSnsTopicArn(topic)
                .s3OutputPath("s3://people-only/out").roleArn("arn:aws:iam::000000000000:role/GroundTruth")
                .labelCategoryConfigS3Uri("s3://people-only/labels.json")
                .workteamArn("arn:aws:sagemaker:us-east-1:000000000000:workteam/private-crowd/anyone")
                .uiTemplateS3Uri("s3://people-only/template.html").taskTitle("Yes or no").taskDescription("Answer")
                .numberOfHumanWorkersPerDataObject(1).taskTimeLimitInSeconds(60).build().toCreateRequest());
        await().atMost(Duration.ofSeconds(20)).until(() -> sageMaker.describeLabelingJob(b -> b.labelingJobName(
                "people-only")).labelingJobStatus() == LabelingJobStatus.IN_PROGRESS);

        sns.publish(b -> b.topicArn(topic).message("{\"source\":\"is it?\"}"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !stack.people().work("Sam", stack.clock().instant()).isEmpty());
        assertThat(stack.people().work("Sam", stack.clock().instant())).singleElement()
                .satisfies(work -> assertThat(work.tasksAvailable()).isEqualTo(1));
        assertThat(sageMaker.describeLabelingJob(b -> b.labelingJobName("people-only")).labelCounters()
                .totalLabeled()).as("no simulated worker labeled it").isZero();

        sageMaker.stopLabelingJob(b -> b.labelingJobName("people-only"));
        await().atMost(Duration.ofSeconds(20)).until(() -> sageMaker.describeLabelingJob(b -> b.labelingJobName(
                "people-only")).labelingJobStatus() == LabelingJobStatus.STOPPED);
        assertThat(stack.people().work("Sam", stack.clock().instant())).as("a stopped job's tasks leave the portal")
                .isEmpty();
    }
}
