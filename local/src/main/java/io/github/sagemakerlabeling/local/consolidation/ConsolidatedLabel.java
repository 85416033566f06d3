package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outcome of consolidating the workers' answers for one object.
 *
 * @param value    the label attribute's value in the output line
 * @param metadata the task-specific metadata members ({@code class-name}, {@code confidence}, {@code class-map}, ...);
 *                 the common ones (type, job name, dates) are added by {@link OutputLineBuilder}
 */
public record ConsolidatedLabel(JsonNode value, ObjectNode metadata) {
}
