package io.github.sagemakerlabeling.camel.producer;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * An SNS client for Local Ground Truth that counts the API calls it makes, by operation, and the HTTP attempts the
 * SDK's retries make of them.
 */
final class CountingSnsClient implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final SnsClient client;

    CountingSnsClient(LocalGroundTruth local) {
        client = LocalAwsClients.configure(SnsClient.builder(), local.snsEndpoint(), local.region())
                .overrideConfiguration(o -> o.addExecutionInterceptor(this))
                .build();
    }

    SnsClient client() {
        return client;
    }

    /** How many calls of the operation (for example PublishBatch) were made. */
    int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** How many HTTP requests the calls of the operation took, the SDK's retries included. */
    int attempts(String operation) {
        return attempts.getOrDefault(operation, new AtomicInteger()).get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                name -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), name -> new AtomicInteger())
                .incrementAndGet();
    }
}
