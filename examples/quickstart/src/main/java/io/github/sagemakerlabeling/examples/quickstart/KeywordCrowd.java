package io.github.sagemakerlabeling.examples.quickstart;

import io.github.sagemakerlabeling.local.workers.AnnotationTask;
import io.github.sagemakerlabeling.local.workers.Annotator;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Local Ground Truth's simulated workers for the quickstart: each worker reads the text and picks the label whose
 * keywords it contains ({@code otherwise} when none does), except that with probability {@code disagreement} a worker
 * picks another label, so consolidation has real disagreement to settle and confidence varies. Seeded: the same text
 * gets the same answers every run.
 */
final class KeywordCrowd implements Annotator {

    private final Map<String, List<String>> keywordsByLabel;
    private final String otherwise;
    private final double disagreement;
    private final long seed;

    /**
     * @param keywordsByLabel the keywords of each label, checked in the map's order
     * @param otherwise       the label of a text that has none of the keywords
     * @param disagreement    the chance, 0 to 1, that a worker gives another label
     * @param seed            the seed of the disagreements
     */
    KeywordCrowd(Map<String, List<String>> keywordsByLabel, String otherwise, double disagreement, long seed) {
        if (!(disagreement >= 0 && disagreement <= 1)) {
            throw new IllegalArgumentException("disagreement must be between 0 and 1, was " + disagreement);
        }
        this.keywordsByLabel = keywordsByLabel;
        this.otherwise = otherwise;
        this.disagreement = disagreement;
        this.seed = seed;
    }

    @Override
    public Optional<WorkerAnswer> annotate(AnnotationTask task) {
        String label = labelOf(task.subject());
        List<String> labels = task.labels();
        // Seeds that differ in a few bits start java.util.Random alike: spread the worker index over all 64 bits.
        Random worker = new Random(seed ^ task.subject().hashCode() * 31L ^ (task.workerIndex() + 1) * 0x9E3779B97F4A7C15L);
        if (labels.size() > 1 && worker.nextDouble() < disagreement) {
            List<String> others = labels.stream().filter(other -> !other.equals(label)).toList();
            return Optional.of(new WorkerAnswer.ClassChoice(others.get(worker.nextInt(others.size()))));
        }
        return Optional.of(new WorkerAnswer.ClassChoice(label));
    }

    /** The label a careful worker gives the text. */
    String labelOf(String text) {
        String lowerCase = text.toLowerCase(Locale.ROOT);
        return keywordsByLabel.entrySet().stream()
                .filter(label -> label.getValue().stream().anyMatch(lowerCase::contains))
                .map(Map.Entry::getKey).findFirst().orElse(otherwise);
    }
}
