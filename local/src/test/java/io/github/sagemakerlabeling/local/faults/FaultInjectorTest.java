package io.github.sagemakerlabeling.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.faults.Operation.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The injector's decisions: seeded and repeatable per operation, counted, limited, cleared. */
class FaultInjectorTest {

    private final FaultInjector faults = new FaultInjector();

    @Test
    void theSameSeedGivesTheSameHitsAndAnotherSeedOthers() {
        faults.inject(Operation.SNS_PUBLISH, Fault.throttling(0.5));

        List<Boolean> first = hits(faults.seed(7), Operation.SNS_PUBLISH, 200);
        List<Boolean> again = hits(faults.seed(7), Operation.SNS_PUBLISH, 200);
        List<Boolean> other = hits(faults.seed(8), Operation.SNS_PUBLISH, 200);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).contains(true, false);
    }

    @Test
    void neighbouringSeedsGiveUnrelatedSequencesNotShiftedCopies() {
        faults.inject(Operation.SNS_PUBLISH, Fault.throttling(0.5));
        List<Boolean> seven = hits(faults.seed(7), Operation.SNS_PUBLISH, 300);
        List<Boolean> eight = hits(faults.seed(8), Operation.SNS_PUBLISH, 300);

        for (int shift = 0; shift <= 100; shift++) {
            assertThat(eight.subList(0, 200)).as("shift %d", shift).isNotEqualTo(seven.subList(shift, shift + 200));
            assertThat(seven.subList(0, 200)).as("shift %d", shift).isNotEqualTo(eight.subList(shift, shift + 200));
        }
    }

    @Test
    void eachOperationHasItsOwnSequence() {
        faults.inject(Operation.SNS_PUBLISH, Fault.serverError(0.5))
                .inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(0.5));
        List<Boolean> alone = hits(faults.seed(3), Operation.SNS_PUBLISH, 100);

        faults.seed(3);
        List<Boolean> interleaved = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            faults.decide(Operation.SQS_RECEIVE_MESSAGE);
            interleaved.add(faults.decide(Operation.SNS_PUBLISH).failure().isPresent());
        }

        assertThat(interleaved).isEqualTo(alone);
    }

    @Test
    void aFreshInjectorAndOneAfterResetDrawTheDefaultSequence() {
        faults.inject(Operation.SQS_SEND_MESSAGE, Fault.throttling(0.3));
        List<Boolean> fresh = hits(faults, Operation.SQS_SEND_MESSAGE, 100);

        faults.seed(99).reset().inject(Operation.SQS_SEND_MESSAGE, Fault.throttling(0.3));

        assertThat(faults.seed()).isEqualTo(FaultInjector.DEFAULT_SEED);
        assertThat(hits(faults, Operation.SQS_SEND_MESSAGE, 100)).isEqualTo(fresh);
    }

    @Test
    void theFractionHitIsTheProbability() {
        faults.inject(Operation.SQS_RECEIVE_MESSAGE, Fault.serverError(0.3));

        long hit = hits(faults, Operation.SQS_RECEIVE_MESSAGE, 10_000).stream().filter(h -> h).count();

        assertThat(hit).isBetween(2_800L, 3_200L);
        assertThat(faults.injected(Operation.SQS_RECEIVE_MESSAGE)).isEqualTo(hit);
        assertThat(faults.injected(Operation.SQS_RECEIVE_MESSAGE, Fault.Kind.SERVER_ERROR)).isEqualTo(hit);
        assertThat(faults.injected(Operation.SQS_RECEIVE_MESSAGE, Fault.Kind.THROTTLING)).isZero();
    }

    @Test
    void probabilityZeroNeverHitsAndOneAlwaysDoes() {
        faults.inject(Operation.SNS_PUBLISH, Fault.throttling(0.0))
                .inject(Operation.SNS_CREATE_TOPIC, Fault.throttling(1.0));

        assertThat(hits(faults, Operation.SNS_PUBLISH, 1_000)).containsOnly(false);
        assertThat(hits(faults, Operation.SNS_CREATE_TOPIC, 1_000)).containsOnly(true);
    }

    @Test
    void anOperationWithoutFaultsAndAnUnknownOneAreNeverHit() {
        faults.inject(Operation.SNS_PUBLISH, Fault.throttling(1.0));

        assertThat(faults.decide(Operation.SNS_PUBLISH_BATCH)).isSameAs(FaultDecision.NONE);
        assertThat(faults.decide(null)).isSameAs(FaultDecision.NONE);
        assertThat(faults.active(Operation.SNS_PUBLISH_BATCH)).isFalse();
        assertThat(faults.active(Operation.SNS_PUBLISH)).isTrue();
        assertThat(faults.active(null)).isFalse();
    }

    @Test
    void timesLimitsHowManyRequestsAFaultHits() {
        faults.inject(Operation.SAGEMAKER_DESCRIBE_LABELING_JOB, Fault.serverError(1.0).times(2));

        assertThat(hits(faults, Operation.SAGEMAKER_DESCRIBE_LABELING_JOB, 5))
                .containsExactly(true, true, false, false, false);
        assertThat(faults.injected(Operation.SAGEMAKER_DESCRIBE_LABELING_JOB)).isEqualTo(2);
        assertThat(faults.faults(Operation.SAGEMAKER_DESCRIBE_LABELING_JOB)).hasSize(1);
    }

    @Test
    void delaysAddUpAndTheFirstFailureThatHitsDecides() {
        faults.inject(Operation.SNS_PUBLISH, Fault.delay(Duration.ofMillis(100)))
                .inject(Operation.SNS_PUBLISH, Fault.serverErrorAfterProcessing(1.0))
                .inject(Operation.SNS_PUBLISH, Fault.throttling(1.0))
                .inject(Operation.SNS_PUBLISH, Fault.delay(Duration.ofMillis(50)));

        FaultDecision decision = faults.decide(Operation.SNS_PUBLISH);

        assertThat(decision.delay()).isEqualTo(Duration.ofMillis(150));
        assertThat(decision.failure()).contains(Fault.Kind.SERVER_ERROR);
        assertThat(decision.failsAfterProcessing()).isTrue();
        assertThat(decision.failsBeforeProcessing()).isFalse();
        assertThat(faults.injected(Operation.SNS_PUBLISH, Fault.Kind.DELAY)).isEqualTo(2);
        assertThat(faults.injected(Operation.SNS_PUBLISH, Fault.Kind.SERVER_ERROR)).isEqualTo(1);
        assertThat(faults.injected(Operation.SNS_PUBLISH, Fault.Kind.THROTTLING)).isZero();
        assertThat(faults.injected()).isEqualTo(Map.of(Operation.SNS_PUBLISH, 3L));
    }

    @Test
    void clearRemovesFaultsButKeepsTheCountsUntilTheyAreReset() {
        faults.inject(Operation.SNS_PUBLISH, Fault.throttling(1.0))
                .inject(Operation.SQS_SEND_MESSAGE, Fault.throttling(1.0));
        faults.decide(Operation.SNS_PUBLISH);
        faults.decide(Operation.SQS_SEND_MESSAGE);

        faults.clear(Operation.SNS_PUBLISH);
        assertThat(faults.decide(Operation.SNS_PUBLISH)).isSameAs(FaultDecision.NONE);
        assertThat(faults.decide(Operation.SQS_SEND_MESSAGE).failure()).contains(Fault.Kind.THROTTLING);

        faults.clear();
        assertThat(faults.decide(Operation.SQS_SEND_MESSAGE)).isSameAs(FaultDecision.NONE);
        assertThat(faults.faults(Operation.SQS_SEND_MESSAGE)).isEmpty();
        assertThat(faults.injected(Operation.SNS_PUBLISH)).isEqualTo(1);
        assertThat(faults.injected(Operation.SQS_SEND_MESSAGE)).isEqualTo(2);

        faults.resetCounters();
        assertThat(faults.injected()).isEmpty();
    }

    @Test
    void badFaultsAreRefused() {
        assertThatThrownBy(() -> Fault.throttling(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> Fault.serverError(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.serverError(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.throttling(0.5).times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.delay(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SNS_PUBLISH_BATCH");
    }

    @Test
    void operationsAreFoundByServiceAndActionName() {
        assertThat(Operation.request(Service.SNS, "Publish")).contains(Operation.SNS_PUBLISH);
        assertThat(Operation.request(Service.SQS, "ReceiveMessage")).contains(Operation.SQS_RECEIVE_MESSAGE);
        assertThat(Operation.request(Service.SAGEMAKER, "CreateLabelingJob"))
                .contains(Operation.SAGEMAKER_CREATE_LABELING_JOB);
        assertThat(Operation.entry(Service.SNS, "PublishBatch")).contains(Operation.SNS_PUBLISH_BATCH_ENTRY);
        assertThat(Operation.entry(Service.SQS, "DeleteMessageBatch")).contains(Operation.SQS_DELETE_MESSAGE_BATCH_ENTRY);
        assertThat(Operation.request(Service.SNS, "PublishBatch")).contains(Operation.SNS_PUBLISH_BATCH);
        assertThat(Operation.request(Service.SNS, "ReceiveMessage")).isEmpty();
        assertThat(Operation.request(Service.SQS, null)).isEmpty();
        assertThat(Operation.entry(Service.SQS, "SendMessage")).isEmpty();
    }

    @Test
    void eachServiceHasItsOwnErrorForms() {
        assertThat(WireError.of(Service.SNS, Fault.Kind.THROTTLING))
                .extracting(WireError::httpStatus, WireError::code, WireError::type).containsExactly(429, "Throttled", "Sender");
        assertThat(WireError.of(Service.SNS, Fault.Kind.SERVER_ERROR))
                .extracting(WireError::httpStatus, WireError::code, WireError::type)
                .containsExactly(500, "InternalError", "Receiver");
        assertThat(WireError.of(Service.SQS, Fault.Kind.THROTTLING))
                .extracting(WireError::httpStatus, WireError::code).containsExactly(400, "RequestThrottled");
        assertThat(WireError.of(Service.SQS, Fault.Kind.SERVER_ERROR))
                .extracting(WireError::httpStatus, WireError::code).containsExactly(500, "InternalFailure");
        assertThat(WireError.of(Service.SAGEMAKER, Fault.Kind.THROTTLING))
                .extracting(WireError::httpStatus, WireError::code).containsExactly(400, "ThrottlingException");
        assertThat(WireError.of(Service.SAGEMAKER, Fault.Kind.SERVER_ERROR))
                .extracting(WireError::httpStatus, WireError::code).containsExactly(500, "InternalFailure");
        assertThatThrownBy(() -> WireError.of(Service.SNS, Fault.Kind.DELAY)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Boolean> hits(FaultInjector faults, Operation operation, int requests) {
        List<Boolean> hits = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            hits.add(faults.decide(operation).failure().isPresent());
        }
        return hits;
    }
}
