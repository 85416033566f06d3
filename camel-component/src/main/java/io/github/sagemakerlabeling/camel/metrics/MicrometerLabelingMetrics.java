package io.github.sagemakerlabeling.camel.metrics;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.core.service.PublishObserver;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import io.github.sagemakerlabeling.core.upload.UploadedObject;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;

/** One endpoint's view of its job's meters. */
final class MicrometerLabelingMetrics implements LabelingMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerLabelingMetrics.class);

    private final MicrometerJobMeters meters;
    /** The receive on which a failed message is dead-lettered; empty when the queue has no dead-letter queue. */
    private final OptionalInt deadLetteredAfter;
    private final PublishObserver publishing;

    /** The endpoint's metrics in the registry its options find; none when there is no registry. */
    static LabelingMetrics forEndpoint(CamelContext context, String job, SageMakerLabelingConfiguration options,
                                       Map<List<Object>, Object> jobs) {
        Optional<MeterRegistry> found = MicrometerRegistries.find(context, options.getMetricsRegistry());
        if (found.isEmpty()) {
            LOG.debug("No MeterRegistry in the registry: labeling job '{}' has no meters", job);
            return LabelingMetrics.NONE;
        }
        MeterRegistry registry = found.get();
        MicrometerJobMeters meters = (MicrometerJobMeters) jobs.computeIfAbsent(List.of(registry, job),
                key -> new MicrometerJobMeters(registry, job));
        return new MicrometerLabelingMetrics(meters, options.getDeadLetterQueue() == null ? OptionalInt.empty()
                : OptionalInt.of(options.getMaxReceiveCount()));
    }

    private MicrometerLabelingMetrics(MicrometerJobMeters meters, OptionalInt deadLetteredAfter) {
        this.meters = meters;
        this.deadLetteredAfter = deadLetteredAfter;
        this.publishing = new PublishObserver() {
            @Override
            public void published(int objects) {
                meters.published.increment(objects);
            }

            @Override
            public void retried(int objects) {
                meters.publishRetries.increment(objects);
            }

            @Override
            public void failed(int objects) {
                meters.publishFailed.increment(objects);
            }
        };
    }

    @Override
    public PublishObserver publishing() {
        return publishing;
    }

    @Override
    public void uploaded(UploadedObject upload) {
        if (upload.existed()) {
            meters.reused.increment();
        } else {
            meters.uploaded.increment();
            meters.uploadedBytes.increment(upload.size());
        }
    }

    @Override
    public Synchronization routing(ReceivedOutput output) {
        if (output.isMalformed()) {
            meters.malformed.increment();
        }
        return new Synchronization() {
            @Override
            public void onComplete(Exchange exchange) {
                if (!output.isMalformed()) {
                    meters.labeled.increment();
                }
            }

            @Override
            public void onFailure(Exchange exchange) {
                meters.routeFailures.increment();
                if (deadLetteredAfter.isPresent() && output.receiveCount() >= deadLetteredAfter.getAsInt()) {
                    meters.deadLettered.increment();
                }
            }
        };
    }

    @Override
    public void described(DescribeLabelingJobResponse job) {
        // createJob may ensure another job than the endpoint's: its counters are not this job's.
        if (job.labelCounters() != null && meters.job.equals(job.labelingJobName())) {
            meters.labelCounters.set(job.labelCounters());
        }
    }
}
