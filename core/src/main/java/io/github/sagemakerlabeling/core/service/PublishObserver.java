package io.github.sagemakerlabeling.core.service;

/**
 * Told what a {@link DataObjectPublisher} did, for metrics. Called on the publishing threads; implementations must be
 * thread-safe and quick.
 */
public interface PublishObserver {

    /** Observes nothing. */
    PublishObserver NONE = new PublishObserver() {
    };

    /** SNS accepted this many data objects. */
    default void published(int objects) {
    }

    /**
     * This many data objects are sent to SNS again: the entries of a PublishBatch round after SNS failed them on its
     * side, or the objects of a Publish or PublishBatch call the AWS SDK tries again.
     */
    default void retried(int objects) {
    }

    /** This many data objects were not published after every retry. */
    default void failed(int objects) {
    }
}
