package io.github.sagemakerlabeling.local.workers;

import java.util.Locale;

/** Who labels a work team's tasks on Local Ground Truth. */
public enum WorkforceMode {
    /** Simulated workers ({@link Annotator}) answer at once: the default, for tests. */
    SIMULATED,
    /** People in the worker portal answer; an object nobody finishes expires as on AWS. */
    PEOPLE,
    /** People first; what they have not finished after a delay, simulated workers complete. */
    BOTH;

    /** The mode of a name, ignoring case: {@code simulated}, {@code people} or {@code both}. */
    public static WorkforceMode of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("workforce '" + name + "' is not one of simulated, people, both", e);
        }
    }
}
