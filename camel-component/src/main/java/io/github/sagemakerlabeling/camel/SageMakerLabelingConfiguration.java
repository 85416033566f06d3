package io.github.sagemakerlabeling.camel;

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
    @UriParam(label = "producer", defaultValue = "false")
    private boolean batching;
    @UriParam(label = "producer", defaultValue = "10", javaType = "java.time.Duration")
    private long batchMaxWait = 10;
    @UriParam(label = "producer,advanced", defaultValue = "4")
    private int batchSenders = 4;

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

    /** How many times a data object that SNS fails is tried in all before the exchange fails. */
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

    /** The name of the queue the consumer provisions on the job's output topic (with a policy admitting only that topic and raw delivery); <jobName>-output when not set. */
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

    /** With batching, how many PublishBatch calls may run at once; their threads also continue the exchanges. */
    public void setBatchSenders(int batchSenders) {
        this.batchSenders = batchSenders;
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
