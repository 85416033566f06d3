package io.github.sagemakerlabeling.local.engine;

import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The input of a one-time (static) job, created with an input manifest and no SNS input topic: the manifest is all
 * there is, read when the job starts, and nothing arrives later. An object such a job did not label when it stopped
 * stays in the manifest.
 */
final class OneTimeInput implements InputSource {

    @Override
    public void open() {
        // the manifest is read when the job starts
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public List<Message> receive(int waitSeconds) {
        return List.of();
    }

    @Override
    public void delete(List<Message> messages) {
        // nothing was received
    }

    @Override
    public void putBack(Collection<String> bodies) {
        // the objects are still in the manifest
    }

    @Override
    public void close() {
        // nothing to close
    }
}
