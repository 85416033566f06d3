package io.github.sagemakerlabeling.local.sagemaker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every labeling job ever created, by name. Names are unique without regard to case and never freed: there is no
 * DeleteLabelingJob, so a name stays taken after its job stopped, as it does in the service.
 */
final class LabelingJobRegistry {

    private final Map<String, LocalLabelingJob> jobs = new LinkedHashMap<>();

    /** Adds the job; returns false when the name is already taken. */
    synchronized boolean add(LocalLabelingJob job) {
        return jobs.putIfAbsent(key(job.name()), job) == null;
    }

    synchronized Optional<LocalLabelingJob> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(jobs.get(key(name)));
    }

    /** All jobs in creation order. */
    synchronized List<LocalLabelingJob> all() {
        return new ArrayList<>(jobs.values());
    }

    /** Forgets every job (between tests). */
    synchronized void clear() {
        jobs.clear();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
