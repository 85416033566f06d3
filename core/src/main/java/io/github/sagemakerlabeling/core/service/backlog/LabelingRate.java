package io.github.sagemakerlabeling.core.service.backlog;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The job's observed labeling rate: objects labeled per second of the feeding clock over about the last
 * {@code window}, from successive descriptions. Keeps at most 25 samples (one per 1/24 of the window). Not
 * thread-safe: {@link JobSnapshots} calls it under its lock.
 */
final class LabelingRate {

    private final Duration window;
    private final Duration spacing;
    private final Deque<JobSnapshot> samples = new ArrayDeque<>();
    private JobSnapshot latest;

    LabelingRate(Duration window) {
        this.window = window;
        this.spacing = window.dividedBy(24);
    }

    void observe(JobSnapshot snapshot) {
        latest = snapshot;
        if (samples.isEmpty() || !samples.peekLast().at().plus(spacing).isAfter(snapshot.at())) {
            samples.addLast(snapshot);
        }
        while (samples.size() > 1 && samples.peekFirst().at().plus(window).isBefore(snapshot.at())) {
            samples.removeFirst();
        }
    }

    /** Objects labeled per second; 0 until two descriptions some time apart were seen. */
    double perSecond() {
        if (latest == null || samples.isEmpty()) {
            return 0;
        }
        JobSnapshot oldest = samples.peekFirst();
        double seconds = Duration.between(oldest.at(), latest.at()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : Math.max(0, latest.labeled() - oldest.labeled()) / seconds;
    }
}
