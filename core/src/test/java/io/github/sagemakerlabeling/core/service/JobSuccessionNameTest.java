package io.github.sagemakerlabeling.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import org.junit.jupiter.api.Test;

/** The names of a rollover chain's jobs keep within SageMaker's job name rule. */
class JobSuccessionNameTest {

    @Test
    void theOriginKeepsItsNameAndSuccessorsAreNumberedFromTwo() {
        assertThat(JobSuccession.jobName("reviews", 1)).isEqualTo("reviews");
        assertThat(JobSuccession.jobName("reviews", 2)).isEqualTo("reviews-2");
        assertThat(JobSuccession.jobName("reviews-2", 2)).isEqualTo("reviews-2-2");
        assertThat(JobSuccession.jobName("reviews", 12)).isEqualTo("reviews-12");
    }

    @Test
    void aLongOriginIsCutSoThatTheNameHasAtMost63Characters() {
        String origin = "a".repeat(63);

        assertThat(JobSuccession.jobName(origin, 2)).hasSize(63).isEqualTo("a".repeat(61) + "-2");
        assertThat(JobSuccession.jobName(origin, 100)).hasSize(63).endsWith("a-100");
        assertThat(JobSuccession.jobName("a".repeat(60), 2)).hasSize(62);
    }

    @Test
    void aCutThatEndsInHyphensStillGivesAValidName() {
        String origin = "a".repeat(59) + "-b-c";

        assertThat(JobSuccession.jobName(origin, 10)).isEqualTo("a".repeat(59) + "--10").hasSize(63);
    }

    @Test
    void aNameTheOriginCannotYieldIsReportedWithTheRule() {
        assertThatThrownBy(() -> JobSuccession.jobName("bad_name", 2))
                .isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("labelingJobName").hasMessageContaining("bad_name-2")
                .hasMessageContaining("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
        assertThatThrownBy(() -> JobSuccession.jobName("reviews", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
