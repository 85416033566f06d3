package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Named entity recognition: text spans tagged with labels.
 *
 * @param labels   the label categories the workers could choose from ({@code annotations.labels})
 * @param entities the tagged spans ({@code annotations.entities}), in order
 */
public record NamedEntities(List<EntityLabel> labels, List<Entity> entities) implements Annotation {

    public NamedEntities {
        labels = List.copyOf(labels);
        entities = List.copyOf(entities);
    }

    /**
     * A label category as the output lists it.
     *
     * @param label            the label
     * @param shortDisplayName the short name shown to workers, when the output gives one
     */
    public record EntityLabel(String label, Optional<String> shortDisplayName) {

        public EntityLabel {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(shortDisplayName, "shortDisplayName");
        }
    }

    /**
     * One tagged span of the source text. Offsets count Unicode code points, end exclusive.
     *
     * @param label       the label given to the span
     * @param startOffset the first code point of the span
     * @param endOffset   the code point just after the span
     * @param confidence  Ground Truth's confidence in this span, from the metadata's {@code entities} list at the same
     *                    position; empty when the metadata lists none
     */
    public record Entity(String label, int startOffset, int endOffset, OptionalDouble confidence) {

        public Entity {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(confidence, "confidence");
        }

        /**
         * The span's text.
         *
         * @param source the text that was labeled: the line's {@code source} value
         * @return the code points from {@code startOffset} up to {@code endOffset}
         * @throws IndexOutOfBoundsException if the offsets do not fit {@code source}
         */
        public String coveredText(String source) {
            int start = source.offsetByCodePoints(0, startOffset);
            return source.substring(start, source.offsetByCodePoints(start, endOffset - startOffset));
        }
    }

    static NamedEntities read(JsonNode label, String labelPath, JsonFields metadata) {
        JsonFields annotations = JsonFields.of(label, labelPath).object("annotations");
        List<EntityLabel> labels = annotations.objects("labels").stream()
                .map(entry -> new EntityLabel(entry.text("label"), entry.optionalText("shortDisplayName")))
                .toList();
        List<JsonFields> spans = annotations.objects("entities");
        List<OptionalDouble> confidences = metadata.itemConfidences("entities", spans.size());
        List<Entity> entities = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            JsonFields span = spans.get(i);
            entities.add(new Entity(span.text("label"), span.integer("startOffset"), span.integer("endOffset"),
                    confidences.get(i)));
        }
        return new NamedEntities(labels, entities);
    }
}
