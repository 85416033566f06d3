package io.github.sagemakerlabeling.local.workers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which workforce labels each work team's jobs: a default mode and modes for named teams (the work team's name, the
 * last part of its ARN, or the whole ARN).
 *
 * <pre>{@code
 * WorkforcePlan plan = WorkforcePlan.of(WorkforceMode.SIMULATED).team("reviewers", WorkforceMode.PEOPLE);
 * }</pre>
 *
 * @param defaultMode    the mode of teams not named
 * @param teams          modes by team name or ARN
 * @param simulatedAfter in {@link WorkforceMode#BOTH}, how long people have before simulated workers complete an object
 */
public record WorkforcePlan(WorkforceMode defaultMode, Map<String, WorkforceMode> teams, Duration simulatedAfter) {

    /** How long people have in {@link WorkforceMode#BOTH} unless told otherwise. */
    public static final Duration DEFAULT_SIMULATED_AFTER = Duration.ofSeconds(60);

    public WorkforcePlan {
        Objects.requireNonNull(defaultMode, "defaultMode");
        teams = Map.copyOf(teams);
        Objects.requireNonNull(simulatedAfter, "simulatedAfter");
    }

    /** Every team in one mode. */
    public static WorkforcePlan of(WorkforceMode mode) {
        return new WorkforcePlan(mode, Map.of(), DEFAULT_SIMULATED_AFTER);
    }

    /** Simulated workers for every team: today's default. */
    public static WorkforcePlan simulated() {
        return of(WorkforceMode.SIMULATED);
    }

    /** This plan with one team in its own mode. */
    public WorkforcePlan team(String teamNameOrArn, WorkforceMode mode) {
        Map<String, WorkforceMode> copy = new LinkedHashMap<>(teams);
        copy.put(teamNameOrArn, mode);
        return new WorkforcePlan(defaultMode, copy, simulatedAfter);
    }

    /** This plan with another delay before simulated workers help people. */
    public WorkforcePlan simulatedAfter(Duration delay) {
        return new WorkforcePlan(defaultMode, teams, delay);
    }

    /** The mode of a job's work team. */
    public WorkforceMode modeOf(String workteamArn) {
        WorkforceMode byArn = teams.get(workteamArn);
        if (byArn != null) {
            return byArn;
        }
        String name = workteamArn.substring(workteamArn.lastIndexOf('/') + 1);
        return teams.getOrDefault(name, defaultMode);
    }

    /** Whether some team's tasks go to people. */
    public boolean involvesPeople() {
        return defaultMode != WorkforceMode.SIMULATED
                || teams.values().stream().anyMatch(mode -> mode != WorkforceMode.SIMULATED);
    }
}
