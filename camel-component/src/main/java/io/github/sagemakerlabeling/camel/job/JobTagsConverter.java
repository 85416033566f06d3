package io.github.sagemakerlabeling.camel.job;

import java.util.Map;
import org.apache.camel.Converter;

/** Lets the {@code tags} option take text ({@code key=value,key2=value2}) or a {@code Map} bean. */
@Converter(generateLoader = true)
public final class JobTagsConverter {

    private JobTagsConverter() {
    }

    @Converter
    public static JobTags fromText(String text) {
        return JobTags.parse(text);
    }

    @Converter
    public static JobTags fromMap(Map<?, ?> tags) {
        return JobTags.of(tags);
    }
}
