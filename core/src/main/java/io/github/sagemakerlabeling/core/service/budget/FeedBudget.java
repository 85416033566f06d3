package io.github.sagemakerlabeling.core.service.budget;

import io.github.sagemakerlabeling.core.service.backlog.FeedCounters;
import io.github.sagemakerlabeling.core.service.backlog.JobSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * How many objects a job may take on: {@code maxObjects} in all and {@code maxObjectsPerDay} a day. Both count what
 * the job itself reports ({@code TotalLabeled + FailedNonRetryableError + Unlabeled}) plus what was sent since it was
 * described, so the spent count survives a restart of the application and includes other applications feeding the
 * same job. Duplicates the job drops spend nothing.
 *
 * <p>Days are 24-hour periods of the feeding clock counted from the job's {@code CreationTime}. Day {@code d} (from
 * 0) allows {@code min(maxObjectsPerDay × (d + 1), takenOnAtDayStart + maxObjectsPerDay)}: at most
 * {@code maxObjectsPerDay} within the day, and never more in all than that many a day since the job was created.
 * The day's start count is the first description of the day this application saw; an application restarted during a
 * day cannot know it and starts counting at its restart, within the second rule. Not thread-safe: a
 * {@link io.github.sagemakerlabeling.core.service.backlog.FeedGate} calls it under its lock.
 */
public final class FeedBudget {

    private static final Duration DAY = Duration.ofDays(1);

    private final String jobName;
    private final OptionalLong maxObjects;
    private final OptionalLong maxObjectsPerDay;
    private long day = -1;
    private long takenOnAtDayStart;
    private boolean totalReported;
    private long dayReported = -1;

    /**
     * @param jobName          the job, for messages
     * @param maxObjects       the most objects in all, if limited (at least 1)
     * @param maxObjectsPerDay the most objects a day, if limited (at least 1)
     */
    public FeedBudget(String jobName, OptionalLong maxObjects, OptionalLong maxObjectsPerDay) {
        this.jobName = jobName;
        this.maxObjects = maxObjects;
        this.maxObjectsPerDay = maxObjectsPerDay;
    }

    /** When the day of {@code now} began for the job: a description older than that cannot tell today's count. */
    public Instant dayStart(JobSnapshot job, Instant now) {
        if (maxObjectsPerDay.isEmpty()) {
            return Instant.MIN;
        }
        return job.createdAt().plus(DAY.multipliedBy(dayOf(job, now)));
    }

    /**
     * Checks that {@code objects} more fit the budget.
     *
     * @param job      a description of the job taken today (see {@link #dayStart})
     * @param counters what the application sent since
     * @param now      the feeding clock's time
     * @throws BudgetSpentException naming the budget, its option and what was spent; the first refusal of each
     *                              budget (of each day, for the daily one) is also left in {@code counters} for a
     *                              job event
     */
    public void check(JobSnapshot job, FeedCounters counters, Instant now, int objects) {
        long spent = job.takenOn(counters);
        if (maxObjects.isPresent() && spent + objects > maxObjects.getAsLong()) {
            String message = "The budget of labeling job '" + jobName + "' is spent: it took on " + spent
                    + " objects and maxObjects=" + maxObjects.getAsLong() + " allows no more; " + objects
                    + " more refused";
            if (!totalReported) {
                totalReported = true;
                counters.budgetSpent(message);
            }
            throw new BudgetSpentException(message, "maxObjects", maxObjects.getAsLong(), spent);
        }
        if (maxObjectsPerDay.isEmpty()) {
            return;
        }
        long perDay = maxObjectsPerDay.getAsLong();
        long today = dayOf(job, now);
        if (today != day) {
            day = today;
            takenOnAtDayStart = spent;
        }
        long allowed = Math.min(saturatedTimes(perDay, today + 1), takenOnAtDayStart + perDay);
        if (spent + objects > allowed) {
            Instant next = job.createdAt().plus(DAY.multipliedBy(today + 1));
            String message = "The daily budget of labeling job '" + jobName + "' is spent: it took on " + spent
                    + " objects, and maxObjectsPerDay=" + perDay + " allows " + allowed + " by the end of day "
                    + (today + 1) + " of the job; " + objects + " more refused until the next day begins at " + next;
            if (dayReported != today) {
                dayReported = today;
                counters.budgetSpent(message);
            }
            throw new BudgetSpentException(message, "maxObjectsPerDay", allowed, spent);
        }
    }

    private static long dayOf(JobSnapshot job, Instant now) {
        Duration age = Duration.between(job.createdAt(), now);
        return age.isNegative() ? 0 : age.toSeconds() / DAY.toSeconds();
    }

    private static long saturatedTimes(long a, long b) {
        long product = a * b;
        return b != 0 && product / b != a ? Long.MAX_VALUE : product;
    }
}
