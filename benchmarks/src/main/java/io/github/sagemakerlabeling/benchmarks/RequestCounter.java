package io.github.sagemakerlabeling.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests an SDK client sends, by operation: {@code beforeTransmission} runs once per attempt, so
 * retries count too. Every variant that is compared gets a client with this interceptor (the component's client
 * bean, the aws2-sns/aws2-sqs client bean, the raw SDK client), so all are counted the same way.
 */
final class RequestCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        byOperation.computeIfAbsent(operation == null ? "?" : operation, k -> new LongAdder()).increment();
    }

    void reset() {
        byOperation.clear();
    }

    long total() {
        return byOperation.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The counts by operation, e.g. {@code PublishBatch=2000}. */
    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }
}
