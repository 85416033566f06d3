package io.github.sagemakerlabeling.local.workers;

import java.util.Optional;

/**
 * A simulated human worker. Local Ground Truth calls it once per worker of each data object
 * ({@code NumberOfHumanWorkersPerDataObject} times) and consolidates the answers as Ground Truth does.
 */
@FunctionalInterface
public interface Annotator {

    /**
     * The worker's answer, or empty when the worker lets the task expire without answering.
     *
     * @throws RuntimeException to simulate a worker who cannot label the object; the task then counts as unanswered
     */
    Optional<WorkerAnswer> annotate(AnnotationTask task);
}
