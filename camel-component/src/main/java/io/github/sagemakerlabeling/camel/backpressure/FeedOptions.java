package io.github.sagemakerlabeling.camel.backpressure;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.core.service.backlog.BacklogBound;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The back-pressure and budget options, checked when the endpoint starts, before any AWS call. */
public final class FeedOptions {

    static final String AUTO = "auto";

    private FeedOptions() {
    }

    /** Every broken rule of the options, each naming the option, its value and the rule. */
    public static List<Violation> violations(SageMakerLabelingConfiguration options) {
        List<Violation> violations = new ArrayList<>();
        String maxBacklog = options.getMaxBacklog();
        if (maxBacklog != null && !AUTO.equalsIgnoreCase(maxBacklog.trim())) {
            try {
                if (Long.parseLong(maxBacklog.trim()) < 1) {
                    violations.add(new Violation("maxBacklog", maxBacklog, "must be at least 1, or auto"));
                }
            } catch (NumberFormatException e) {
                violations.add(new Violation("maxBacklog", maxBacklog, "must be a whole number of objects, or auto"));
            }
        }
        positive(violations, "maxObjects", options.getMaxObjects());
        positive(violations, "maxObjectsPerDay", options.getMaxObjectsPerDay());
        if (options.getBacklogTimeout() < 0) {
            violations.add(new Violation("backlogTimeout", options.getBacklogTimeout(), "must not be negative"));
        }
        if (options.getBacklogCheckInterval() < 0) {
            violations.add(new Violation("backlogCheckInterval", options.getBacklogCheckInterval(),
                    "must not be negative"));
        }
        if (options.getBacklogExpiry() < 1) {
            violations.add(new Violation("backlogExpiry", options.getBacklogExpiry(), "must be positive"));
        }
        return violations;
    }

    /** Whether any option asks the producer to check the job before sending. */
    static boolean wanted(SageMakerLabelingConfiguration options) {
        return options.getMaxBacklog() != null || options.getMaxObjects() != null
                || options.getMaxObjectsPerDay() != null;
    }

    /** The bound of valid options, if one is set. */
    static Optional<BacklogBound> bound(SageMakerLabelingConfiguration options) {
        String maxBacklog = options.getMaxBacklog();
        if (maxBacklog == null) {
            return Optional.empty();
        }
        return Optional.of(AUTO.equalsIgnoreCase(maxBacklog.trim())
                ? BacklogBound.auto(Duration.ofMillis(options.getBacklogExpiry()))
                : BacklogBound.fixed(Long.parseLong(maxBacklog.trim())));
    }

    private static void positive(List<Violation> violations, String option, Long value) {
        if (value != null && value < 1) {
            violations.add(new Violation(option, value, "must be at least 1"));
        }
    }
}
