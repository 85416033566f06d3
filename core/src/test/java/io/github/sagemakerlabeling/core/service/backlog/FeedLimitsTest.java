package io.github.sagemakerlabeling.core.service.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.service.budget.BudgetSpentException;
import io.github.sagemakerlabeling.core.service.budget.FeedBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The arithmetic of the backlog estimate, the auto bound and the daily budget, on snapshots made by hand. */
class FeedLimitsTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theBacklogIsUnlabeledPlusInTransitPlusSentSinceLessResultsSince() {
        FeedCounters counters = new FeedCounters();
        counters.sent(10);
        JobSnapshot job = snapshot(CREATED, 4, 2, 3, counters).withInTransit(1);
        counters.sent(5);
        counters.finished(2);

        assertThat(job.backlog(counters)).isEqualTo(3 + 1 + 5 - 2);
        assertThat(job.takenOn(counters)).as("labeled + failed + unlabeled + in transit + sent since")
                .isEqualTo(4 + 2 + 3 + 1 + 5);
        counters.finished(100);
        assertThat(job.backlog(counters)).as("never below zero").isZero();
    }

    @Test
    void theAutoBoundAddsWhatTheJobLabelsInHalfTheExpiry() {
        BacklogBound bound = BacklogBound.auto(Duration.ofDays(14));
        JobSnapshot job = snapshot(CREATED, 0, 0, 0, new FeedCounters());

        assertThat(bound.of(job, 0)).as("no rate seen: MaxConcurrentTaskCount").isEqualTo(1000);
        // 100 objects an hour: 14 days / 2 = 168 hours of them
        assertThat(bound.of(job, 100 / 3600.0)).isEqualTo(1000 + 16_800);
        assertThat(bound.explain(job, 100 / 3600.0))
                .isEqualTo("maxBacklog=auto: MaxConcurrentTaskCount 1000 + 100.00 objects/h x backlogExpiry PT336H / 2");
    }

    @Test
    void aDayAllowsItsShareAndNeverMoreInAllThanOneShareADaySinceCreation() {
        FeedCounters counters = new FeedCounters();
        FeedBudget budget = new FeedBudget("reviews", OptionalLong.empty(), OptionalLong.of(10));
        Instant thirdDay = CREATED.plus(Duration.ofDays(2)).plusSeconds(60);

        // 5 taken on in two days: day 3 may take 10 more (its share), not the 25 the three days would allow
        JobSnapshot job = snapshot(thirdDay, 5, 0, 0, counters);
        budget.check(job, counters, thirdDay, 10);
        assertThatThrownBy(() -> budget.check(job, counters, thirdDay, 11))
                .isInstanceOf(BudgetSpentException.class)
                .hasMessageContaining("maxObjectsPerDay=10 allows 15 by the end of day 3 of the job");
        assertThat(budget.dayStart(job, thirdDay)).isEqualTo(CREATED.plus(Duration.ofDays(2)));
        assertThat(counters.takeBudgetSpent()).as("reported once for the day").isPresent();
        assertThat(counters.takeBudgetSpent()).isEmpty();
    }

    @Test
    void aJobThatTookOnMoreThanItsDaysAllowRefusesTheDay() {
        FeedCounters counters = new FeedCounters();
        FeedBudget budget = new FeedBudget("reviews", OptionalLong.of(100), OptionalLong.of(10));
        Instant firstDay = CREATED.plusSeconds(60);
        JobSnapshot job = snapshot(firstDay, 8, 1, 0, counters);

        budget.check(job, counters, firstDay, 1);
        assertThatThrownBy(() -> budget.check(job, counters, firstDay, 2))
                .isInstanceOfSatisfying(BudgetSpentException.class, e -> {
                    assertThat(e.option()).isEqualTo("maxObjectsPerDay");
                    assertThat(e.limit()).isEqualTo(10);
                    assertThat(e.spent()).isEqualTo(9);
                });
    }

    private static JobSnapshot snapshot(Instant at, long labeled, long failed, long unlabeled, FeedCounters counters) {
        return new JobSnapshot(at, CREATED, 1000, labeled, failed, unlabeled, counters.sent(), counters.finished(), 0);
    }
}
