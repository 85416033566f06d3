package io.github.sagemakerlabeling.local.workers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic worker that labels by keywords: the first keyword found in the text (or in the S3 key of an
 * image) picks the label; with no match it answers the fallback label, or the job's first label. Every worker
 * answers the same, so consolidation agrees fully. Adjustment workers widen each box of the reviewed job by a pixel on
 * either side; verification workers choose a verdict (one of the job's labels) as they choose a class.
 *
 * <pre>{@code
 * Annotator workers = RuleBasedAnnotator.builder()
 *         .when("delicious", "positive").when("awful", "negative").otherwise("neutral").build();
 * }</pre>
 */
public final class RuleBasedAnnotator implements Annotator {

    private final Map<Pattern, String> rules;
    private final String fallback;

    private RuleBasedAnnotator(Map<Pattern, String> rules, String fallback) {
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        this.fallback = fallback;
    }

    /** A builder of keyword rules, checked in the order added. */
    public static Builder builder() {
        return new Builder();
    }

    /** An annotator with no rules: every object gets the job's first label. */
    public static RuleBasedAnnotator firstLabel() {
        return builder().build();
    }

    @Override
    public Optional<WorkerAnswer> annotate(AnnotationTask task) {
        String subject = task.subject();
        Set<String> matched = new LinkedHashSet<>();
        rules.forEach((keyword, label) -> {
            if (keyword.matcher(subject).find()) {
                matched.add(label);
            }
        });
        String label = matched.stream().findFirst().orElseGet(() -> defaultLabel(task));
        return Optional.of(switch (task.answerKind()) {
            case CLASS -> new WorkerAnswer.ClassChoice(label);
            case CLASSES -> new WorkerAnswer.ClassChoices(matched.isEmpty() ? Set.of(label) : matched);
            // A reviewer widens each earlier box by a pixel on either side.
            case BOXES -> ReviewedBoxes.of(task).map(earlier -> earlier.adjusted(-1, 0, 2, 0))
                    .orElseGet(() -> centredBox(task.imageSizeOrDefault(), label));
            case SPANS -> new WorkerAnswer.Spans(spans(subject));
            case CONTENT -> new WorkerAnswer.Content(JsonNodeFactory.instance.objectNode().put("label", label));
        });
    }

    /** A box over the middle half of the image in each direction. */
    private static WorkerAnswer.Boxes centredBox(ImageSize image, String label) {
        return new WorkerAnswer.Boxes(image.width(), image.height(), List.of(new WorkerAnswer.Box(label,
                image.width() / 4, image.height() / 4, Math.max(1, image.width() / 2), Math.max(1, image.height() / 2))));
    }

    /** Every keyword occurrence as a span, in Unicode code point offsets as Ground Truth reports them. */
    private List<WorkerAnswer.Span> spans(String subject) {
        List<WorkerAnswer.Span> spans = new ArrayList<>();
        rules.forEach((keyword, label) -> {
            Matcher matcher = keyword.matcher(subject);
            while (matcher.find()) {
                spans.add(new WorkerAnswer.Span(label, subject.codePointCount(0, matcher.start()),
                        subject.codePointCount(0, matcher.end())));
            }
        });
        return spans;
    }

    private String defaultLabel(AnnotationTask task) {
        if (fallback != null) {
            return fallback;
        }
        return task.labels().isEmpty() ? "" : task.labels().get(0);
    }

    /** Builds a {@link RuleBasedAnnotator}. */
    public static final class Builder {
        private final Map<Pattern, String> rules = new LinkedHashMap<>();
        private String fallback;

        private Builder() {
        }

        /** Objects whose text (or S3 key) contains {@code keyword}, ignoring case, get {@code label}. */
        public Builder when(String keyword, String label) {
            rules.put(Pattern.compile(Pattern.quote(keyword), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), label);
            return this;
        }

        /** All rules of a map, keyword to label, in the map's order. */
        public Builder when(Map<String, String> keywordToLabel) {
            keywordToLabel.forEach(this::when);
            return this;
        }

        /** The label for objects no rule matches; without it, the job's first label. */
        public Builder otherwise(String label) {
            this.fallback = label;
            return this;
        }

        public RuleBasedAnnotator build() {
            return new RuleBasedAnnotator(rules, fallback);
        }
    }
}
