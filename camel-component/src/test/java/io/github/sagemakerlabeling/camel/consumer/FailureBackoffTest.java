package io.github.sagemakerlabeling.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FailureBackoffTest {

    @Test
    void doublesWithEachReceiveUpToTheMaximum() {
        FailureBackoff backoff = new FailureBackoff(Duration.ofSeconds(1), Duration.ofSeconds(20));

        assertThat(IntStream.rangeClosed(1, 7).map(backoff::seconds)).containsExactly(1, 2, 4, 8, 16, 20, 20);
    }

    @Test
    void zeroReleasesAtOnceAndSubSecondRoundsUpToOneSecond() {
        assertThat(new FailureBackoff(Duration.ZERO, Duration.ofMinutes(5)).seconds(9)).isZero();
        assertThat(new FailureBackoff(Duration.ofMillis(200), Duration.ofMinutes(5)).seconds(1)).isEqualTo(1);
    }

    @Test
    void neverExceedsTwelveHoursNorOverflows() {
        FailureBackoff backoff = new FailureBackoff(Duration.ofMinutes(10), Duration.ofDays(2));

        assertThat(backoff.seconds(1_000)).isEqualTo(43_200);
        assertThat(backoff.seconds(Integer.MAX_VALUE)).isEqualTo(43_200);
    }

    @Test
    void aNegativeDurationIsRejected() {
        assertThatThrownBy(() -> new FailureBackoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("failureBackoff");
    }
}
