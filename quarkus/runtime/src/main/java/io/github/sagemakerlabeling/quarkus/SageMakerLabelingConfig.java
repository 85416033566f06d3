package io.github.sagemakerlabeling.quarkus;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The component's main options as Quarkus configuration, {@code quarkus.camel.sagemaker-labeling.*} in
 * {@code application.properties}: the AWS clients (region, credentials, endpoints) and the streaming job every
 * {@code sagemaker-labeling:} endpoint of the app creates or attaches to. Each one set here becomes the component's
 * option of the same meaning; every other option is set through {@code camel.component.sagemaker-labeling.*}, which
 * also wins over a value from here.
 */
@ConfigMapping(prefix = "quarkus.camel.sagemaker-labeling")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface SageMakerLabelingConfig {

    /** The AWS region of the job and its topics, queues and buckets, e.g. {@code us-east-1}. */
    Optional<String> region();

    /**
     * The access key id of static credentials; with {@code secret-key}, the component uses them instead of the
     * default provider chain.
     */
    Optional<String> accessKey();

    /** The secret access key of static credentials. */
    Optional<String> secretKey();

    /**
     * Whether the AWS SDK's default credentials provider chain (environment, profile, instance or task role) supplies
     * the credentials.
     */
    Optional<Boolean> useDefaultCredentialsProvider();

    /** Endpoints that replace AWS's: Local Ground Truth or another stand-in. Setting any turns Dev Services off. */
    Endpoints endpoint();

    /**
     * The task type of the job, by its catalog name (e.g. {@code textClassification}, {@code imageMultiClass}); the
     * component's documentation lists them.
     */
    Optional<String> taskType();

    /** The job's labels, e.g. {@code positive,negative}. */
    Optional<List<String>> labels();

    /** The task title workers see. */
    Optional<String> taskTitle();

    /** The task description workers see. */
    Optional<String> taskDescription();

    /** The ARN of the private work team that labels. */
    Optional<String> workteamArn();

    /** The ARN of the IAM role Ground Truth assumes for the job. */
    Optional<String> roleArn();

    /** The S3 path Ground Truth writes the job's output to, e.g. {@code s3://my-bucket/output}. */
    Optional<String> s3OutputPath();

    /** Whether the component creates the job's input and output topics when they are missing. */
    Optional<Boolean> autoCreateTopics();

    /** Endpoint overrides, one per AWS service the component calls. */
    interface Endpoints {

        /** The SageMaker endpoint, e.g. {@code http://127.0.0.1:9320}. */
        Optional<String> sagemaker();

        /** The SNS endpoint. */
        Optional<String> sns();

        /** The SQS endpoint. */
        Optional<String> sqs();

        /** The S3 endpoint (path-style addressing). */
        Optional<String> s3();
    }
}
