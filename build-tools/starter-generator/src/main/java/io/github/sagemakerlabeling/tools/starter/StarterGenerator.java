package io.github.sagemakerlabeling.tools.starter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sagemaker.model.ContentClassifier;

/**
 * Generates the Spring Boot starter's configuration from the component's catalog JSON, read from the classpath, so
 * every option the component gains is a starter property at the next build with no hand-kept copy. Run by the
 * starter's build ({@code exec:java}, phase generate-sources).
 *
 * <p>Arguments: the catalog resource, the configuration class's fully qualified name, the generated sources folder,
 * the generated resources folder.
 */
public final class StarterGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StarterGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: StarterGenerator <catalog resource> <configuration class>"
                    + " <sources dir> <resources dir>");
        }
        JsonNode catalog = readCatalog(args[0]);
        String componentName = catalog.required("component").required("name").asText();
        String prefix = "camel.component." + componentName;
        String qualifiedName = args[1];
        int dot = qualifiedName.lastIndexOf('.');
        List<CatalogOption> options = CatalogOption.componentOptions(catalog);

        String java = new ConfigurationClassWriter(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1),
                prefix, catalog.required("component").path("description").asText()).write(options);
        write(Path.of(args[2]).resolve(qualifiedName.replace('.', '/') + ".java"), java);

        JsonNode metadata = new MetadataWriter(prefix, qualifiedName).write(componentName, options, hints());
        write(Path.of(args[3]).resolve("META-INF/spring-configuration-metadata.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metadata) + "\n");
    }

    /** Values IDEs offer for text options whose values are known: the built-in task types, the classifiers. */
    private static Map<String, Map<String, String>> hints() {
        Map<String, String> taskTypes = new LinkedHashMap<>();
        for (TaskType type : TaskType.values()) {
            taskTypes.put(type.catalogName(), type.displayName() + ".");
        }
        Map<String, String> classifiers = new LinkedHashMap<>();
        for (ContentClassifier classifier : ContentClassifier.knownValues()) {
            classifiers.put(classifier.toString(), "Declares that the data objects are "
                    + classifier.toString().replaceAll("([A-Z])", " $1").trim().toLowerCase() + ".");
        }
        Map<String, Map<String, String>> hints = new LinkedHashMap<>();
        hints.put("taskType", taskTypes);
        hints.put("contentClassifiers", classifiers);
        return hints;
    }

    private static JsonNode readCatalog(String resource) throws IOException {
        try (InputStream in = StarterGenerator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the component's catalog " + resource + " is not on the classpath");
            }
            return JSON.readTree(in);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
