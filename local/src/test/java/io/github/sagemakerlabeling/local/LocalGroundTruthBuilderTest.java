package io.github.sagemakerlabeling.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.workers.RandomAnnotator;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder's shorthands hold whichever order they are called in. */
class LocalGroundTruthBuilderTest {

    @Test
    void workforcesAndWorkersSurviveEngineSettingsSetAfterThem() {
        WorkforcePlan people = WorkforcePlan.of(WorkforceMode.PEOPLE);
        RandomAnnotator workers = new RandomAnnotator(7L, 0.0);

        EngineSettings settings = LocalGroundTruth.builder()
                .workforces(people)
                .workers(workers)
                .engineSettings(EngineSettings.defaults().withWorkTime(Duration.ofSeconds(3)))
                .effectiveEngineSettings();

        assertThat(settings.workforces()).isEqualTo(people);
        assertThat(settings.annotator()).isSameAs(workers);
        assertThat(settings.workTime()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void withoutShorthandsTheEngineSettingsAreUsedAsGiven() {
        EngineSettings given = EngineSettings.defaults().withWorkforces(WorkforcePlan.of(WorkforceMode.BOTH));

        assertThat(LocalGroundTruth.builder().engineSettings(given).effectiveEngineSettings()).isEqualTo(given);
    }
}
