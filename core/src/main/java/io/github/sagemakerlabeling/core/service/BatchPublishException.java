package io.github.sagemakerlabeling.core.service;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Some objects of a batch could not be published even after every retry. It names each of them; the others were
 * published and are listed too, so a caller can tell exactly which to send again.
 */
public class BatchPublishException extends RuntimeException {

    private final transient List<FailedObject> failures;
    private final transient List<PublishedObject> published;

    public BatchPublishException(List<FailedObject> failures, List<PublishedObject> published) {
        super(failures.size() + " of " + (failures.size() + published.size()) + " data objects could not be "
                + "published:\n" + failures.stream().map(f -> "  - " + f).collect(Collectors.joining("\n")));
        this.failures = List.copyOf(failures);
        this.published = List.copyOf(published);
    }

    /** The objects that were not published, with the last error of each. */
    public List<FailedObject> failures() {
        return failures;
    }

    /** The objects that were published. */
    public List<PublishedObject> published() {
        return published;
    }

    /**
     * One object that was not published.
     *
     * @param index    its position in the list given to publishAll
     * @param dedupId  its dedup id
     * @param code     the last error code
     * @param message  the last error message
     * @param attempts how many times it was tried
     */
    public record FailedObject(int index, String dedupId, String code, String message, int attempts) {
        @Override
        public String toString() {
            return "object " + index + " (dedup id " + dedupId + "): " + code + ": " + message + " after " + attempts
                    + (attempts == 1 ? " try" : " tries");
        }
    }
}
