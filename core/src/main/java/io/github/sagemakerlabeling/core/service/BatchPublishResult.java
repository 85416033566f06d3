package io.github.sagemakerlabeling.core.service;

import io.github.sagemakerlabeling.core.service.BatchPublishException.FailedObject;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of each object of a batch given to {@link DataObjectPublisher#publishBatch(List)}: published, or
 * failed after every retry. Every object has exactly one of the two.
 */
public final class BatchPublishResult {

    private final PublishedObject[] published;
    private final FailedObject[] failures;

    BatchPublishResult(PublishedObject[] published, FailedObject[] failures) {
        this.published = published.clone();
        this.failures = failures.clone();
        for (int i = 0; i < published.length; i++) {
            if ((published[i] == null) == (failures[i] == null)) {
                throw new IllegalStateException("object " + i + " must be either published or failed");
            }
        }
    }

    /** How many objects the batch had. */
    public int size() {
        return published.length;
    }

    /** The object at this position of the batch, if it was published. */
    public Optional<PublishedObject> published(int position) {
        return Optional.ofNullable(published[position]);
    }

    /** Why the object at this position of the batch was not published, if it was not. */
    public Optional<FailedObject> failure(int position) {
        return Optional.ofNullable(failures[position]);
    }

    /** The published objects, in batch order. */
    public List<PublishedObject> published() {
        return Arrays.stream(published).filter(Objects::nonNull).toList();
    }

    /** The objects that were not published, in batch order. */
    public List<FailedObject> failures() {
        return Arrays.stream(failures).filter(Objects::nonNull).toList();
    }

    /**
     * The published objects in batch order, when all were published.
     *
     * @throws BatchPublishException naming every object that was not
     */
    public List<PublishedObject> orThrow() {
        List<FailedObject> failed = failures();
        if (!failed.isEmpty()) {
            throw new BatchPublishException(failed, published());
        }
        return published();
    }
}
