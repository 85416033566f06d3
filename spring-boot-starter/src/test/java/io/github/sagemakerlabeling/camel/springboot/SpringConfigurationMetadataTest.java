package io.github.sagemakerlabeling.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata the build writes for IDEs lists every option of the component's catalog, with its
 * description and the component's default.
 */
class SpringConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.sagemaker-labeling.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionIsAPropertyWithTheCatalogsDescriptionAndDefault() throws IOException {
        Map<String, JsonNode> metadata = new HashMap<>();
        read("META-INF/spring-configuration-metadata.json").get("properties")
                .forEach(property -> metadata.put(property.get("name").asText(), property));
        JsonNode options = read("META-INF/io/github/sagemakerlabeling/camel/sagemaker-labeling.json")
                .get("componentProperties");

        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            String key = PREFIX + kebab(option.getKey());
            JsonNode property = metadata.get(key);
            softly.assertThat(property).as(key).isNotNull();
            if (property == null) {
                continue;
            }
            softly.assertThat(property.path("description").asText()).as(key + " description").isNotBlank();
            JsonNode catalogDefault = option.getValue().get("defaultValue");
            if (catalogDefault != null && !option.getKey().equals("ensureJob")) {
                softly.assertThat(property.path("defaultValue").asText()).as(key + " default")
                        .isEqualTo(catalogDefault.asText());
            }
        }
        softly.assertThat(metadata).containsKeys(PREFIX + "enabled", PREFIX + "customizer.enabled");
        softly.assertAll();
    }

    @Test
    void taskTypeValuesAreTheBuiltInTaskTypes() throws IOException {
        JsonNode hint = StreamSupport.stream(read("META-INF/spring-configuration-metadata.json").get("hints")
                .spliterator(), false).filter(h -> h.get("name").asText().equals(PREFIX + "task-type"))
                .findFirst().orElseThrow();
        assertThat(hint.get("values")).extracting(value -> value.get("value").asText())
                .containsExactlyElementsOf(Arrays.stream(TaskType.values()).map(TaskType::catalogName).toList());
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SpringConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
