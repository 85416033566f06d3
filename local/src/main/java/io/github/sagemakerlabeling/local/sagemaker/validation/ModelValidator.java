package io.github.sagemakerlabeling.local.sagemaker.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a request's wire JSON against the service model's constraints, as SageMaker's front end does before an
 * operation runs: required members, string patterns and lengths, enums, number ranges and list sizes, everywhere in
 * the request. Every violation is reported. Members are visited in the model's order, and a string's pattern before
 * its length (as a live SageMaker message lists them); AWS's own order is not documented. A value of the wrong JSON
 * type is left to the deserializer, which refuses it with a {@code SerializationException}.
 */
final class ModelValidator {

    private final ServiceModel model;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    ModelValidator(ServiceModel model) {
        this.model = model;
    }

    /** The violations of a request to an operation; none when the model excerpt does not have the operation. */
    List<ConstraintViolation> violations(String operation, JsonNode request) {
        List<ConstraintViolation> violations = new ArrayList<>();
        model.inputShape(operation).ifPresent(shape -> structure(model.shape(shape), request, "", violations));
        return violations;
    }

    private void value(String shapeName, JsonNode value, String path, List<ConstraintViolation> out) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> structure(shape, value, path, out);
            case "list" -> list(shape, value, path, out);
            case "string" -> string(shape, value, path, out);
            case "integer", "long", "float", "double" -> number(shape, value, path, out);
            default -> {
                // timestamps, booleans and blobs carry no constraints in the model
            }
        }
    }

    private void structure(JsonNode shape, JsonNode value, String path, List<ConstraintViolation> out) {
        if (!value.isObject()) {
            return;
        }
        List<String> required = new ArrayList<>();
        shape.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> members = shape.path("members").fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            String memberPath = (path.isEmpty() ? "" : path + ".") + lowerCamel(member.getKey());
            JsonNode memberValue = value.get(member.getKey());
            if (memberValue == null || memberValue.isNull()) {
                if (required.contains(member.getKey())) {
                    out.add(ConstraintViolation.of(memberPath, null, "Member must not be null"));
                }
            } else {
                value(member.getValue().path("shape").asText(), memberValue, memberPath, out);
            }
        }
    }

    private void list(JsonNode shape, JsonNode value, String path, List<ConstraintViolation> out) {
        if (!value.isArray()) {
            return;
        }
        length(shape, value, value.size(), path, out);
        String memberShape = shape.path("member").path("shape").asText();
        for (int i = 0; i < value.size(); i++) {
            String elementPath = path + "." + (i + 1) + ".member";
            if (value.get(i).isNull()) {
                out.add(ConstraintViolation.of(elementPath, null, "Member must not be null"));
            } else {
                value(memberShape, value.get(i), elementPath, out);
            }
        }
    }

    private void string(JsonNode shape, JsonNode value, String path, List<ConstraintViolation> out) {
        if (!value.isTextual()) {
            return;
        }
        String text = value.textValue();
        if (shape.has("pattern") && !pattern(shape.get("pattern").asText()).matcher(text).matches()) {
            out.add(ConstraintViolation.of(path, value, "Member must satisfy regular expression pattern: "
                    + shape.get("pattern").asText()));
        }
        length(shape, value, text.codePointCount(0, text.length()), path, out);
        if (shape.has("enum")) {
            List<String> values = new ArrayList<>();
            shape.get("enum").forEach(item -> values.add(item.asText()));
            if (!values.contains(text)) {
                out.add(ConstraintViolation.of(path, value, "Member must satisfy enum value set: ["
                        + String.join(", ", values) + "]"));
            }
        }
    }

    private static void number(JsonNode shape, JsonNode value, String path, List<ConstraintViolation> out) {
        if (!value.isNumber()) {
            return;
        }
        BigDecimal number = value.decimalValue();
        if (shape.has("min") && number.compareTo(shape.get("min").decimalValue()) < 0) {
            out.add(ConstraintViolation.of(path, value, "Member must have value greater than or equal to "
                    + shape.get("min").asText()));
        }
        if (shape.has("max") && number.compareTo(shape.get("max").decimalValue()) > 0) {
            out.add(ConstraintViolation.of(path, value, "Member must have value less than or equal to "
                    + shape.get("max").asText()));
        }
    }

    private static void length(JsonNode shape, JsonNode value, long length, String path,
                               List<ConstraintViolation> out) {
        if (shape.has("min") && length < shape.get("min").asLong()) {
            out.add(ConstraintViolation.of(path, value, "Member must have length greater than or equal to "
                    + shape.get("min").asText()));
        }
        if (shape.has("max") && length > shape.get("max").asLong()) {
            out.add(ConstraintViolation.of(path, value, "Member must have length less than or equal to "
                    + shape.get("max").asText()));
        }
    }

    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Pattern::compile);
    }

    /** A model member name as AWS's messages show it: the first letter in lower case ({@code S3OutputPath}: s3...). */
    static String lowerCamel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
