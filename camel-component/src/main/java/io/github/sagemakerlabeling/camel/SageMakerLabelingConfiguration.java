package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.job.JobTags;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The options of a {@code sagemaker-labeling} endpoint. The component holds defaults
 * ({@code camel.component.sagemaker-labeling.*}); each endpoint works on a copy with its URI options applied.
 */
@UriParams
public class SageMakerLabelingConfiguration implements Cloneable {

    private String jobName;
    @UriParam(label = "producer", defaultValue = "sendDataObject")
    private SageMakerLabelingOperations operation = SageMakerLabelingOperations.sendDataObject;
    @UriParam
    private String region;
    @UriParam(label = "producer")
    private String inputTopic;
    @UriParam(label = "producer", defaultValue = "8")
    private int maxPublishAttempts = 8;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean waitForStopped;
    @UriParam(label = "producer", defaultValue = "10m", javaType = "java.time.Duration")
    private long jobStatusTimeout = 600_000;
    @UriParam(label = "consumer")
    private String outputQueue;
    @UriParam(label = "consumer")
    private String outputQueueName;
    @UriParam(label = "consumer", defaultValue = "20")
    private int waitTimeSeconds = 20;
    @UriParam(label = "consumer", defaultValue = "10")
    private int maxMessagesPerPoll = 10;
    @UriParam(label = "security", secret = true)
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String secretKey;
    @UriParam(label = "security", secret = true)
    private String sessionToken;
    @UriParam(label = "security", defaultValue = "false")
    private boolean useDefaultCredentialsProvider;
    @UriParam(label = "security", defaultValue = "false")
    private boolean useProfileCredentialsProvider;
    @UriParam(label = "security")
    private String profileCredentialsName;
    @UriParam(label = "security", defaultValue = "false")
    private boolean useSessionCredentials;
    @UriParam(defaultValue = "false")
    private boolean overrideEndpoint;
    @UriParam
    private String uriEndpointOverride;
    @UriParam(label = "advanced")
    private String sageMakerEndpointOverride;
    @UriParam(label = "advanced")
    private String snsEndpointOverride;
    @UriParam(label = "advanced")
    private String sqsEndpointOverride;
    @UriParam(label = "advanced")
    private String s3EndpointOverride;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private SageMakerClient sageMakerClient;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private SnsClient snsClient;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private SqsClient sqsClient;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private S3Client s3Client;

    // Receiving labeled output and job events
    @UriParam(label = "consumer", defaultValue = "1")
    private int concurrentConsumers = 1;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean jobEvents;
    @UriParam(label = "consumer", defaultValue = "5s", javaType = "java.time.Duration")
    private long jobEventsInterval = 5_000;
    @UriParam(label = "consumer", defaultValue = "1s", javaType = "java.time.Duration")
    private long failureBackoff = 1_000;
    @UriParam(label = "consumer,advanced", defaultValue = "5m", javaType = "java.time.Duration")
    private long failureBackoffMax = 300_000;
    @UriParam(label = "consumer")
    private String deadLetterQueue;
    @UriParam(label = "consumer", defaultValue = "5")
    private int maxReceiveCount = 5;
    @UriParam(label = "consumer")
    private Integer visibilityTimeout;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean extendMessageVisibility;
    @UriParam(label = "consumer,health", defaultValue = "10s", javaType = "java.time.Duration")
    private long healthCheckInterval = 10_000;
    @UriParam(label = "consumer,health", defaultValue = "false")
    private boolean healthCheckEndedJobUp;
    @UriParam(label = "consumer,advanced", defaultValue = "true")
    private boolean autoCreateQueue = true;
    @UriParam(label = "consumer,advanced")
    private Integer messageRetentionPeriod;
    @UriParam(label = "consumer,security", defaultValue = "false")
    private boolean queueServerSideEncryption;
    @UriParam(label = "consumer,security")
    private String queueKmsKeyId;

    // The job: what the endpoint ensures when its route starts
    @UriParam(label = "job", defaultValueNote = "true when taskType is set and the endpoint sends or receives data objects")
    private Boolean ensureJob;
    @UriParam(label = "job")
    private String taskType;
    @UriParam(label = "job")
    private String workteamArn;
    @UriParam(label = "job")
    private String roleArn;
    @UriParam(label = "job")
    private String labels;
    @UriParam(label = "job")
    private String labelCategoryConfig;
    @UriParam(label = "job")
    private String labelAttributeName;
    @UriParam(label = "job")
    private String outputTopic;
    @UriParam(label = "job", defaultValue = "false")
    private boolean autoCreateTopics;
    @UriParam(label = "job")
    private String s3OutputPath;
    @UriParam(label = "job")
    private String artifactS3Prefix;
    @UriParam(label = "job")
    private String uiTemplate;
    @UriParam(label = "job")
    private String taskTitle;
    @UriParam(label = "job")
    private String taskDescription;
    @UriParam(label = "job")
    private String taskKeywords;
    @UriParam(label = "job", defaultValue = "1")
    private int numberOfHumanWorkersPerDataObject = 1;
    @UriParam(label = "job", defaultValue = "300")
    private int taskTimeLimitInSeconds = 300;
    @UriParam(label = "job")
    private Integer taskAvailabilityLifetimeInSeconds;
    @UriParam(label = "job")
    private Integer maxConcurrentTaskCount;
    @UriParam(label = "job")
    private String kmsKeyId;
    @UriParam(label = "job")
    private String publicWorkforceTaskPrice;
    @UriParam(label = "job")
    private String contentClassifiers;
    @UriParam(label = "job")
    private JobTags tags;

