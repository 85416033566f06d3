package io.github.sagemakerlabeling.local.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** What one worker submits for one task. The kind of answer follows the task type ({@link AnswerKind}). */
public sealed interface WorkerAnswer {

    /** One class, for single-label classification and label verification. */
    record ClassChoice(String label) implements WorkerAnswer {
    }

    /** Any number of classes, for multi-label classification. */
    record ClassChoices(Set<String> labels) implements WorkerAnswer {
        public ClassChoices {
            labels = Set.copyOf(labels);
        }
    }

    /** Bounding boxes drawn on an image of the given size. */
    record Boxes(int imageWidth, int imageHeight, List<Box> boxes) implements WorkerAnswer {
        public Boxes {
            boxes = List.copyOf(boxes);
        }
    }

    /** One bounding box. */
    record Box(String label, int left, int top, int width, int height) {
    }

    /** Entity spans marked in a text, for named entity recognition. */
    record Spans(List<Span> spans) implements WorkerAnswer {
        public Spans {
            spans = List.copyOf(spans);
        }
    }

    /** One entity span: Unicode offsets, end exclusive. */
    record Span(String label, int startOffset, int endOffset) {
    }

    /** The label value as Ground Truth would write it, for the task types labeled with files or free-form content. */
    record Content(JsonNode value) implements WorkerAnswer {
    }
}
