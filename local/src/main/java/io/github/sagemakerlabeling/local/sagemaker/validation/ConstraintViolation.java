package io.github.sagemakerlabeling.local.sagemaker.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One failed constraint, worded as SageMaker words it: {@code Value 'x' at 'member.path' failed to satisfy constraint:
 * Member must ...}. Values are quoted, numbers too; a missing value is an unquoted {@code null}.
 *
 * @param memberPath the member in AWS's form: lowerCamel names joined by dots, list elements as {@code tags.1.member}
 * @param shownValue the value as the message shows it
 * @param constraint the constraint, starting with {@code Member}
 */
public record ConstraintViolation(String memberPath, String shownValue, String constraint) {

    /** A constraint broken by a value of the request JSON ({@code null} or a JSON null for a missing one). */
    static ConstraintViolation of(String memberPath, JsonNode value, String constraint) {
        return new ConstraintViolation(memberPath, show(value), constraint);
    }

    /** A constraint broken by a value of the request as the SDK model holds it. */
    static ConstraintViolation ofValue(String memberPath, Object value, String constraint) {
        return new ConstraintViolation(memberPath, value == null ? "null" : "'" + plain(value) + "'", constraint);
    }

    @Override
    public String toString() {
        return "Value " + shownValue + " at '" + memberPath + "' failed to satisfy constraint: " + constraint;
    }

    private static String show(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "null" : "'" + plain(value) + "'";
    }

    /** A value without quotes: text as it is, lists as {@code [a, b]}, structures as {@code {Key=a, Value=b}}. */
    private static String plain(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isArray()) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(plain(item)));
                return "[" + String.join(", ", items) + "]";
            }
            if (node.isObject()) {
                List<String> members = new ArrayList<>();
                node.fields().forEachRemaining(e -> members.add(e.getKey() + "=" + plain(e.getValue())));
                return "{" + String.join(", ", members) + "}";
            }
            return node.asText();
        }
        if (value instanceof Collection<?> items) {
            return "[" + String.join(", ", items.stream().map(ConstraintViolation::plain).toList()) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            return "{" + String.join(", ", map.entrySet().stream().map(e -> e.getKey() + "=" + plain(e.getValue()))
                    .toList()) + "}";
        }
        return String.valueOf(value);
    }
}
