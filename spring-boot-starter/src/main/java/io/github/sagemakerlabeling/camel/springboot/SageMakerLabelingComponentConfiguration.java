package io.github.sagemakerlabeling.camel.springboot;

import io.github.sagemakerlabeling.camel.DataObjectBodyType;
import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.camel.SageMakerLabelingOperations;
import io.github.sagemakerlabeling.camel.client.SageMakerLabelingClientFactory;
import io.github.sagemakerlabeling.camel.job.JobTags;
import java.util.concurrent.ExecutorService;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Feed data objects to an Amazon SageMaker Ground Truth streaming labeling job, manage the job, and route its labeled
 * output: the {@code camel.component.sagemaker-labeling.*} properties, one per option of the component's catalog, in
 * its groups. Only the options that are set reach the component, so a property left out keeps the component's own
 * default (the defaults shown by IDEs are the component's).
 */
@ConfigurationProperties(prefix = "camel.component.sagemaker-labeling")
public class SageMakerLabelingComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the sagemaker-labeling component. This is enabled by default.
     */
    @SuppressWarnings("unused") // documents the inherited enabled property for the configuration metadata
    private Boolean enabled;

    // common: what every endpoint starts from
    /**
     * The defaults every endpoint starts from. The option is a
     * io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration type: a bean reference such as #bean:myBean.
     */
    private SageMakerLabelingConfiguration configuration;
    /**
     * Whether to send requests to other endpoints than AWS's own, for example Local Ground Truth's.
     */
    private Boolean overrideEndpoint;
    /**
     * The AWS region of the job, its topics and queue, for example us-east-1.
     */
    private String region;
    /**
     * The one endpoint for all four services, with overrideEndpoint.
     */
    private String uriEndpointOverride;

    // consumer: receiving labeled output and job events
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler;
    /**
     * How many threads long-poll the output queue at once, each routing what it receives; at least 1.
     */
    private Integer concurrentConsumers;
    /**
     * Whether the consumer routes the job's status and label counter changes (a LabelingJobEvent body) instead of
     * its labeled output; use a second route for the other.
     */
    private Boolean jobEvents;
    /**
     * How often a jobEvents consumer describes the job to look for changes. A duration: milliseconds, or with units
     * such as 30s, 10m, 1h30m.
     */
    private String jobEventsInterval;
    /**
     * How many output messages one receive takes, 1 to 10.
     */
    private Integer maxMessagesPerPoll;
    /**
     * An existing SQS queue (name or URL), subscribed to the job's output topic, to read labeled output from. When
     * not set, the consumer provisions one: see outputQueueName.
     */
    private String outputQueue;
    /**
     * The name of the queue the consumer provisions on the job's output topic (with a policy admitting only that
     * topic and raw delivery); jobName-output (jobName: the endpoint's job) when not set.
     */
    private String outputQueueName;
    /**
     * How long one receive waits for output (SQS long polling), 0 to 20 seconds.
     */
    private Integer waitTimeSeconds;

    // producer: sending data objects and managing the job
    /**
     * Whether sendDataObject exchanges are coalesced into PublishBatch calls of up to 10 objects. The producer then
     * works asynchronously: each exchange still gets its own message id, or its own failure.
     */
    private Boolean batching;
    /**
     * What a String body is: auto (an S3 object when it starts with s3:// and has no white space, a manifest line
     * when it opens a JSON object (a brace, then a quote), else text to label), text, sourceRef or manifestLine. The
     * CamelSageMakerLabelingBodyType header overrides it.
     */
    private DataObjectBodyType bodyType;
    /**
     * With batching, how long a batch waits for more objects after its first before it is sent. A duration:
     * milliseconds, or with units such as 30s, 10m, 1h30m.
     */
    private String batchMaxWait;
    /**
     * A simple language expression, evaluated per exchange, giving the data object's deduplication id, for example
     * ${header.orderId}. The CamelSageMakerLabelingDedupId header wins over it; without both the id is the object's
     * content hash.
     */
    private String dedupIdExpression;
    /**
     * The job's SNS input topic, as name or ARN. When not set, the topic is read from the job's description.
     */
    private String inputTopic;
    /**
     * How long to wait for a job status: InProgress before publishing to a new job, Stopped with waitForStopped. A
     * duration: milliseconds, or with units such as 30s, 10m, 1h30m.
     */
    private String jobStatusTimeout;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer;
    /**
     * How many times a Publish or PublishBatch call is tried in all by the AWS SDK's standard retry strategy when SNS
     * throttles or fails on its side, and in how many rounds at most the entries a PublishBatch call answered as
     * failed are sent; at least 1.
     */
    private Integer maxPublishAttempts;
    /**
     * The producer operation; the CamelSageMakerLabelingOperation header overrides it.
     */
    private SageMakerLabelingOperations operation;
    /**
     * The S3 bucket binary bodies (byte, InputStream, File, Path, GenericFile, ...) are uploaded to before they are
     * sent as source-ref. Keys are content-addressed (uploadPrefix SHA-256 of the bytes), so the same bytes are
     * stored and labeled once. Without it a binary body fails its exchange.
     */
    private String uploadBucket;
    /**
     * Put before the content hash in the key of every upload, for example labeling/input/.
     */
    private String uploadPrefix;
    /**
     * Whether stopJob waits until the job is Stopped.
     */
    private Boolean waitForStopped;

    // producer (advanced)
    /**
     * With batching, how many PublishBatch calls may run at once (at least 1).
     */
    private Integer batchSenders;
    /**
     * With batching, how many data objects may wait for a PublishBatch call (at least 1). When the queue is full,
     * batchBlockWhenFull says whether the caller waits for room or its exchange fails at once.
     */
    private Integer batchQueueSize;
    /**
     * With batching, whether an exchange that finds the batch queue full waits for room (back-pressure on the
     * caller's thread), or fails at once with a RejectedExecutionException saying the queue is full. A waiting
     * exchange fails when the producer stops.
     */
    private Boolean batchBlockWhenFull;
    /**
     * With batching, the thread pool that continues routing each exchange once its PublishBatch call answered, so a
     * slow step after the endpoint never holds up publishing. The producer does not shut down a pool given here.
     * When not set, the producer creates one of workerPoolCoreSize to workerPoolMaxSize threads. The option is a
     * java.util.concurrent.ExecutorService type: a bean reference such as #myPool.
     */
    private ExecutorService workerPool;
    /**
     * With batching, how many threads of the producer's own worker pool are kept (at least 1).
     */
    private Integer workerPoolCoreSize;
    /**
     * With batching, the most threads the producer's own worker pool grows to (at least workerPoolCoreSize). When
     * they are all busy, an exchange continues on the thread that published it, which slows publishing down rather
     * than queueing without bound.
     */
    private Integer workerPoolMaxSize;
    /**
     * Where streams of unknown length are spooled while they are hashed, before they are uploaded; the system's
     * temporary directory when not set.
     */
    private String uploadSpoolDirectory;

    // advanced: clients and endpoints
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;
    /**
     * Builds the AWS clients endpoints need when no client bean is given. The option is a
     * io.github.sagemakerlabeling.camel.client.SageMakerLabelingClientFactory type: a bean reference such as
     * #bean:myBean.
     */
    private SageMakerLabelingClientFactory clientFactory;
    /**
     * An S3 client to use instead of one built from these options; a single S3Client bean in the registry is used
     * automatically. The option is a software.amazon.awssdk.services.s3.S3Client type: a bean reference such as
     * #bean:myBean.
     */
    private S3Client s3Client;
    /**
     * The S3 endpoint, with overrideEndpoint; wins over uriEndpointOverride.
     */
    private String s3EndpointOverride;
    /**
     * A SageMaker client to use instead of one built from these options; a single SageMakerClient bean in the
     * registry is used automatically. The option is a software.amazon.awssdk.services.sagemaker.SageMakerClient
     * type: a bean reference such as #bean:myBean.
     */
    private SageMakerClient sageMakerClient;
    /**
     * The SageMaker endpoint, with overrideEndpoint; wins over uriEndpointOverride.
     */
    private String sageMakerEndpointOverride;
    /**
     * An SNS client to use instead of one built from these options; a single SnsClient bean in the registry is used
     * automatically. The option is a software.amazon.awssdk.services.sns.SnsClient type: a bean reference such as
     * #bean:myBean.
     */
    private SnsClient snsClient;
    /**
     * The SNS endpoint, with overrideEndpoint; wins over uriEndpointOverride.
     */
    private String snsEndpointOverride;
    /**
     * An SQS client to use instead of one built from these options; a single SqsClient bean in the registry is used
     * automatically. The option is a software.amazon.awssdk.services.sqs.SqsClient type: a bean reference such as
     * #bean:myBean.
     */
    private SqsClient sqsClient;
    /**
     * The SQS endpoint, with overrideEndpoint; wins over uriEndpointOverride.
     */
    private String sqsEndpointOverride;

    // health checks
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled;

    // job: what an endpoint ensures when its route starts
    /**
     * The s3:// location the label category configuration and worker task template are uploaded to, under names that
     * carry a hash of their content; s3OutputPath followed by /artifacts when not set.
     */
    private String artifactS3Prefix;
    /**
     * Whether the job's input and output topics given by name are created when missing; unset topics are then named
     * GroundTruth-jobName-input and GroundTruth-jobName-output (jobName: the endpoint's job), names the
     * AmazonSageMakerGroundTruthExecution managed policy covers.
     */
    private Boolean autoCreateTopics;
    /**
     * What the data objects are free of, comma-separated: FreeOfPersonallyIdentifiableInformation,
     * FreeOfAdultContent.
     */
    private String contentClassifiers;
    /**
     * Whether the endpoint creates the job, or attaches to it, when its route starts; by default (not set) it does
     * when taskType is set, for consumers and for producers that send data objects. A running job with another spec,
     * or an ended job, then fails the start.
     */
    private Boolean ensureJob;
    /**
     * The KMS key that encrypts the job's output.
     */
    private String kmsKeyId;
    /**
     * What a public (Mechanical Turk) worker is paid for one task, in US dollars with at most three decimals, for
     * example 0.036; required with the public work team.
     */
    private String publicWorkforceTaskPrice;
    /**
     * The key of the label in each output line; label (label-ref for task types whose labels are S3 references) when
     * not set.
     */
    private String labelAttributeName;
    /**
     * The job's label category configuration file: an s3:// URI used as it is, or a file to upload for you
     * (classpath:labels.json, file:/path/labels.json).
     */
    private String labelCategoryConfig;
    /**
     * The labels workers choose from, comma-separated; uploaded as the job's label category configuration. Use
     * labelCategoryConfig instead for instructions or attributes.
     */
    private String labels;
    /**
     * How many tasks workers may have at once, 1 to 5000; the service's default (1000) when not set.
     */
    private Integer maxConcurrentTaskCount;
    /**
     * How many workers label each data object, 1 to 9.
     */
    private Integer numberOfHumanWorkersPerDataObject;
    /**
     * The job's SNS output topic, as name or ARN, where each labeled object is published; GroundTruth-jobName-output
     * (jobName: the endpoint's job) when autoCreateTopics is set.
     */
    private String outputTopic;
    /**
     * The ARN of the IAM role Ground Truth assumes for the job.
     */
    private String roleArn;
    /**
     * The s3:// location Ground Truth writes the job's output to.
     */
    private String s3OutputPath;
    /**
     * The job's tags: key=value pairs separated by commas, for example project=reviews,team=data, or a bean reference
     * (#bean:myTags) to a Map or JobTags bean.
     */
    private JobTags tags;
    /**
     * How long a task waits for a worker, in seconds; the service's default when not set.
     */
    private Integer taskAvailabilityLifetimeInSeconds;
    /**
     * The description workers see; a sentence naming the task type when not set.
     */
    private String taskDescription;
    /**
     * Keywords that help workers find the task, comma-separated, 1 to 5.
     */
    private String taskKeywords;
    /**
     * How long a worker has for one task, in seconds, at least 30.
     */
    private Integer taskTimeLimitInSeconds;
    /**
     * The title workers see; the task type's name when not set.
     */
    private String taskTitle;
    /**
     * The job's built-in task type, for example textClassification, textClassificationMultiLabel,
     * imageClassification, boundingBox, semanticSegmentation or namedEntityRecognition (Ground Truth's names such as
     * TextMultiClass work too). Setting it describes the job the endpoint ensures.
     */
    private String taskType;
    /**
     * The worker task template: an s3:// URI used as it is, a human-task-ui ARN, or a file to upload for you
     * (classpath:, file:). When not set, task types with an AWS-hosted worker UI use it, the others the component's
     * default template.
     */
    private String uiTemplate;
    /**
     * The ARN of the work team that labels the job's data objects.
     */
    private String workteamArn;

    // security: credentials and upload encryption
    /**
     * The AWS access key id.
     */
    private String accessKey;
    /**
     * The profile name, with useProfileCredentialsProvider.
     */
    private String profileCredentialsName;
    /**
     * The AWS secret access key.
     */
    private String secretKey;
    /**
     * The session token of temporary credentials; used with useSessionCredentials.
     */
    private String sessionToken;
    /**
     * The KMS key (id, ARN or alias) uploads are encrypted with (SSE-KMS). When not set, the bucket's default
     * encryption applies.
     */
    private String uploadKmsKeyId;
    /**
     * Whether the clients take credentials from the AWS SDK's default provider chain.
     */
    private Boolean useDefaultCredentialsProvider;
    /**
     * Whether the clients take credentials from a profile of the AWS config files.
     */
    private Boolean useProfileCredentialsProvider;
    /**
     * Whether accessKey, secretKey and sessionToken are temporary session credentials.
     */
    private Boolean useSessionCredentials;

    public SageMakerLabelingConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SageMakerLabelingConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getOverrideEndpoint() {
        return overrideEndpoint;
    }

    public void setOverrideEndpoint(Boolean overrideEndpoint) {
        this.overrideEndpoint = overrideEndpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getUriEndpointOverride() {
        return uriEndpointOverride;
    }

    public void setUriEndpointOverride(String uriEndpointOverride) {
        this.uriEndpointOverride = uriEndpointOverride;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Integer getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(Integer concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public Boolean getJobEvents() {
        return jobEvents;
    }

    public void setJobEvents(Boolean jobEvents) {
        this.jobEvents = jobEvents;
    }

    public String getJobEventsInterval() {
        return jobEventsInterval;
    }

    public void setJobEventsInterval(String jobEventsInterval) {
        this.jobEventsInterval = jobEventsInterval;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getOutputQueue() {
        return outputQueue;
    }

    public void setOutputQueue(String outputQueue) {
        this.outputQueue = outputQueue;
    }

    public String getOutputQueueName() {
        return outputQueueName;
    }

    public void setOutputQueueName(String outputQueueName) {
        this.outputQueueName = outputQueueName;
    }

    public Integer getWaitTimeSeconds() {
        return waitTimeSeconds;
    }

    public void setWaitTimeSeconds(Integer waitTimeSeconds) {
        this.waitTimeSeconds = waitTimeSeconds;
    }

    public Boolean getBatching() {
        return batching;
    }

    public void setBatching(Boolean batching) {
        this.batching = batching;
    }

    public DataObjectBodyType getBodyType() {
        return bodyType;
    }

    public void setBodyType(DataObjectBodyType bodyType) {
        this.bodyType = bodyType;
    }

    public String getBatchMaxWait() {
        return batchMaxWait;
    }

    public void setBatchMaxWait(String batchMaxWait) {
        this.batchMaxWait = batchMaxWait;
    }

    public String getDedupIdExpression() {
        return dedupIdExpression;
    }

    public void setDedupIdExpression(String dedupIdExpression) {
        this.dedupIdExpression = dedupIdExpression;
    }

    public String getInputTopic() {
        return inputTopic;
    }

    public void setInputTopic(String inputTopic) {
        this.inputTopic = inputTopic;
    }

    public String getJobStatusTimeout() {
        return jobStatusTimeout;
    }

    public void setJobStatusTimeout(String jobStatusTimeout) {
        this.jobStatusTimeout = jobStatusTimeout;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxPublishAttempts() {
        return maxPublishAttempts;
    }

    public void setMaxPublishAttempts(Integer maxPublishAttempts) {
        this.maxPublishAttempts = maxPublishAttempts;
    }

    public SageMakerLabelingOperations getOperation() {
        return operation;
    }

    public void setOperation(SageMakerLabelingOperations operation) {
        this.operation = operation;
    }

    public String getUploadBucket() {
        return uploadBucket;
    }

    public void setUploadBucket(String uploadBucket) {
        this.uploadBucket = uploadBucket;
    }

    public String getUploadPrefix() {
        return uploadPrefix;
    }

    public void setUploadPrefix(String uploadPrefix) {
        this.uploadPrefix = uploadPrefix;
    }

    public Boolean getWaitForStopped() {
        return waitForStopped;
    }

    public void setWaitForStopped(Boolean waitForStopped) {
        this.waitForStopped = waitForStopped;
    }

    public Integer getBatchSenders() {
        return batchSenders;
    }

    public void setBatchSenders(Integer batchSenders) {
        this.batchSenders = batchSenders;
    }

    public Integer getBatchQueueSize() {
        return batchQueueSize;
    }

    public void setBatchQueueSize(Integer batchQueueSize) {
        this.batchQueueSize = batchQueueSize;
    }

    public Boolean getBatchBlockWhenFull() {
        return batchBlockWhenFull;
    }

    public void setBatchBlockWhenFull(Boolean batchBlockWhenFull) {
        this.batchBlockWhenFull = batchBlockWhenFull;
    }

    public ExecutorService getWorkerPool() {
        return workerPool;
    }

    public void setWorkerPool(ExecutorService workerPool) {
        this.workerPool = workerPool;
    }

    public Integer getWorkerPoolCoreSize() {
        return workerPoolCoreSize;
    }

    public void setWorkerPoolCoreSize(Integer workerPoolCoreSize) {
        this.workerPoolCoreSize = workerPoolCoreSize;
    }

    public Integer getWorkerPoolMaxSize() {
        return workerPoolMaxSize;
    }

    public void setWorkerPoolMaxSize(Integer workerPoolMaxSize) {
        this.workerPoolMaxSize = workerPoolMaxSize;
    }

    public String getUploadSpoolDirectory() {
        return uploadSpoolDirectory;
    }

    public void setUploadSpoolDirectory(String uploadSpoolDirectory) {
        this.uploadSpoolDirectory = uploadSpoolDirectory;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public SageMakerLabelingClientFactory getClientFactory() {
        return clientFactory;
    }

    public void setClientFactory(SageMakerLabelingClientFactory clientFactory) {
        this.clientFactory = clientFactory;
    }

    public S3Client getS3Client() {
        return s3Client;
    }

    public void setS3Client(S3Client s3Client) {
        this.s3Client = s3Client;
    }

    public String getS3EndpointOverride() {
        return s3EndpointOverride;
    }

    public void setS3EndpointOverride(String s3EndpointOverride) {
        this.s3EndpointOverride = s3EndpointOverride;
    }

    public SageMakerClient getSageMakerClient() {
        return sageMakerClient;
    }

    public void setSageMakerClient(SageMakerClient sageMakerClient) {
        this.sageMakerClient = sageMakerClient;
    }

    public String getSageMakerEndpointOverride() {
        return sageMakerEndpointOverride;
    }

    public void setSageMakerEndpointOverride(String sageMakerEndpointOverride) {
        this.sageMakerEndpointOverride = sageMakerEndpointOverride;
    }

    public SnsClient getSnsClient() {
        return snsClient;
    }

    public void setSnsClient(SnsClient snsClient) {
        this.snsClient = snsClient;
    }

    public String getSnsEndpointOverride() {
        return snsEndpointOverride;
    }

    public void setSnsEndpointOverride(String snsEndpointOverride) {
        this.snsEndpointOverride = snsEndpointOverride;
    }

    public SqsClient getSqsClient() {
        return sqsClient;
    }

    public void setSqsClient(SqsClient sqsClient) {
        this.sqsClient = sqsClient;
    }

    public String getSqsEndpointOverride() {
        return sqsEndpointOverride;
    }

    public void setSqsEndpointOverride(String sqsEndpointOverride) {
        this.sqsEndpointOverride = sqsEndpointOverride;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getArtifactS3Prefix() {
        return artifactS3Prefix;
    }

    public void setArtifactS3Prefix(String artifactS3Prefix) {
        this.artifactS3Prefix = artifactS3Prefix;
    }

    public Boolean getAutoCreateTopics() {
        return autoCreateTopics;
    }

    public void setAutoCreateTopics(Boolean autoCreateTopics) {
        this.autoCreateTopics = autoCreateTopics;
    }

    public String getContentClassifiers() {
        return contentClassifiers;
    }

    public void setContentClassifiers(String contentClassifiers) {
        this.contentClassifiers = contentClassifiers;
    }

    public Boolean getEnsureJob() {
        return ensureJob;
    }

    public void setEnsureJob(Boolean ensureJob) {
        this.ensureJob = ensureJob;
    }

    public String getKmsKeyId() {
        return kmsKeyId;
    }

    public void setKmsKeyId(String kmsKeyId) {
        this.kmsKeyId = kmsKeyId;
    }

    public String getPublicWorkforceTaskPrice() {
        return publicWorkforceTaskPrice;
    }

    public void setPublicWorkforceTaskPrice(String publicWorkforceTaskPrice) {
        this.publicWorkforceTaskPrice = publicWorkforceTaskPrice;
    }

    public String getLabelAttributeName() {
        return labelAttributeName;
    }

    public void setLabelAttributeName(String labelAttributeName) {
        this.labelAttributeName = labelAttributeName;
    }

    public String getLabelCategoryConfig() {
        return labelCategoryConfig;
    }

    public void setLabelCategoryConfig(String labelCategoryConfig) {
        this.labelCategoryConfig = labelCategoryConfig;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public Integer getMaxConcurrentTaskCount() {
        return maxConcurrentTaskCount;
    }

    public void setMaxConcurrentTaskCount(Integer maxConcurrentTaskCount) {
        this.maxConcurrentTaskCount = maxConcurrentTaskCount;
    }

    public Integer getNumberOfHumanWorkersPerDataObject() {
        return numberOfHumanWorkersPerDataObject;
    }

    public void setNumberOfHumanWorkersPerDataObject(Integer numberOfHumanWorkersPerDataObject) {
        this.numberOfHumanWorkersPerDataObject = numberOfHumanWorkersPerDataObject;
    }

    public String getOutputTopic() {
        return outputTopic;
    }

    public void setOutputTopic(String outputTopic) {
        this.outputTopic = outputTopic;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getS3OutputPath() {
        return s3OutputPath;
    }

    public void setS3OutputPath(String s3OutputPath) {
        this.s3OutputPath = s3OutputPath;
    }

    public JobTags getTags() {
        return tags;
    }

    public void setTags(JobTags tags) {
        this.tags = tags;
    }

    public Integer getTaskAvailabilityLifetimeInSeconds() {
        return taskAvailabilityLifetimeInSeconds;
    }

    public void setTaskAvailabilityLifetimeInSeconds(Integer taskAvailabilityLifetimeInSeconds) {
        this.taskAvailabilityLifetimeInSeconds = taskAvailabilityLifetimeInSeconds;
    }

    public String getTaskDescription() {
        return taskDescription;
    }

    public void setTaskDescription(String taskDescription) {
        this.taskDescription = taskDescription;
    }

    public String getTaskKeywords() {
        return taskKeywords;
    }

    public void setTaskKeywords(String taskKeywords) {
        this.taskKeywords = taskKeywords;
    }

    public Integer getTaskTimeLimitInSeconds() {
        return taskTimeLimitInSeconds;
    }

    public void setTaskTimeLimitInSeconds(Integer taskTimeLimitInSeconds) {
        this.taskTimeLimitInSeconds = taskTimeLimitInSeconds;
    }

    public String getTaskTitle() {
        return taskTitle;
    }

    public void setTaskTitle(String taskTitle) {
        this.taskTitle = taskTitle;
    }

    public String getTaskType() {
        return taskType;
    }

    public void setTaskType(String taskType) {
        this.taskType = taskType;
    }

    public String getUiTemplate() {
        return uiTemplate;
    }

    public void setUiTemplate(String uiTemplate) {
        this.uiTemplate = uiTemplate;
    }

    public String getWorkteamArn() {
        return workteamArn;
    }

    public void setWorkteamArn(String workteamArn) {
        this.workteamArn = workteamArn;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getProfileCredentialsName() {
        return profileCredentialsName;
    }

    public void setProfileCredentialsName(String profileCredentialsName) {
        this.profileCredentialsName = profileCredentialsName;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public String getUploadKmsKeyId() {
        return uploadKmsKeyId;
    }

    public void setUploadKmsKeyId(String uploadKmsKeyId) {
        this.uploadKmsKeyId = uploadKmsKeyId;
    }

    public Boolean getUseDefaultCredentialsProvider() {
        return useDefaultCredentialsProvider;
    }

    public void setUseDefaultCredentialsProvider(Boolean useDefaultCredentialsProvider) {
        this.useDefaultCredentialsProvider = useDefaultCredentialsProvider;
    }

    public Boolean getUseProfileCredentialsProvider() {
        return useProfileCredentialsProvider;
    }

    public void setUseProfileCredentialsProvider(Boolean useProfileCredentialsProvider) {
        this.useProfileCredentialsProvider = useProfileCredentialsProvider;
    }

    public Boolean getUseSessionCredentials() {
        return useSessionCredentials;
    }

    public void setUseSessionCredentials(Boolean useSessionCredentials) {
        this.useSessionCredentials = useSessionCredentials;
    }
}
