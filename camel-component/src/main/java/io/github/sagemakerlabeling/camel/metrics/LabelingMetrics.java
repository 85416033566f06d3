package io.github.sagemakerlabeling.camel.metrics;

import io.github.sagemakerlabeling.core.service.PublishObserver;
import io.github.sagemakerlabeling.core.service.ReceivedOutput;
import io.github.sagemakerlabeling.core.upload.UploadedObject;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.SynchronizationAdapter;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;

/** What an endpoint tells its job's meters (see {@link MeterNames}). Thread-safe. */
public interface LabelingMetrics {

    /** No meters: metrics are off, or there is no Micrometer or no MeterRegistry. */
    LabelingMetrics NONE = new LabelingMetrics() {
        @Override
        public PublishObserver publishing() {
            return PublishObserver.NONE;
        }

        @Override
        public void uploaded(UploadedObject upload) {
        }

        @Override
        public Synchronization routing(ReceivedOutput output) {
            return new SynchronizationAdapter();
        }

        @Override
        public void described(DescribeLabelingJobResponse job) {
        }
    };

    /** Told what the endpoint's publisher published, retried and failed. */
    PublishObserver publishing();

    /** A binary body was stored in S3 (or found there). */
    void uploaded(UploadedObject upload);

    /** An output message starts routing; the returned callback counts how its exchange ended. */
    Synchronization routing(ReceivedOutput output);

    /** DescribeLabelingJob answered: the job's label counters. */
    void described(DescribeLabelingJobResponse job);
}
