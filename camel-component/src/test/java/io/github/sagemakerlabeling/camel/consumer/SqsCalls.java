package io.github.sagemakerlabeling.camel.consumer;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;

/** Counts the calls an SQS client makes, by operation, and its receives by queue: an SDK interceptor, not a mock. */
final class SqsCalls implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> receivesByQueue = new ConcurrentHashMap<>();
    private final Map<String, String> attributesSet = new ConcurrentHashMap<>();
    private final List<String> deletedReceiptHandles = new CopyOnWriteArrayList<>();
    private final List<String> deleteErrorCodes = new CopyOnWriteArrayList<>();

    /** A client of the local stack whose calls this counts. */
    SqsClient client(LocalGroundTruth local) {
        return LocalAwsClients.configure(SqsClient.builder(), local.sqsEndpoint(), local.region())
                .overrideConfiguration(o -> o.addExecutionInterceptor(this)).build();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        count(byOperation, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        if (context.request() instanceof ReceiveMessageRequest receive) {
            count(receivesByQueue, receive.queueUrl());
        }
        if (context.request() instanceof SetQueueAttributesRequest set) {
            attributesSet.putAll(set.attributesAsStrings());
        }
        if (context.request() instanceof DeleteMessageBatchRequest delete) {
            delete.entries().stream().map(DeleteMessageBatchRequestEntry::receiptHandle)
                    .forEach(deletedReceiptHandles::add);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof DeleteMessageBatchResponse delete) {
            delete.failed().stream().map(BatchResultErrorEntry::code).forEach(deleteErrorCodes::add);
        }
    }

    int calls(String operation) {
        AtomicInteger count = byOperation.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Every call of these operations. */
    int calls(String... operations) {
        int sum = 0;
        for (String operation : operations) {
            sum += calls(operation);
        }
        return sum;
    }

    /**
     * The queue attributes the client set, by name, the last value of each: what the caller asked SQS for, also
     * where the local SQS ignores an attribute.
     */
    Map<String, String> attributesSet() {
        return Map.copyOf(attributesSet);
    }

    /**
     * The receipt handles of every DeleteMessageBatch call, one per entry and call: a handle twice means the caller
     * sent it again in a call of its own (the SDK's retries of one call do not count).
     */
    List<String> deletedReceiptHandles() {
        return List.copyOf(deletedReceiptHandles);
    }

    /** The error codes of the failed entries of the DeleteMessageBatch calls, as the caller got them. */
    List<String> deleteErrorCodes() {
        return List.copyOf(deleteErrorCodes);
    }

    /** How many queues were received from. */
    int queuesReceivedFrom() {
        return receivesByQueue.size();
    }

    private static void count(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