    // Sending data objects: uploads, dedup ids, batching
    @UriParam(label = "producer")
    private String uploadBucket;
    @UriParam(label = "producer")
    private String uploadPrefix;
    @UriParam(label = "producer,security")
    private String uploadKmsKeyId;
    @UriParam(label = "producer,advanced")
    private String uploadSpoolDirectory;
    @UriParam(label = "producer")
    private String dedupIdExpression;
    @UriParam(label = "producer", defaultValue = "auto")
    private DataObjectBodyType bodyType = DataObjectBodyType.auto;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean batching;
    @UriParam(label = "producer", defaultValue = "10", javaType = "java.time.Duration")
    private long batchMaxWait = 10;
    @UriParam(label = "producer,advanced", defaultValue = "4")
    private int batchSenders = 4;
    @UriParam(label = "producer,advanced", defaultValue = "1000")
    private int batchQueueSize = 1000;
    @UriParam(label = "producer,advanced", defaultValue = "true")
    private boolean batchBlockWhenFull = true;
    @UriParam(label = "producer,advanced")
    private ExecutorService workerPool;
    @UriParam(label = "producer,advanced", defaultValue = "10")
    private int workerPoolCoreSize = 10;
    @UriParam(label = "producer,advanced", defaultValue = "100")
    private int workerPoolMaxSize = 100;

    // metrics: the component's Micrometer meters (see the metrics package)
    @UriParam(label = "advanced,metrics", defaultValue = "true")
    private boolean metrics = true;
    @UriParam(label = "advanced,metrics")
    private Object metricsRegistry;
    @UriParam(label = "advanced,metrics", defaultValue = "0", javaType = "java.time.Duration")
    private long metricsJobCountersInterval;

    /** The streaming labeling job's name, the endpoint's path. */
    public String getJobName() {
        return jobName;
    }

    public void setJobName(String jobName) {
        this.jobName = jobName;
    }

    public SageMakerLabelingOperations getOperation() {
        return operation;
    }

    /** The producer operation; the CamelSageMakerLabelingOperation header overrides it. */
    public void setOperation(SageMakerLabelingOperations operation) {
        this.operation = operation;
    }

    public String getRegion() {
        return region;
    }

    /** The AWS region of the job, its topics and queue, for example us-east-1. */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getInputTopic() {
        return inputTopic;
    }

    /** The job's SNS input topic, as name or ARN. When not set, the topic is read from the job's description. */
    public void setInputTopic(String inputTopic) {
        this.inputTopic = inputTopic;
    }

    public int getMaxPublishAttempts() {
        return maxPublishAttempts;
    }

    /** How many times a Publish or PublishBatch call is tried in all by the AWS SDK's standard retry strategy when SNS throttles or fails on its side, and in how many rounds at most the entries a PublishBatch call answered as failed are sent; at least 1. */
    public void setMaxPublishAttempts(int maxPublishAttempts) {
        this.maxPublishAttempts = maxPublishAttempts;
    }

    public boolean isWaitForStopped() {
        return waitForStopped;
    }

    /** Whether stopJob waits until the job is Stopped. */
    public void setWaitForStopped(boolean waitForStopped) {
        this.waitForStopped = waitForStopped;
    }

    public long getJobStatusTimeout() {
        return jobStatusTimeout;
    }

    /** How long to wait for a job status: InProgress before publishing to a new job, Stopped with waitForStopped. */
    public void setJobStatusTimeout(long jobStatusTimeout) {
        this.jobStatusTimeout = jobStatusTimeout;
    }

    public String getOutputQueue() {
        return outputQueue;
    }

    /** An existing SQS queue (name or URL), subscribed to the job's output topic, to read labeled output from. When not set, the consumer provisions one: see outputQueueName. */
    public void setOutputQueue(String outputQueue) {
        this.outputQueue = outputQueue;
    }

    public String getOutputQueueName() {
        return outputQueueName;
    }

    /** The name of the queue the consumer provisions on the job's output topic (with a policy admitting only that topic and raw delivery); {jobName}-output when not set. */
    public void setOutputQueueName(String outputQueueName) {
        this.outputQueueName = outputQueueName;
    }

    public int getWaitTimeSeconds() {
        return waitTimeSeconds;
    }

