package io.github.sagemakerlabeling.local.workers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A seeded random worker crowd. Each data object has a "true" label drawn from its content and the seed; each
 * worker gives it, except that with probability {@code disagreementRate} a worker picks another label instead. The
 * same seed gives the same answers every run, so tests stay repeatable while consolidation and confidence show.
 * Adjustment workers move and resize each box of the reviewed job by up to two pixels.
 */
public final class RandomAnnotator implements Annotator {

    private final long seed;
    private final double disagreementRate;

    /**
     * @param seed             the seed; equal seeds answer equally
     * @param disagreementRate the chance, 0 to 1, that a worker departs from the object's true label
     */
    public RandomAnnotator(long seed, double disagreementRate) {
        if (disagreementRate < 0 || disagreementRate > 1) {
            throw new IllegalArgumentException("disagreementRate must be between 0 and 1, was " + disagreementRate);
        }
        this.seed = seed;
        this.disagreementRate = disagreementRate;
    }

    @Override
    public Optional<WorkerAnswer> annotate(AnnotationTask task) {
        List<String> labels = task.labels().isEmpty() ? List.of("") : task.labels();
        Random objectRandom = new Random(seed ^ task.subject().hashCode());
        int truth = objectRandom.nextInt(labels.size());
        Random workerRandom = new Random(seed ^ task.subject().hashCode() * 31L ^ (task.workerIndex() + 1) * 0x9E3779B97F4A7C15L);
        boolean disagrees = labels.size() > 1 && workerRandom.nextDouble() < disagreementRate;
        int chosen = disagrees ? (truth + 1 + workerRandom.nextInt(labels.size() - 1)) % labels.size() : truth;
        String label = labels.get(chosen);
        return Optional.of(switch (task.answerKind()) {
            case CLASS -> new WorkerAnswer.ClassChoice(label);
            case CLASSES -> new WorkerAnswer.ClassChoices(classes(labels, objectRandom, label, disagrees));
            case BOXES -> ReviewedBoxes.of(task)
                    .map(earlier -> earlier.adjusted(workerRandom.nextInt(5) - 2, workerRandom.nextInt(5) - 2,
                            workerRandom.nextInt(5) - 2, workerRandom.nextInt(5) - 2))
                    .orElseGet(() -> boxes(task.imageSizeOrDefault(), objectRandom, workerRandom, label, disagrees));
            case SPANS -> spans(task.subject(), objectRandom, label);
            case CONTENT -> new WorkerAnswer.Content(JsonNodeFactory.instance.objectNode().put("label", label));
        });
    }

    private static Set<String> classes(List<String> labels, Random objectRandom, String label, boolean disagrees) {
        Set<String> chosen = new LinkedHashSet<>();
        chosen.add(label);
        String second = labels.get(objectRandom.nextInt(labels.size()));
        if (!disagrees) {
            chosen.add(second);
        }
        return chosen;
    }

    /** A box inside the image: workers agree within a few pixels, a disagreeing worker draws it elsewhere. */
    private static WorkerAnswer.Boxes boxes(ImageSize image, Random objectRandom, Random workerRandom, String label,
                                            boolean disagrees) {
        int width = image.width();
        int height = image.height();
        int boxWidth = Math.max(1, width / 8 + objectRandom.nextInt(Math.max(1, width / 2)));
        int boxHeight = Math.max(1, height / 8 + objectRandom.nextInt(Math.max(1, height / 2)));
        int left = objectRandom.nextInt(width - boxWidth + 1);
        int top = objectRandom.nextInt(height - boxHeight + 1);
        int jitter = disagrees ? boxWidth : workerRandom.nextInt(5) - 2;
        return new WorkerAnswer.Boxes(width, height, List.of(new WorkerAnswer.Box(label,
                Math.max(0, Math.min(width - boxWidth, left + jitter)), top, boxWidth, boxHeight)));
    }

    /** One to three whole words of the text, in code point offsets, as a worker selects them in the tool. */
    private static WorkerAnswer.Spans spans(String text, Random objectRandom, String label) {
        List<int[]> words = Words.of(text);
        if (words.isEmpty()) {
            return new WorkerAnswer.Spans(List.of());
        }
        int first = objectRandom.nextInt(words.size());
        int last = Math.min(words.size() - 1, first + objectRandom.nextInt(3));
        return new WorkerAnswer.Spans(List.of(new WorkerAnswer.Span(label, words.get(first)[0], words.get(last)[1])));
    }
}
