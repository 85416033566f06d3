package io.github.sagemakerlabeling.local.engine;

import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Where a job's data objects come from once it runs, besides its input manifest (which {@link JobStart} reads for
 * every job): a streaming job's queue on its SNS input topic ({@link JobQueue}), or nothing more for a one-time job
 * ({@link OneTimeInput}), which is done when its manifest's objects are.
 */
interface InputSource {

    /**
     * Opens the source the moment the job is created, so nothing sent from then on is lost.
     *
     * @throws JobFailure naming what cannot be used
     */
    void open();

    /** Whether objects may keep arriving: a streaming job runs until stopped, a one-time job completes. */
    boolean isStreaming();

    /** Up to ten new messages, waiting for the first up to {@code waitSeconds}. */
    List<Message> receive(int waitSeconds);

    /** Forgets messages the job has taken in. */
    void delete(List<Message> messages);

    /** Keeps the messages of objects a stopped job did not label, for whoever reads the source next. */
    void putBack(Collection<String> bodies);

    /** Closes the source when the job ends; what it still holds stays. */
    void close();
}