    /** How long one receive waits for output (SQS long polling), 0 to 20 seconds. */
    public void setWaitTimeSeconds(int waitTimeSeconds) {
        this.waitTimeSeconds = waitTimeSeconds;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /** How many output messages one receive takes, 1 to 10. */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /** The AWS access key id. */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /** The AWS secret access key. */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    /** The session token of temporary credentials; used with useSessionCredentials. */
    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public boolean isUseDefaultCredentialsProvider() {
        return useDefaultCredentialsProvider;
    }

    /** Whether the clients take credentials from the AWS SDK's default provider chain. */
    public void setUseDefaultCredentialsProvider(boolean useDefaultCredentialsProvider) {
        this.useDefaultCredentialsProvider = useDefaultCredentialsProvider;
    }

    public boolean isUseProfileCredentialsProvider() {
        return useProfileCredentialsProvider;
    }

    /** Whether the clients take credentials from a profile of the AWS config files. */
    public void setUseProfileCredentialsProvider(boolean useProfileCredentialsProvider) {
        this.useProfileCredentialsProvider = useProfileCredentialsProvider;
    }

    public String getProfileCredentialsName() {
        return profileCredentialsName;
    }

    /** The profile name, with useProfileCredentialsProvider. */
    public void setProfileCredentialsName(String profileCredentialsName) {
        this.profileCredentialsName = profileCredentialsName;
    }

    public boolean isUseSessionCredentials() {
        return useSessionCredentials;
    }

    /** Whether accessKey, secretKey and sessionToken are temporary session credentials. */
    public void setUseSessionCredentials(boolean useSessionCredentials) {
        this.useSessionCredentials = useSessionCredentials;
    }

    public boolean isOverrideEndpoint() {
        return overrideEndpoint;
    }

    /** Whether to send requests to other endpoints than AWS's own, for example Local Ground Truth's. */
    public void setOverrideEndpoint(boolean overrideEndpoint) {
        this.overrideEndpoint = overrideEndpoint;
    }

    public String getUriEndpointOverride() {
        return uriEndpointOverride;
    }

    /** The one endpoint for all four services, with overrideEndpoint. */
    public void setUriEndpointOverride(String uriEndpointOverride) {
        this.uriEndpointOverride = uriEndpointOverride;
    }

    public String getSageMakerEndpointOverride() {
        return sageMakerEndpointOverride;
    }

    /** The SageMaker endpoint, with overrideEndpoint; wins over uriEndpointOverride. */
    public void setSageMakerEndpointOverride(String sageMakerEndpointOverride) {
        this.sageMakerEndpointOverride = sageMakerEndpointOverride;
    }

    public String getSnsEndpointOverride() {
        return snsEndpointOverride;
    }

    /** The SNS endpoint, with overrideEndpoint; wins over uriEndpointOverride. */
    public void setSnsEndpointOverride(String snsEndpointOverride) {
        this.snsEndpointOverride = snsEndpointOverride;
    }

    public String getSqsEndpointOverride() {
        return sqsEndpointOverride;
    }

    /** The SQS endpoint, with overrideEndpoint; wins over uriEndpointOverride. */
    public void setSqsEndpointOverride(String sqsEndpointOverride) {
        this.sqsEndpointOverride = sqsEndpointOverride;
    }

    public String getS3EndpointOverride() {
        return s3EndpointOverride;
    }

    /** The S3 endpoint, with overrideEndpoint; wins over uriEndpointOverride. */
    public void setS3EndpointOverride(String s3EndpointOverride) {
        this.s3EndpointOverride = s3EndpointOverride;
    }

    public SageMakerClient getSageMakerClient() {
        return sageMakerClient;
    }

    /** A SageMaker client to use instead of one built from these options; a single SageMakerClient bean in the registry is used automatically. */
    public void setSageMakerClient(SageMakerClient sageMakerClient) {
        this.sageMakerClient = sageMakerClient;
    }

    public SnsClient getSnsClient() {
        return snsClient;
    }

    /** An SNS client to use instead of one built from these options; a single SnsClient bean in the registry is used automatically. */
    public void setSnsClient(SnsClient snsClient) {
        this.snsClient = snsClient;
    }

    public SqsClient getSqsClient() {
        return sqsClient;
    }

    /** An SQS client to use instead of one built from these options; a single SqsClient bean in the registry is used automatically. */
    public void setSqsClient(SqsClient sqsClient) {
        this.sqsClient = sqsClient;
    }

    public S3Client getS3Client() {
        return s3Client;
    }

    /** An S3 client to use instead of one built from these options; a single S3Client bean in the registry is used automatically. */
    public void setS3Client(S3Client s3Client) {
        this.s3Client = s3Client;
    }

    // The job: what the endpoint ensures when its route starts

    public Boolean getEnsureJob() {
        return ensureJob;
    }

    /** Whether the endpoint creates the job, or attaches to it, when its route starts; by default it does when taskType is set, for consumers and for producers that send data objects. A running job with another spec, or an ended job, then fails the start. */
    public void setEnsureJob(Boolean ensureJob) {
        this.ensureJob = ensureJob;
    }

    public String getTaskType() {
        return taskType;
    }

    /** The job's built-in task type, for example textClassification, textClassificationMultiLabel, imageClassification, boundingBox, semanticSegmentation or namedEntityRecognition (Ground Truth's names such as TextMultiClass work too). Setting it describes the job the endpoint ensures. */
    public void setTaskType(String taskType) {
        this.taskType = taskType;
    }

    public String getWorkteamArn() {
        return workteamArn;
    }

    /** The ARN of the work team that labels the job's data objects. */
    public void setWorkteamArn(String workteamArn) {
        this.workteamArn = workteamArn;
    }

    public String getRoleArn() {
        return roleArn;
    }

    /** The ARN of the IAM role Ground Truth assumes for the job. */
    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getLabels() {
        return labels;
    }

    /** The labels workers choose from, comma-separated; uploaded as the job's label category configuration. Use labelCategoryConfig instead for instructions or attributes. */
    public void setLabels(String labels) {
        this.labels = labels;
    }

    public String getLabelCategoryConfig() {
        return labelCategoryConfig;
    }

    /** The job's label category configuration file: an s3:// URI used as it is, or a file to upload for you (classpath:labels.json, file:/path/labels.json). */
    public void setLabelCategoryConfig(String labelCategoryConfig) {
        this.labelCategoryConfig = labelCategoryConfig;
    }

    public String getLabelAttributeName() {
        return labelAttributeName;
    }

    /** The key of the label in each output line; label (label-ref for task types whose labels are S3 references) when not set. */
    public void setLabelAttributeName(String labelAttributeName) {
        this.labelAttributeName = labelAttributeName;
    }

    public String getOutputTopic() {
        return outputTopic;
    }

    /** The job's SNS output topic, as name or ARN, where each labeled object is published; GroundTruth-{jobName}-output when autoCreateTopics is set. */
    public void setOutputTopic(String outputTopic) {
        this.outputTopic = outputTopic;
    }

    public boolean isAutoCreateTopics() {
        return autoCreateTopics;
    }

    /** Whether the job's input and output topics given by name are created when missing; unset topics are then named GroundTruth-{jobName}-input and GroundTruth-{jobName}-output, names the AmazonSageMakerGroundTruthExecution managed policy covers. */
    public void setAutoCreateTopics(boolean autoCreateTopics) {
        this.autoCreateTopics = autoCreateTopics;
    }

    public String getS3OutputPath() {
        return s3OutputPath;
    }

    /** The s3:// location Ground Truth writes the job's output to. */
    public void setS3OutputPath(String s3OutputPath) {
        this.s3OutputPath = s3OutputPath;
    }

    public String getArtifactS3Prefix() {
        return artifactS3Prefix;
    }

    /** The s3:// location the label category configuration and worker task template are uploaded to, under names that carry a hash of their content; {s3OutputPath}/artifacts when not set. */
    public void setArtifactS3Prefix(String artifactS3Prefix) {
        this.artifactS3Prefix = artifactS3Prefix;
    }

    public String getUiTemplate() {
        return uiTemplate;
    }

    /** The worker task template: an s3:// URI used as it is, a human-task-ui ARN, or a file to upload for you (classpath:, file:). When not set, task types with an AWS-hosted worker UI use it, the others the component's default template. */
    public void setUiTemplate(String uiTemplate) {
        this.uiTemplate = uiTemplate;
    }

    public String getTaskTitle() {
        return taskTitle;
    }

    /** The title workers see; the task type's name when not set. */
    public void setTaskTitle(String taskTitle) {
        this.taskTitle = taskTitle;
    }

    public String getTaskDescription() {
        return taskDescription;
    }

    /** The description workers see; a sentence naming the task type when not set. */
    public void setTaskDescription(String taskDescription) {
        this.taskDescription = taskDescription;
    }

    public String getTaskKeywords() {
        return taskKeywords;
    }

    /** Keywords that help workers find the task, comma-separated, 1 to 5. */
    public void setTaskKeywords(String taskKeywords) {
        this.taskKeywords = taskKeywords;
    }

    public int getNumberOfHumanWorkersPerDataObject() {
        return numberOfHumanWorkersPerDataObject;
    }

    /** How many workers label each data object, 1 to 9. */
    public void setNumberOfHumanWorkersPerDataObject(int numberOfHumanWorkersPerDataObject) {
        this.numberOfHumanWorkersPerDataObject = numberOfHumanWorkersPerDataObject;
    }

    public int getTaskTimeLimitInSeconds() {
        return taskTimeLimitInSeconds;
    }

    /** How long a worker has for one task, in seconds, at least 30. */
    public void setTaskTimeLimitInSeconds(int taskTimeLimitInSeconds) {
        this.taskTimeLimitInSeconds = taskTimeLimitInSeconds;
    }

    public Integer getTaskAvailabilityLifetimeInSeconds() {
        return taskAvailabilityLifetimeInSeconds;
    }

    /** How long a task waits for a worker, in seconds; the service's default when not set. */
    public void setTaskAvailabilityLifetimeInSeconds(Integer taskAvailabilityLifetimeInSeconds) {
        this.taskAvailabilityLifetimeInSeconds = taskAvailabilityLifetimeInSeconds;
    }

    public Integer getMaxConcurrentTaskCount() {
        return maxConcurrentTaskCount;
    }

    /** How many tasks workers may have at once, 1 to 5000; the service's default (1000) when not set. */
    public void setMaxConcurrentTaskCount(Integer maxConcurrentTaskCount) {
        this.maxConcurrentTaskCount = maxConcurrentTaskCount;
    }

    public String getKmsKeyId() {
        return kmsKeyId;
    }

    /** The KMS key that encrypts the job's output. */
    public void setKmsKeyId(String kmsKeyId) {
        this.kmsKeyId = kmsKeyId;
    }

    public String getPublicWorkforceTaskPrice() {
        return publicWorkforceTaskPrice;
    }

    /** What a public (Mechanical Turk) worker is paid for one task, in US dollars with at most three decimals, for example 0.036; required with the public work team. */
    public void setPublicWorkforceTaskPrice(String publicWorkforceTaskPrice) {
        this.publicWorkforceTaskPrice = publicWorkforceTaskPrice;
    }

    public String getContentClassifiers() {
        return contentClassifiers;
    }

    /** What the data objects are free of, comma-separated: FreeOfPersonallyIdentifiableInformation, FreeOfAdultContent. */
    public void setContentClassifiers(String contentClassifiers) {
        this.contentClassifiers = contentClassifiers;
    }

    public JobTags getTags() {
        return tags;
    }

    /** The job's tags: key=value pairs separated by commas, for example project=reviews,team=data, or a Map bean. */
    public void setTags(JobTags tags) {
        this.tags = tags;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    /** How many threads long-poll the output queue at once, each routing what it receives; at least 1. */
    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public boolean isJobEvents() {
        return jobEvents;
    }

    /** Whether the consumer routes the job's status and label counter changes (a LabelingJobEvent body) instead of its labeled output; use a second route for the other. */
    public void setJobEvents(boolean jobEvents) {
        this.jobEvents = jobEvents;
    }

    public long getJobEventsInterval() {
        return jobEventsInterval;
    }

    /** How often a jobEvents consumer describes the job to look for changes. */
    public void setJobEventsInterval(long jobEventsInterval) {
        this.jobEventsInterval = jobEventsInterval;
    }

    public long getHealthCheckInterval() {
        return healthCheckInterval;
    }

    /** How long the consumer's health check reuses its last result before it describes the job and checks the topics and queue again: at most one set of AWS calls per interval, however often the check is probed. 0 checks on every probe. */
    public void setHealthCheckInterval(long healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public boolean isHealthCheckEndedJobUp() {
        return healthCheckEndedJobUp;
    }

    /** Whether the consumer's health check reports a job that has ended (Stopped, Failed, Completed) as UP with a message saying so, instead of DOWN: an ended job can never run again, so DOWN would keep a readiness probe failing for ever. */
    public void setHealthCheckEndedJobUp(boolean healthCheckEndedJobUp) {
        this.healthCheckEndedJobUp = healthCheckEndedJobUp;
    }

    public long getFailureBackoff() {
        return failureBackoff;
    }

    /** How long a message whose exchange failed stays hidden before it is received again; it doubles with each receive of the message (ApproximateReceiveCount) up to failureBackoffMax. 0 makes it visible again at once. */
    public void setFailureBackoff(long failureBackoff) {
        this.failureBackoff = failureBackoff;
    }

    public long getFailureBackoffMax() {
        return failureBackoffMax;
    }

    /** The longest a failed message stays hidden before it is received again (at most 12 hours, SQS's limit). */
    public void setFailureBackoffMax(long failureBackoffMax) {
        this.failureBackoffMax = failureBackoffMax;
    }

    public String getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /** A queue (name or URL) that output messages move to once they were received maxReceiveCount times without being routed: the consumer gives the output queue a redrive policy to it, creating it when missing unless autoCreateQueue is false. */
    public void setDeadLetterQueue(String deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    public int getMaxReceiveCount() {
        return maxReceiveCount;
    }

    /** How often an output message is received before SQS moves it to the deadLetterQueue, 1 to 1,000. */
    public void setMaxReceiveCount(int maxReceiveCount) {
        this.maxReceiveCount = maxReceiveCount;
    }

    public Integer getVisibilityTimeout() {
        return visibilityTimeout;
    }

    /** How long, in seconds, a received output message stays hidden from other consumers (ReceiveMessage's VisibilityTimeout); the queue's own setting when not set. */
    public void setVisibilityTimeout(Integer visibilityTimeout) {
        this.visibilityTimeout = visibilityTimeout;
    }

    public boolean isExtendMessageVisibility() {
        return extendMessageVisibility;
    }

    /** Whether the consumer keeps the messages of exchanges still under way hidden, extending their visibility by visibilityTimeout every half of it, so a slow exchange is not delivered twice. Needs visibilityTimeout. */
    public void setExtendMessageVisibility(boolean extendMessageVisibility) {
        this.extendMessageVisibility = extendMessageVisibility;
    }

    public boolean isAutoCreateQueue() {
        return autoCreateQueue;
    }

    /** Whether the consumer creates the output queue (and the deadLetterQueue) when missing; when false they must exist and the consumer only adds its policy statement, attributes and subscription. */
    public void setAutoCreateQueue(boolean autoCreateQueue) {
        this.autoCreateQueue = autoCreateQueue;
    }

    public Integer getMessageRetentionPeriod() {
        return messageRetentionPeriod;
    }

    /** How long, in seconds, the output queue keeps a message (60 to 1,209,600); the queue's own setting when not set. */
    public void setMessageRetentionPeriod(Integer messageRetentionPeriod) {
        this.messageRetentionPeriod = messageRetentionPeriod;
    }

    public boolean isQueueServerSideEncryption() {
        return queueServerSideEncryption;
    }

    /** Whether the output queue encrypts messages at rest with SQS-managed keys (SSE-SQS); see queueKmsKeyId for a KMS key. */
    public void setQueueServerSideEncryption(boolean queueServerSideEncryption) {
        this.queueServerSideEncryption = queueServerSideEncryption;
    }

    public String getQueueKmsKeyId() {
        return queueKmsKeyId;
    }

    /** The KMS key (id, alias or ARN) the output queue encrypts messages at rest with (SSE-KMS). */
    public void setQueueKmsKeyId(String queueKmsKeyId) {
        this.queueKmsKeyId = queueKmsKeyId;
    }

    public String getUploadBucket() {
        return uploadBucket;
    }

    /** The S3 bucket binary bodies (byte[], InputStream, File, Path, GenericFile, ...) are uploaded to before they are sent as source-ref. Keys are content-addressed (uploadPrefix + SHA-256 of the bytes), so the same bytes are stored and labeled once. Without it a binary body fails its exchange. */
    public void setUploadBucket(String uploadBucket) {
        this.uploadBucket = uploadBucket;
    }

    public String getUploadPrefix() {
        return uploadPrefix;
    }

    /** Put before the content hash in the key of every upload, for example labeling/input/. */
    public void setUploadPrefix(String uploadPrefix) {
        this.uploadPrefix = uploadPrefix;
    }

    public String getUploadKmsKeyId() {
        return uploadKmsKeyId;
    }

    /** The KMS key (id, ARN or alias) uploads are encrypted with (SSE-KMS). When not set, the bucket's default encryption applies. */
    public void setUploadKmsKeyId(String uploadKmsKeyId) {
        this.uploadKmsKeyId = uploadKmsKeyId;
    }

    public String getUploadSpoolDirectory() {
        return uploadSpoolDirectory;
    }

    /** Where streams of unknown length are spooled while they are hashed, before they are uploaded; the system's temporary directory when not set. */
    public void setUploadSpoolDirectory(String uploadSpoolDirectory) {
        this.uploadSpoolDirectory = uploadSpoolDirectory;
    }

    public String getDedupIdExpression() {
        return dedupIdExpression;
    }

    /** A simple language expression, evaluated per exchange, giving the data object's deduplication id, for example ${header.orderId}. The CamelSageMakerLabelingDedupId header wins over it; without both the id is the object's content hash. */
    public void setDedupIdExpression(String dedupIdExpression) {
        this.dedupIdExpression = dedupIdExpression;
    }

    public DataObjectBodyType getBodyType() {
        return bodyType;
    }

    /** What a String body is: auto (an S3 object when it starts with s3:// and has no white space, a manifest line when it opens a JSON object (a brace, then a quote), else text to label), text, sourceRef or manifestLine. The CamelSageMakerLabelingBodyType header overrides it. */
    public void setBodyType(DataObjectBodyType bodyType) {
        this.bodyType = bodyType;
    }

    public boolean isBatching() {
        return batching;
    }

    /** Whether sendDataObject exchanges are coalesced into PublishBatch calls of up to 10 objects. The producer then works asynchronously: each exchange still gets its own message id, or its own failure. */
    public void setBatching(boolean batching) {
        this.batching = batching;
    }

    public long getBatchMaxWait() {
        return batchMaxWait;
    }

    /** With batching, how long a batch waits for more objects after its first before it is sent. */
    public void setBatchMaxWait(long batchMaxWait) {
        this.batchMaxWait = batchMaxWait;
    }

    public int getBatchSenders() {
        return batchSenders;
    }

    /** With batching, how many PublishBatch calls may run at once (at least 1). */
    public void setBatchSenders(int batchSenders) {
        this.batchSenders = batchSenders;
    }

    public int getBatchQueueSize() {
        return batchQueueSize;
    }

    /** With batching, how many data objects may wait for a PublishBatch call (at least 1). When the queue is full, batchBlockWhenFull says whether the caller waits for room or its exchange fails at once. */
    public void setBatchQueueSize(int batchQueueSize) {
        this.batchQueueSize = batchQueueSize;
    }

    public boolean isBatchBlockWhenFull() {
        return batchBlockWhenFull;
    }

    /** With batching, whether an exchange that finds the batch queue full waits for room (back-pressure on the caller's thread), or fails at once with a RejectedExecutionException saying the queue is full. A waiting exchange fails when the producer stops. */
    public void setBatchBlockWhenFull(boolean batchBlockWhenFull) {
        this.batchBlockWhenFull = batchBlockWhenFull;
    }

    public ExecutorService getWorkerPool() {
        return workerPool;
    }

    /** With batching, the thread pool that continues routing each exchange once its PublishBatch call answered, so a slow step after the endpoint never holds up publishing. The producer does not shut down a pool given here. When not set, the producer creates one of workerPoolCoreSize to workerPoolMaxSize threads. */
    public void setWorkerPool(ExecutorService workerPool) {
        this.workerPool = workerPool;
    }

    public int getWorkerPoolCoreSize() {
        return workerPoolCoreSize;
    }

    /** With batching, how many threads of the producer's own worker pool are kept (at least 1). */
    public void setWorkerPoolCoreSize(int workerPoolCoreSize) {
        this.workerPoolCoreSize = workerPoolCoreSize;
    }

    public int getWorkerPoolMaxSize() {
        return workerPoolMaxSize;
    }

    /** With batching, the most threads the producer's own worker pool grows to (at least workerPoolCoreSize). When they are all busy, an exchange continues on the thread that published it, which slows publishing down rather than queueing without bound. */
    public void setWorkerPoolMaxSize(int workerPoolMaxSize) {
        this.workerPoolMaxSize = workerPoolMaxSize;
    }

    // rollover: a job that ended is followed by its successor; the idle warning before the idle stop
    @UriParam(label = "job", defaultValue = "false")
    private boolean rollover;
    @UriParam(label = "producer", defaultValue = "10m", javaType = "java.time.Duration")
    private long rolloverTimeout = 600_000;
    @UriParam(label = "producer,advanced", defaultValue = "1m", javaType = "java.time.Duration")
    private long rolloverCheckInterval = 60_000;
    @UriParam(label = "consumer", defaultValue = "9d", javaType = "java.time.Duration")
    private long idleWarningAfter = 777_600_000;

    public boolean isRollover() {
        return rollover;
    }

    /** When the job ends (the idle stop after 10 days without data objects, a failure, a stop by someone), create its successor from the same spec: named <jobName>-2, -3, ..., with the same input and output topics and the tags predecessor and rollover-origin. The producer holds data objects until the successor is InProgress, the consumer keeps routing the results of both jobs, and a restarted application attaches to the newest running successor. Needs the job options (the endpoint ensures the job). */
    public void setRollover(boolean rollover) {
        this.rollover = rollover;
    }

    public long getRolloverTimeout() {
        return rolloverTimeout;
    }

    /** With rollover, how long the producer holds a data object while the job's successor is not InProgress yet; then the exchange fails with a LabelingJobException and nothing is published. */
    public void setRolloverTimeout(long rolloverTimeout) {
        this.rolloverTimeout = rolloverTimeout;
    }

    public long getRolloverCheckInterval() {
        return rolloverCheckInterval;
    }

    /** With rollover, how long the producer takes a job it saw InProgress to still run before it describes the job again ahead of the next data object. A job that ended within this interval loses what is published to it until then: keep it well below the time a job may be stopped unnoticed. */
    public void setRolloverCheckInterval(long rolloverCheckInterval) {
        this.rolloverCheckInterval = rolloverCheckInterval;
    }

    public long getIdleWarningAfter() {
        return idleWarningAfter;
    }

    /** A jobEvents consumer routes an idleWarning event once the application sent no data object to the job for this long (counted from its start when it sent none): Ground Truth stops a job idle for 10 days. 0 sends none. */
    public void setIdleWarningAfter(long idleWarningAfter) {
        this.idleWarningAfter = idleWarningAfter;
    }
    // end of rollover

    // back-pressure and budget
    @UriParam(label = "producer")
    private String maxBacklog;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean backlogBlockWhenFull = true;
    @UriParam(label = "producer", defaultValue = "5m", javaType = "java.time.Duration")
    private long backlogTimeout = 300_000;
    @UriParam(label = "producer,advanced", defaultValue = "10s", javaType = "java.time.Duration")
    private long backlogCheckInterval = 10_000;
    @UriParam(label = "producer,advanced", defaultValue = "14d", javaType = "java.time.Duration")
    private long backlogExpiry = 14L * 24 * 3_600_000;
    @UriParam(label = "producer")
    private Long maxObjects;
    @UriParam(label = "producer")
    private Long maxObjectsPerDay;

    public String getMaxBacklog() {
        return maxBacklog;
    }

    /** The most data objects the job may hold that it has not labeled yet (sent minus labeled), so nothing waits in its queue long enough to expire: a number, or auto for MaxConcurrentTaskCount plus what the job labels in half of backlogExpiry at its observed rate. Over it, backlogBlockWhenFull says whether the caller waits or fails. Not set: no bound. */
    public void setMaxBacklog(String maxBacklog) {
        this.maxBacklog = maxBacklog;
    }

    public boolean isBacklogBlockWhenFull() {
        return backlogBlockWhenFull;
    }

    /** With maxBacklog, whether an exchange that finds the backlog at its bound waits for room (at most backlogTimeout), or fails at once with a BacklogFullException naming the backlog, the bound and the option. A waiting exchange fails when the producer stops. */
    public void setBacklogBlockWhenFull(boolean backlogBlockWhenFull) {
        this.backlogBlockWhenFull = backlogBlockWhenFull;
    }

    public long getBacklogTimeout() {
        return backlogTimeout;
    }

    /** With maxBacklog and backlogBlockWhenFull, how long an exchange waits for room before it fails with a BacklogFullException. */
    public void setBacklogTimeout(long backlogTimeout) {
        this.backlogTimeout = backlogTimeout;
    }

    public long getBacklogCheckInterval() {
        return backlogCheckInterval;
    }

    /** With maxBacklog, maxObjects or maxObjectsPerDay, the least time between two DescribeLabelingJob calls that read the job's LabelCounters; in between, the producer counts what it sends and what consumers of the job in the same CamelContext receive. */
    public void setBacklogCheckInterval(long backlogCheckInterval) {
        this.backlogCheckInterval = backlogCheckInterval;
    }

    public long getBacklogExpiry() {
        return backlogExpiry;
    }

    /** With maxBacklog=auto, how long the job keeps an object waiting for a worker before it expires: 14 days on Ground Truth; on Local Ground Truth, its engine's backlogExpiry. */
    public void setBacklogExpiry(long backlogExpiry) {
        this.backlogExpiry = backlogExpiry;
    }

    public Long getMaxObjects() {
        return maxObjects;
    }

    /** The most data objects the job may take on in all (labeled, failed and waiting, as its LabelCounters count them, plus what was sent since), so a job on a paid work team costs no more than planned; then sending fails with a BudgetSpentException and a jobEvents consumer routes a budgetSpent event. Counted from the job, so it survives a restart. Not set: no limit. */
    public void setMaxObjects(Long maxObjects) {
        this.maxObjects = maxObjects;
    }

    public Long getMaxObjectsPerDay() {
        return maxObjectsPerDay;
    }

    /** The most data objects the job may take on a day (24 hours of the clock counted from the job's CreationTime), and never more in all than this many for each day since the job was created; then sending fails with a BudgetSpentException until the next day, and a jobEvents consumer routes a budgetSpent event. Not set: no limit. */
    public void setMaxObjectsPerDay(Long maxObjectsPerDay) {
        this.maxObjectsPerDay = maxObjectsPerDay;
    }
    // end of back-pressure and budget

    // the clock of rollover, the idle warning, back-pressure and budget
    @UriParam(label = "advanced")
    private Clock clock;

    public Clock getClock() {
        return clock;
    }

    /** The clock the job runs on: for rolloverCheckInterval and idleWarningAfter, the days of maxObjectsPerDay and the labeling rate of maxBacklog=auto. The system clock when not set; Local Ground Truth's simulation clock when a test speeds its jobs up. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    // chaining
    @UriParam(label = "job")
    private String chainFrom;

    public String getChainFrom() {
        return chainFrom;
    }

    /** The streaming job whose labels this job reviews: its output topic becomes this job's input topic, and the review presets fill what taskType, labels, labelCategoryConfig and uiTemplate leave unset (an adjustment of the earlier job's labels unless taskType is verification or names a review type; its labels, or the verdicts good and bad; a worker template that shows the earlier labels). The earlier job must exist when this endpoint starts and have an output topic. Setting it makes the endpoint ensure the job unless ensureJob=false. */
    public void setChainFrom(String chainFrom) {
        this.chainFrom = chainFrom;
    }
    // end of chaining


    // metrics
    public boolean isMetrics() {
        return metrics;
    }

    /** Whether the component publishes its meters (published objects, labeled results, the job's label counters and more) to a Micrometer MeterRegistry: the one metricsRegistry names, else the only MeterRegistry bound in the registry. Without Micrometer on the classpath, or without a registry, there are no meters and nothing else changes. */
    public void setMetrics(boolean metrics) {
        this.metrics = metrics;
    }

    public Object getMetricsRegistry() {
        return metricsRegistry;
    }

    /** The Micrometer MeterRegistry (io.micrometer.core.instrument.MeterRegistry) the meters go to, for example #myRegistry. Needed only when the registry holds several; the only one bound is used otherwise. Typed Object so that apps without Micrometer need none of its classes. */
    public void setMetricsRegistry(Object metricsRegistry) {
        this.metricsRegistry = metricsRegistry;
    }

    public long getMetricsJobCountersInterval() {
        return metricsJobCountersInterval;
    }

    /** How often the endpoint describes its job only to update the job's label counter gauges; 0 (the default) reads them from the DescribeLabelingJob calls the component makes anyway (when ensuring the job, health checks, job events, describeJob), with no extra call. Set it on one endpoint of the job. */
    public void setMetricsJobCountersInterval(long metricsJobCountersInterval) {
        this.metricsJobCountersInterval = metricsJobCountersInterval;
    }

    /** A copy, for an endpoint to change without touching the component's defaults. */
    public SageMakerLabelingConfiguration copy() {
        try {
            return (SageMakerLabelingConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
