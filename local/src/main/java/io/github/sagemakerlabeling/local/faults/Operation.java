package io.github.sagemakerlabeling.local.faults;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An operation of a Local Ground Truth service that faults can be injected into: a whole request ({@code Publish},
 * {@code ReceiveMessage}, {@code CreateLabelingJob}, ...) or each entry of a batch request
 * ({@link #SNS_PUBLISH_BATCH_ENTRY}, ...), where a hit entry is reported in the response's {@code Failed} list and
 * the others succeed.
 */
public enum Operation {

    SNS_CREATE_TOPIC(Service.SNS, "CreateTopic"),
    SNS_DELETE_TOPIC(Service.SNS, "DeleteTopic"),
    SNS_LIST_TOPICS(Service.SNS, "ListTopics"),
    SNS_GET_TOPIC_ATTRIBUTES(Service.SNS, "GetTopicAttributes"),
    SNS_SET_TOPIC_ATTRIBUTES(Service.SNS, "SetTopicAttributes"),
    SNS_SUBSCRIBE(Service.SNS, "Subscribe"),
    SNS_UNSUBSCRIBE(Service.SNS, "Unsubscribe"),
    SNS_LIST_SUBSCRIPTIONS(Service.SNS, "ListSubscriptions"),
    SNS_LIST_SUBSCRIPTIONS_BY_TOPIC(Service.SNS, "ListSubscriptionsByTopic"),
    SNS_GET_SUBSCRIPTION_ATTRIBUTES(Service.SNS, "GetSubscriptionAttributes"),
    SNS_SET_SUBSCRIPTION_ATTRIBUTES(Service.SNS, "SetSubscriptionAttributes"),
    SNS_PUBLISH(Service.SNS, "Publish"),
    /** A whole {@code PublishBatch} request. */
    SNS_PUBLISH_BATCH(Service.SNS, "PublishBatch"),
    /** Each entry of a {@code PublishBatch} request, on its own; a hit entry is not published. */
    SNS_PUBLISH_BATCH_ENTRY(Service.SNS, "PublishBatch", true),

    SQS_CREATE_QUEUE(Service.SQS, "CreateQueue"),
    SQS_DELETE_QUEUE(Service.SQS, "DeleteQueue"),
    SQS_GET_QUEUE_URL(Service.SQS, "GetQueueUrl"),
    SQS_GET_QUEUE_ATTRIBUTES(Service.SQS, "GetQueueAttributes"),
    SQS_SET_QUEUE_ATTRIBUTES(Service.SQS, "SetQueueAttributes"),
    SQS_LIST_QUEUES(Service.SQS, "ListQueues"),
    SQS_PURGE_QUEUE(Service.SQS, "PurgeQueue"),
    SQS_SEND_MESSAGE(Service.SQS, "SendMessage"),
    SQS_SEND_MESSAGE_BATCH(Service.SQS, "SendMessageBatch"),
    /** Each entry of a {@code SendMessageBatch} request (JSON protocol); a hit entry is not sent. */
    SQS_SEND_MESSAGE_BATCH_ENTRY(Service.SQS, "SendMessageBatch", true),
    SQS_RECEIVE_MESSAGE(Service.SQS, "ReceiveMessage"),
    SQS_DELETE_MESSAGE(Service.SQS, "DeleteMessage"),
    SQS_DELETE_MESSAGE_BATCH(Service.SQS, "DeleteMessageBatch"),
    /** Each entry of a {@code DeleteMessageBatch} request (JSON protocol); a hit entry's message stays. */
    SQS_DELETE_MESSAGE_BATCH_ENTRY(Service.SQS, "DeleteMessageBatch", true),
    SQS_CHANGE_MESSAGE_VISIBILITY(Service.SQS, "ChangeMessageVisibility"),
    SQS_CHANGE_MESSAGE_VISIBILITY_BATCH(Service.SQS, "ChangeMessageVisibilityBatch"),
    /** Each entry of a {@code ChangeMessageVisibilityBatch} request (JSON protocol). */
    SQS_CHANGE_MESSAGE_VISIBILITY_BATCH_ENTRY(Service.SQS, "ChangeMessageVisibilityBatch", true),

    SAGEMAKER_CREATE_LABELING_JOB(Service.SAGEMAKER, "CreateLabelingJob"),
    SAGEMAKER_DESCRIBE_LABELING_JOB(Service.SAGEMAKER, "DescribeLabelingJob"),
    SAGEMAKER_LIST_LABELING_JOBS(Service.SAGEMAKER, "ListLabelingJobs"),
    SAGEMAKER_STOP_LABELING_JOB(Service.SAGEMAKER, "StopLabelingJob");

    /** The service an operation belongs to. */
    public enum Service {
        SNS, SQS, SAGEMAKER
    }

    private static final Map<Service, Map<String, Operation>> REQUESTS = new EnumMap<>(Service.class);
    private static final Map<Service, Map<String, Operation>> ENTRIES = new EnumMap<>(Service.class);

    static {
        for (Operation operation : values()) {
            (operation.batchEntry ? ENTRIES : REQUESTS).computeIfAbsent(operation.service, s -> new HashMap<>())
                    .put(operation.action, operation);
        }
    }

    private final Service service;
    private final String action;
    private final boolean batchEntry;

    Operation(Service service, String action) {
        this(service, action, false);
    }

    Operation(Service service, String action, boolean batchEntry) {
        this.service = service;
        this.action = action;
        this.batchEntry = batchEntry;
    }

    public Service service() {
        return service;
    }

    /** The action's name on the wire, e.g. {@code PublishBatch} (also for its entry operation). */
    public String action() {
        return action;
    }

    /** Whether this operation is each entry of a batch request rather than a whole request. */
    public boolean batchEntry() {
        return batchEntry;
    }

    /** The whole-request operation of a service's action, e.g. {@code (SQS, "ReceiveMessage")}. */
    public static Optional<Operation> request(Service service, String action) {
        return Optional.ofNullable(action == null ? null : REQUESTS.getOrDefault(service, Map.of()).get(action));
    }

    /** The per-entry operation of a service's batch action, e.g. {@code (SNS, "PublishBatch")}. */
    public static Optional<Operation> entry(Service service, String action) {
        return Optional.ofNullable(action == null ? null : ENTRIES.getOrDefault(service, Map.of()).get(action));
    }
}
