package io.github.sagemakerlabeling.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multi-label classification (image or text): every class at least one worker selected.
 *
 * @param classIndexes  the selected classes, in the order of the label value (for example {@code [1, 0, 8]})
 * @param classMap      class index to label, from {@code class-map}; holds every selected index
 * @param confidenceMap class index to confidence, from {@code confidence-map}
 */
public record MultiLabel(List<Integer> classIndexes, Map<Integer, String> classMap, Map<Integer, Double> confidenceMap)
        implements Annotation {

    public MultiLabel {
        classIndexes = List.copyOf(classIndexes);
        classMap = Collections.unmodifiableMap(new LinkedHashMap<>(classMap));
        confidenceMap = Collections.unmodifiableMap(new LinkedHashMap<>(confidenceMap));
    }

    /** The labels of the selected classes, in the order of {@link #classIndexes()}. */
    public List<String> classNames() {
        return classIndexes.stream().map(classMap::get).toList();
    }

    static MultiLabel read(JsonNode label, String labelPath, JsonFields metadata) {
        ArrayNode values = JsonValues.asArray(label, labelPath);
        Map<Integer, String> classMap = metadata.classMap("class-map");
        List<Integer> indexes = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String path = labelPath + "[" + i + "]";
            int index = JsonValues.asClassIndex(values.get(i), path);
            if (!classMap.containsKey(index)) {
                throw new OutputShapeException(path + " selects class " + index + ", which "
                        + metadata.path("class-map") + " does not name");
            }
            indexes.add(index);
        }
        return new MultiLabel(indexes, classMap, metadata.indexedMap("confidence-map", JsonValues::asDouble));
    }
}
