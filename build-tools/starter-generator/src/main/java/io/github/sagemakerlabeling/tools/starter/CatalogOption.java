package io.github.sagemakerlabeling.tools.starter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One component option of a Camel catalog JSON ({@code componentProperties}) and the Spring Boot property it becomes:
 * its name in kebab case, its Java type (wrapper types, so an unset property stays unset; durations as text, which
 * Camel converts), its description and default exactly as the catalog writes them.
 */
record CatalogOption(String name, String group, String javaType, String description, Optional<JsonNode> defaultValue) {

    private static final Map<String, String> WRAPPERS = Map.of("boolean", "java.lang.Boolean", "int",
            "java.lang.Integer", "long", "java.lang.Long", "double", "java.lang.Double", "float", "java.lang.Float",
            "short", "java.lang.Short", "byte", "java.lang.Byte", "char", "java.lang.Character");

    /** Camel writes a default that depends on other options as a notice in the description, not as a value. */
    private static final String DEFAULT_VALUE_NOTICE = "Default value notice:";

    /** The component options of a catalog, in the catalog's order. */
    static List<CatalogOption> componentOptions(JsonNode catalog) {
        List<CatalogOption> options = new ArrayList<>();
        catalog.required("componentProperties").properties().forEach(entry -> options.add(of(entry.getKey(),
                entry.getValue())));
        return options;
    }

    static CatalogOption of(String name, JsonNode option) {
        String description = option.path("description").asText();
        JsonNode defaultValue = option.get("defaultValue");
        boolean hasDefault = defaultValue != null && !defaultValue.isNull()
                && !description.contains(DEFAULT_VALUE_NOTICE);
        return new CatalogOption(name, option.path("group").asText(), springType(option), description,
                hasDefault ? Optional.of(defaultValue) : Optional.empty());
    }

    /** The Spring Boot property: {@code jobStatusTimeout} becomes {@code job-status-timeout}. */
    String propertyName() {
        return kebab(name);
    }

    /** An option name in kebab case, as Spring Boot properties are written. */
    static String kebab(String optionName) {
        return optionName.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    /** The getter and setter suffix: {@code jobStatusTimeout} becomes {@code JobStatusTimeout}. */
    String accessorSuffix() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String springType(JsonNode option) {
        if ("duration".equals(option.path("type").asText())) {
            return "java.lang.String";
        }
        String javaType = option.required("javaType").asText();
        return WRAPPERS.getOrDefault(javaType, javaType.replace('$', '.'));
    }
}
