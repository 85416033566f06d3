package io.github.sagemakerlabeling.local.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * A subscription's {@code FilterPolicy}: which messages it receives, judged on the message attributes (scope
 * {@code MessageAttributes}, the default) or on the JSON message body (scope {@code MessageBody}).
 *
 * <p>Every key of the policy must match (AND); a key matches if any of its conditions does (OR). Conditions: exact
 * strings, numbers, booleans and {@code null}; {@code prefix}, {@code suffix}, {@code equals-ignore-case},
 * {@code anything-but} (a value, a list, or a {@code prefix}/{@code suffix}), {@code exists} and {@code numeric}
 * ({@code ["<", 10, ">=", 0]}). An array value (a {@code String.Array} attribute) matches if any element does; binary
 * attributes are never matched.
 */
final class FilterPolicy {

    /** The values {@code FilterPolicyScope} takes. */
    static final Set<String> SCOPES = Set.of("MessageAttributes", "MessageBody");

    private static final Set<String> NUMERIC_OPERATORS = Set.of("=", "<", "<=", ">", ">=");

    private final ObjectNode policy;
    private final boolean bodyScope;

    private FilterPolicy(ObjectNode policy, boolean bodyScope) {
        this.policy = policy;
        this.bodyScope = bodyScope;
    }

    /**
     * Parses and checks a policy.
     *
     * @param json the policy document
     * @param scope {@code MessageAttributes} or {@code MessageBody}
     * @throws SnsException {@code InvalidParameter} naming what is wrong
     */
    static FilterPolicy parse(String json, String scope) {
        JsonNode root;
        try {
            root = Json.read(json);
        } catch (JsonProcessingException e) {
            throw invalid("failed to parse JSON.");
        }
        if (!root.isObject() || root.isEmpty()) {
            throw invalid("the policy must be a non-empty JSON object.");
        }
        boolean bodyScope = scope.equals("MessageBody");
        checkObject(root, bodyScope);
        return new FilterPolicy((ObjectNode) root, bodyScope);
    }

    /** Whether a message passes this policy. */
    boolean matches(SnsMessage message) {
        JsonNode document = bodyScope ? parseBody(message.message()) : attributesDocument(message.attributes());
        return document.isObject() && matchesObject(policy, document);
    }

    private static JsonNode parseBody(String body) {
        try {
            return Json.read(body);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.missingNode();
        }
    }

    private static JsonNode attributesDocument(Map<String, MessageAttribute> attributes) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        attributes.forEach((name, attribute) -> {
            if (attribute.isStringArray()) {
                document.set(name, attribute.arrayValue());
            } else if (attribute.isNumber()) {
                document.put(name, new BigDecimal(attribute.stringValue()));
            } else if (!attribute.isBinary()) {
                document.put(name, attribute.stringValue());
            }
        });
        return document;
    }

    private static boolean matchesObject(JsonNode policy, JsonNode document) {
        for (Map.Entry<String, JsonNode> field : policy.properties()) {
            JsonNode value = document.get(field.getKey());
            boolean match = field.getValue().isObject()
                    ? value != null && value.isObject() && matchesObject(field.getValue(), value)
                    : matchesAny(field.getValue(), value);
            if (!match) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAny(JsonNode conditions, JsonNode value) {
        for (JsonNode condition : conditions) {
            if (matches(condition, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode condition, JsonNode value) {
        if (condition.has("exists")) {
            return condition.get("exists").asBoolean() == (value != null);
        }
        if (value == null) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (matches(condition, element)) {
                    return true;
                }
            }
            return false;
        }
        if (!condition.isObject()) {
            return equalValues(condition, value);
        }
        Map.Entry<String, JsonNode> operator = condition.properties().iterator().next();
        JsonNode argument = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> value.isTextual() && value.asText().startsWith(argument.asText());
            case "suffix" -> value.isTextual() && value.asText().endsWith(argument.asText());
            case "equals-ignore-case" -> value.isTextual() && value.asText().equalsIgnoreCase(argument.asText());
            case "anything-but" -> !anyOf(argument, value);
            case "numeric" -> value.isNumber() && numericMatches(argument, value.decimalValue());
            default -> false;
        };
    }

    /** For {@code anything-but}: whether the value is one of the excluded values or has the excluded affix. */
    private static boolean anyOf(JsonNode excluded, JsonNode value) {
        if (excluded.isObject()) {
            return matches(excluded, value);
        }
        if (excluded.isArray()) {
            for (JsonNode each : excluded) {
                if (equalValues(each, value)) {
                    return true;
                }
            }
            return false;
        }
        return equalValues(excluded, value);
    }

    private static boolean equalValues(JsonNode expected, JsonNode value) {
        if (expected.isNumber()) {
            return value.isNumber() && expected.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return expected.getNodeType() == value.getNodeType() && expected.equals(value);
    }

    private static boolean numericMatches(JsonNode comparisons, BigDecimal value) {
        for (int i = 0; i < comparisons.size(); i += 2) {
            int order = value.compareTo(comparisons.get(i + 1).decimalValue());
            boolean holds = switch (comparisons.get(i).asText()) {
                case "=" -> order == 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static void checkObject(JsonNode object, boolean bodyScope) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject() && bodyScope) {
                checkObject(value, true);
            } else if (value.isArray() && !value.isEmpty()) {
                value.forEach(FilterPolicy::checkCondition);
            } else {
                throw invalid("\"" + field.getKey() + "\" must be a non-empty array of conditions"
                        + (bodyScope ? " or a nested object." : "."));
            }
        }
    }

    private static void checkCondition(JsonNode condition) {
        if (condition.isValueNode()) {
            return;
        }
        if (!condition.isObject() || condition.size() != 1) {
            throw invalid("a condition must be a value or an object with one operator.");
        }
        Map.Entry<String, JsonNode> operator = condition.properties().iterator().next();
        JsonNode argument = operator.getValue();
        boolean valid = switch (operator.getKey()) {
            case "prefix", "suffix", "equals-ignore-case" -> argument.isTextual();
            case "exists" -> argument.isBoolean();
            case "anything-but" -> isAnythingButArgument(argument);
            case "numeric" -> isNumericArgument(argument);
            default -> throw invalid("Unrecognized match type " + operator.getKey());
        };
        if (!valid) {
            throw invalid("Invalid value for " + operator.getKey() + ": " + argument);
        }
    }

    private static boolean isAnythingButArgument(JsonNode argument) {
        if (argument.isTextual() || argument.isNumber()) {
            return true;
        }
        if (argument.isArray()) {
            for (JsonNode each : argument) {
                if (!each.isTextual() && !each.isNumber()) {
                    return false;
                }
            }
            return !argument.isEmpty();
        }
        return argument.isObject() && argument.size() == 1
                && (argument.has("prefix") || argument.has("suffix"))
                && argument.properties().iterator().next().getValue().isTextual();
    }

    private static boolean isNumericArgument(JsonNode argument) {
        if (!argument.isArray() || (argument.size() != 2 && argument.size() != 4)) {
            return false;
        }
        for (int i = 0; i < argument.size(); i += 2) {
            String operator = argument.get(i).asText();
            if (!argument.get(i).isTextual() || !NUMERIC_OPERATORS.contains(operator)
                    || !argument.get(i + 1).isNumber() || (operator.equals("=") && argument.size() == 4)) {
                return false;
            }
        }
        return true;
    }

    private static SnsException invalid(String reason) {
        return SnsException.invalidParameter("Attributes Reason: FilterPolicy: " + reason);
    }
}
