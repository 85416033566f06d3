package io.github.sagemakerlabeling.tools.starter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code META-INF/spring-configuration-metadata.json}, what IDEs complete {@code application.yaml} from: one
 * property per catalog option with the catalog's description and default, the auto-configuration's switches, and
 * value hints.
 */
final class MetadataWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final String sourceType;

    MetadataWriter(String prefix, String sourceType) {
        this.prefix = prefix;
        this.sourceType = sourceType;
    }

    /**
     * @param hints per option name, its values and their descriptions
     */
    ObjectNode write(String componentName, List<CatalogOption> options, Map<String, Map<String, String>> hints) {
        ObjectNode metadata = JSON.createObjectNode();
        ArrayNode groups = metadata.putArray("groups");
        groups.addObject().put("name", prefix).put("type", sourceType).put("sourceType", sourceType);
        groups.addObject().put("name", prefix + ".customizer")
                .put("type", "org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon$CustomizerProperties")
                .put("sourceType", sourceType).put("sourceMethod", "getCustomizer()");

        ArrayNode properties = metadata.putArray("properties");
        properties.addObject().put("name", prefix + ".enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether to enable auto configuration of the " + componentName
                        + " component. This is enabled by default.")
                .put("sourceType", sourceType).put("defaultValue", true);
        properties.addObject().put("name", prefix + ".customizer.enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether the " + prefix + ".* properties are copied onto the component.")
                .put("sourceType", "org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon$CustomizerProperties");
        for (CatalogOption option : options) {
            ObjectNode property = properties.addObject().put("name", prefix + "." + option.propertyName())
                    .put("type", option.javaType()).put("description", option.description())
                    .put("sourceType", sourceType);
            option.defaultValue().ifPresent(value -> property.set("defaultValue", value));
        }

        ArrayNode hintNodes = metadata.putArray("hints");
        hints.forEach((optionName, values) -> {
            ArrayNode valueNodes = hintNodes.addObject().put("name", prefix + "." + CatalogOption.kebab(optionName))
                    .putArray("values");
            values.forEach((value, description) -> valueNodes.addObject().put("value", value)
                    .put("description", description));
        });
        return metadata;
    }
}
