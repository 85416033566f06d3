package io.github.sagemakerlabeling.camel.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;

/**
 * The meters of one job in one registry, shared by every endpoint of the job (a producer's and a consumer's count
 * into the same counters, so the in-flight gauge can subtract one from the other).
 */
final class MicrometerJobMeters {

    final String job;
    final Counter published;
    final Counter publishRetries;
    final Counter publishFailed;
    final Counter uploaded;
    final Counter reused;
    final Counter uploadedBytes;
    final Counter labeled;
    final Counter malformed;
    final Counter routeFailures;
    final Counter deadLettered;
    /** The label counters DescribeLabelingJob last answered; null until it first did. */
    final AtomicReference<LabelCounters> labelCounters = new AtomicReference<>();

    MicrometerJobMeters(MeterRegistry registry, String job) {
        this.job = job;
        Tags tags = Tags.of(MeterNames.JOB, job);
        published = counter(registry, MeterNames.PUBLISHED, tags, "Data objects SNS accepted for the job");
        publishRetries = counter(registry, MeterNames.PUBLISH_RETRIES, tags, "Data objects sent to SNS again");
        publishFailed = counter(registry, MeterNames.PUBLISH_FAILED, tags,
                "Data objects not published after every retry");
        uploaded = counter(registry, MeterNames.UPLOADS, tags.and(MeterNames.REUSED, "false"),
                "Binary bodies uploaded to S3");
        reused = counter(registry, MeterNames.UPLOADS, tags.and(MeterNames.REUSED, "true"),
                "Binary bodies uploaded to S3");
        uploadedBytes = Counter.builder(MeterNames.UPLOADED_BYTES).tags(tags).baseUnit("bytes")
                .description("Bytes uploaded to S3").register(registry);
        labeled = counter(registry, MeterNames.LABELED, tags, "Labeled results routed and deleted");
        malformed = counter(registry, MeterNames.MALFORMED, tags, "Output messages that are not output lines");
        routeFailures = counter(registry, MeterNames.ROUTE_FAILURES, tags, "Exchanges of output messages that failed");
        deadLettered = counter(registry, MeterNames.DEAD_LETTERED, tags,
                "Output messages that failed on their maxReceiveCount-th receive");
        Gauge.builder(MeterNames.IN_FLIGHT, this, meters -> meters.published.count() - meters.labeled.count())
                .tags(tags).description("Data objects published and not yet routed labeled").strongReference(true)
                .register(registry);
        labelCounter(registry, tags, "total_labeled", LabelCounters::totalLabeled);
        labelCounter(registry, tags, "human_labeled", LabelCounters::humanLabeled);
        labelCounter(registry, tags, "machine_labeled", LabelCounters::machineLabeled);
        labelCounter(registry, tags, "failed_non_retryable_error", LabelCounters::failedNonRetryableError);
        labelCounter(registry, tags, "unlabeled", LabelCounters::unlabeled);
    }

    private static Counter counter(MeterRegistry registry, String name, Tags tags, String description) {
        return Counter.builder(name).tags(tags).description(description).register(registry);
    }

    /** A gauge of one of the job's label counters; NaN until the job was described with it. */
    private void labelCounter(MeterRegistry registry, Tags tags, String counter,
                              Function<LabelCounters, Integer> value) {
        Gauge.builder(MeterNames.LABEL_COUNTERS, labelCounters, last -> Optional.ofNullable(last.get()).map(value)
                        .map(Integer::doubleValue).orElse(Double.NaN))
                .tags(tags.and(MeterNames.COUNTER, counter)).description("The job's label counters")
                .strongReference(true).register(registry);
    }
}
