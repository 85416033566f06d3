package io.github.sagemakerlabeling.camel.convert;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.core.result.OutputLineParser;
import java.util.Map;
import org.apache.camel.Converter;

/**
 * Camel type conversions of labeled results, so routes need no bean to handle them: a {@link LabelingResult} body
 * becomes its output line as JSON text or as a {@code Map} (for {@code convertBodyTo}, {@code ${bodyAs(String)}},
 * {@code ${body[source]}}, file and HTTP producers), and Ground Truth output text read by another component (for
 * example {@code camel-aws2-sqs} on a queue subscribed to the output topic) becomes a {@code LabelingResult}.
 */
@Converter(generateLoader = true)
public final class LabelingResultConverter {

    private static final OutputLineParser PARSER = new OutputLineParser();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private LabelingResultConverter() {
    }

    /**
     * The output line as one line of compact JSON, taken out of its SNS envelope if it came in one; numbers keep
     * the digits Ground Truth wrote.
     */
    @Converter
    public static String toJson(LabelingResult result) {
        return Json.write(result.json());
    }

    /** The output line as nested maps, lists and scalars, keys in document order. */
    @Converter
    public static Map<String, Object> toMap(LabelingResult result) {
        return Json.mapper().convertValue(result.json(), MAP);
    }

    /**
     * Parses a raw output line or the SNS notification carrying one, reading its last label attribute.
     *
     * @throws io.github.sagemakerlabeling.core.result.MalformedOutputException if the text is not an output line
     */
    @Converter
    public static LabelingResult fromText(String text) {
        return PARSER.parse(text);
    }
}
