package io.github.sagemakerlabeling.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The starter is generated from the component's catalog JSON: the configuration metadata IDEs read and the
 * configuration properties class carry exactly the catalog's options, descriptions, types and defaults, nothing more.
 */
class SpringConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.sagemaker-labeling.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Class<?>> WRAPPERS = Map.of("boolean", Boolean.class, "int", Integer.class,
            "long", Long.class);

    @Test
    void theMetadataHasExactlyTheCatalogsOptionsWithItsDescriptionsTypesAndDefaults() throws IOException {
        Map<String, JsonNode> metadata = metadataProperties();
        JsonNode options = catalogOptions();

        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, JsonNode> entry : options.properties()) {
            JsonNode option = entry.getValue();
            String key = PREFIX + kebab(entry.getKey());
            JsonNode property = metadata.get(key);
            softly.assertThat(property).as(key).isNotNull();
            if (property == null) {
                continue;
            }
            softly.assertThat(property.path("description").asText()).as(key + " description")
                    .isEqualTo(option.path("description").asText());
            softly.assertThat(property.path("type").asText()).as(key + " type").isEqualTo(springType(option).getName());
            JsonNode catalogDefault = option.get("defaultValue");
            if (catalogDefault == null || option.path("description").asText().contains("Default value notice:")) {
                softly.assertThat(property.has("defaultValue")).as(key + " has no default").isFalse();
            } else {
                softly.assertThat(property.get("defaultValue")).as(key + " default").isEqualTo(catalogDefault);
            }
        }
        Set<String> switches = Set.of(PREFIX + "enabled", PREFIX + "customizer.enabled");
        softly.assertThat(metadata.keySet()).as("no property the catalog does not have")
                .hasSize(options.size() + switches.size()).containsAll(switches);
        softly.assertAll();
    }

    @Test
    void theConfigurationClassHasAPropertyOfTheCatalogsTypeForEveryOption() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, JsonNode> entry : catalogOptions().properties()) {
            String suffix = Character.toUpperCase(entry.getKey().charAt(0)) + entry.getKey().substring(1);
            Class<?> type = springType(entry.getValue());
            Method getter = SageMakerLabelingComponentConfiguration.class.getMethod("get" + suffix);
            softly.assertThat(getter.getReturnType()).as(entry.getKey()).isEqualTo(type);
            softly.assertThatCode(() -> SageMakerLabelingComponentConfiguration.class.getMethod("set" + suffix, type))
                    .as(entry.getKey() + " setter").doesNotThrowAnyException();
        }
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

    /** Wrapper types, so an unset property stays unset; durations as text, which Camel converts. */
    private static Class<?> springType(JsonNode option) throws IOException {
        if ("duration".equals(option.path("type").asText())) {
            return String.class;
        }
        String javaType = option.path("javaType").asText();
        try {
            return WRAPPERS.containsKey(javaType) ? WRAPPERS.get(javaType) : Class.forName(javaType);
        } catch (ClassNotFoundException e) {
            throw new IOException("the catalog names a type that is not on the classpath: " + javaType, e);
        }
    }

    private static Map<String, JsonNode> metadataProperties() throws IOException {
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        read("META-INF/spring-configuration-metadata.json").get("properties")
                .forEach(property -> metadata.put(property.get("name").asText(), property));
        return metadata;
    }

    private static JsonNode catalogOptions() throws IOException {
        return read("META-INF/io/github/sagemakerlabeling/camel/sagemaker-labeling.json").get("componentProperties");
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
