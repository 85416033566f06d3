package io.github.sagemakerlabeling.local.workers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A worker crowd whose answers a test gives: per data object (its text, or its {@code source-ref}), the answer of
 * each worker in turn. Objects without a script go to the fallback annotator.
 *
 * <pre>{@code
 * Annotator workers = ScriptedAnnotator.builder()
 *         .answer("The food was delicious", classChoice("positive"), classChoice("positive"), classChoice("negative"))
 *         .noAnswer("Ambiguous text")
 *         .otherwise(RuleBasedAnnotator.firstLabel())
 *         .build();
 * }</pre>
 */
public final class ScriptedAnnotator implements Annotator {

    private final Map<String, List<Optional<WorkerAnswer>>> scripts;
    private final Annotator fallback;

    private ScriptedAnnotator(Map<String, List<Optional<WorkerAnswer>>> scripts, Annotator fallback) {
        this.scripts = Map.copyOf(scripts);
        this.fallback = fallback;
    }

    /** A builder of scripts. */
    public static Builder builder() {
        return new Builder();
    }

    /** Shorthand for a single-label answer. */
    public static WorkerAnswer classChoice(String label) {
        return new WorkerAnswer.ClassChoice(label);
    }

    @Override
    public Optional<WorkerAnswer> annotate(AnnotationTask task) {
        List<Optional<WorkerAnswer>> script = scripts.get(task.subject());
        if (script == null) {
            return fallback.annotate(task);
        }
        // Workers beyond the script repeat its last answer.
        return script.get(Math.min(task.workerIndex(), script.size() - 1));
    }

    /** Builds a {@link ScriptedAnnotator}. */
    public static final class Builder {
        private final Map<String, List<Optional<WorkerAnswer>>> scripts = new HashMap<>();
        private Annotator fallback = RuleBasedAnnotator.firstLabel();

        private Builder() {
        }

        /** The answers of the object's workers, first worker first. */
        public Builder answer(String subject, WorkerAnswer... answersInWorkerOrder) {
            if (answersInWorkerOrder.length == 0) {
                throw new IllegalArgumentException("give at least one answer for '" + subject + "'");
            }
            scripts.put(subject, Arrays.stream(answersInWorkerOrder).map(Optional::of).toList());
            return this;
        }

        /** No worker answers this object: its tasks expire and it counts as failed. */
        public Builder noAnswer(String subject) {
            scripts.put(subject, List.of(Optional.empty()));
            return this;
        }

        /** Who answers objects without a script; the job's first label when not set. */
        public Builder otherwise(Annotator fallback) {
            this.fallback = fallback;
            return this;
        }

        public ScriptedAnnotator build() {
            return new ScriptedAnnotator(scripts, fallback);
        }
    }
}
