package io.github.sagemakerlabeling.local.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Makes a seeded fraction of the requests to Local Ground Truth's SNS, SQS and SageMaker APIs fail with throttling
 * or a server error, or come late: the trouble a real AWS account sees, on demand and repeatable.
 *
 * <pre>{@code
 * FaultInjector faults = local.faults();
 * faults.seed(42).inject(Operation.SNS_PUBLISH_BATCH_ENTRY, Fault.throttling(0.5));
 * ... // half the entries of each PublishBatch come back in Failed, the same half for seed 42 every run
 * assertThat(faults.injected(Operation.SNS_PUBLISH_BATCH_ENTRY)).isPositive();
 * faults.clear();
 * }</pre>
 *
 * <p><b>Whose requests.</b> Faults sit between the application and "AWS": they hit requests from outside clients
 * (the application, the AWS CLI) on the endpoints {@code LocalGroundTruth} hands out. Local Ground Truth's own
 * traffic is never faulted: the streaming engine and SNS delivery reach SQS directly, not through the fault proxy,
 * and the engine's SNS requests carry the {@link #INTERNAL_CALLER_HEADER} header, which exempts a request from
 * every fault. So a job keeps labeling while the application's {@code Publish} calls are throttled, as with Ground
 * Truth.
 *
 * <p><b>Repeatability.</b> Every operation draws from its own random sequence, derived from the {@link #seed(long)
 * seed} (default {@link #DEFAULT_SEED}), and every configured fault takes one draw per request (or batch entry) of
 * its operation. The same seed, faults and sequence of requests to an operation therefore give the same hits,
 * whatever happens on other operations. Concurrent requests to one operation take their draws in arrival order.
 *
 * <p><b>Several faults on one operation</b> are all drawn, in the order they were injected: every delay that hits
 * adds up, and the first failure that hits decides the error.
 *
 * <p>Thread-safe. An operation without faults costs one volatile read per request.
 */
public final class FaultInjector {

    /**
     * The header that marks a request as Local Ground Truth's own (its value does not matter); such a request is
     * never faulted. The engine's SDK clients send it; applications should not.
     */
    public static final String INTERNAL_CALLER_HEADER = "X-Local-Ground-Truth-Caller";

    /** The seed a new injector, and one after {@link #reset()}, draws from. */
    public static final long DEFAULT_SEED = 20_261_127L;

    private static final Fault.Kind[] KINDS = Fault.Kind.values();

    private final Map<Operation, OperationState> states = new EnumMap<>(Operation.class);
    private volatile long seed;

    /** An injector without faults, seeded with {@link #DEFAULT_SEED}. */
    public FaultInjector() {
        for (Operation operation : Operation.values()) {
            states.put(operation, new OperationState());
        }
        seed(DEFAULT_SEED);
    }

    /**
     * Adds a fault to an operation, next to those it already has.
     *
     * @throws IllegalArgumentException for a delay on a batch-entry operation (delay the batch request instead)
     */
    public FaultInjector inject(Operation operation, Fault fault) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fault, "fault");
        if (operation.batchEntry() && !fault.fails()) {
            throw new IllegalArgumentException("a batch entry cannot be delayed on its own; delay "
                    + Operation.request(operation.service(), operation.action()).orElseThrow() + " instead");
        }
        states.get(operation).add(fault);
        return this;
    }

    /** The faults an operation has, in the order they were injected. */
    public List<Fault> faults(Operation operation) {
        return states.get(Objects.requireNonNull(operation, "operation")).faults();
    }

    /** Whether an operation has any fault. */
    public boolean active(Operation operation) {
        return operation != null && states.get(operation).rules.length > 0;
    }

    /** Removes every fault of every operation; counters and random sequences carry on. */
    public FaultInjector clear() {
        states.values().forEach(OperationState::clear);
        return this;
    }

    /** Removes an operation's faults. */
    public FaultInjector clear(Operation operation) {
        states.get(Objects.requireNonNull(operation, "operation")).clear();
        return this;
    }

    /** Restarts every operation's random sequence from this seed. */
    public FaultInjector seed(long seed) {
        this.seed = seed;
        states.forEach((operation, state) -> state.reseed(seed, operation));
        return this;
    }

    /** The seed the current sequences started from. */
    public long seed() {
        return seed;
    }

    /** How many faults of every kind hit this operation's requests (or entries) since the counters were reset. */
    public long injected(Operation operation) {
        AtomicLongArray counts = states.get(Objects.requireNonNull(operation, "operation")).counts;
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** How many faults of this kind hit this operation's requests (or entries) since the counters were reset. */
    public long injected(Operation operation, Fault.Kind kind) {
        return states.get(Objects.requireNonNull(operation, "operation")).counts.get(kind.ordinal());
    }

    /** The operations that were hit at least once, with their counts. */
    public Map<Operation, Long> injected() {
        Map<Operation, Long> counts = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            long count = injected(operation);
            if (count > 0) {
                counts.put(operation, count);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Sets every counter to zero. */
    public FaultInjector resetCounters() {
        states.values().forEach(state -> {
            for (int i = 0; i < state.counts.length(); i++) {
                state.counts.set(i, 0);
            }
        });
        return this;
    }

    /** Back to new: no faults, zero counters, sequences restarted from {@link #DEFAULT_SEED}. */
    public FaultInjector reset() {
        clear();
        resetCounters();
        return seed(DEFAULT_SEED);
    }

    /**
     * Decides the fate of one request (or batch entry) of an operation, counting what hits it. Called by the
     * services' request handlers, once per request, before handling it.
     *
     * @param operation the operation, or {@code null} for one that cannot be faulted
     * @return what to do; {@link FaultDecision#NONE} when nothing hits
     */
    public FaultDecision decide(Operation operation) {
        if (operation == null) {
            return FaultDecision.NONE;
        }
        OperationState state = states.get(operation);
        if (state.rules.length == 0) {
            return FaultDecision.NONE;
        }
        return state.decide();
    }

    /** One operation's faults, random sequence and counters. */
    private static final class OperationState {

        private static final Rule[] NO_RULES = new Rule[0];

        private volatile Rule[] rules = NO_RULES;
        private SplittableRandom random;
        private final AtomicLongArray counts = new AtomicLongArray(KINDS.length);

        synchronized void add(Fault fault) {
            Rule[] more = Arrays.copyOf(rules, rules.length + 1);
            more[rules.length] = new Rule(fault);
            rules = more;
        }

        synchronized void clear() {
            rules = NO_RULES;
        }

        List<Fault> faults() {
            List<Fault> faults = new ArrayList<>();
            for (Rule rule : rules) {
                faults.add(rule.fault);
            }
            return Collections.unmodifiableList(faults);
        }

        synchronized void reseed(long seed, Operation operation) {
            // Each operation its own stream. SplittableRandom(s) walks s, s + gamma, s + 2 gamma, ... so seeds that
            // are close (7 and 8) would give shifted copies of one sequence: scramble seed and operation first.
            random = new SplittableRandom(mix(mix(seed) ^ operation.name().hashCode()));
        }

        synchronized FaultDecision decide() {
            Duration delay = Duration.ZERO;
            Fault.Kind failure = null;
            boolean afterProcessing = false;
            for (Rule rule : rules) {
                double draw = random.nextDouble(); // one draw per fault per request, hit or not
                if (rule.remaining == 0 || draw >= rule.fault.probability()) {
                    continue;
                }
                Fault fault = rule.fault;
                if (!fault.fails()) {
                    delay = delay.plus(fault.delay());
                } else if (failure == null) {
                    failure = fault.kind();
                    afterProcessing = fault.afterProcessing();
                } else {
                    continue; // a second failure cannot hit a request the first one already failed
                }
                if (rule.remaining > 0) {
                    rule.remaining--;
                }
                counts.incrementAndGet(fault.kind().ordinal());
            }
            if (delay.isZero() && failure == null) {
                return FaultDecision.NONE;
            }
            return new FaultDecision(delay, failure, afterProcessing);
        }
    }

    /** David Stafford's variant 13 of the MurmurHash3 finalizer, as in SplittableRandom: a bijective scramble. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A configured fault and how many more requests it may hit (-1: no limit); guarded by its state. */
    private static final class Rule {
        private final Fault fault;
        private int remaining;

        Rule(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }
}
