package io.github.sagemakerlabeling.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts AWS SDK v2 model objects to and from their AWS JSON 1.1 wire form (member names as in the service model,
 * timestamps as epoch seconds), driven by the models' own field metadata. Local Ground Truth speaks the SageMaker API
 * with it, and tests compare requests with the reference's wire examples through it.
 */
public final class SdkJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Epoch seconds below 10^15 (31 million years) fit {@link Instant#ofEpochMilli} and any real timestamp. */
    private static final int MAX_EPOCH_SECONDS_DIGITS = 15;

    private SdkJson() {
    }

    /** The wire JSON of a built model object; members that are unset are left out. */
    public static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)) {
                node.set(field.locationName(), valueToJson(field, value));
            }
        }
        return node;
    }

    /**
     * Sets every member found in {@code json} on a model builder and returns the builder; members the model does not
     * know are ignored, as AWS's JSON protocols do.
     *
     * @throws IllegalArgumentException naming the member when a value has the wrong JSON type
     */
    public static <B extends SdkPojo> B fill(B builder, JsonNode json) {
        return fill(builder, json, "");
    }

    private static <B extends SdkPojo> B fill(B builder, JsonNode json, String path) {
        if (!json.isObject()) {
            throw new IllegalArgumentException(where(path) + "must be a JSON object");
        }
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode value = json.get(field.locationName());
            if (value != null && !value.isNull()) {
                field.set(builder, jsonToValue(field, value, path + field.locationName()));
            }
        }
        return builder;
    }

    private static JsonNode valueToJson(SdkField<?> field, Object value) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return toJson((SdkPojo) value);
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = NODES.arrayNode();
            ((List<?>) value).forEach(item -> array.add(item == null ? NODES.nullNode() : valueToJson(member, item)));
            return array;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode object = NODES.objectNode();
            ((Map<?, ?>) value).forEach((k, v) -> object.set(String.valueOf(k), valueToJson(member, v)));
            return object;
        }
        if (type == MarshallingType.INSTANT) {
            Instant instant = (Instant) value;
            return NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
        }
        return Json.mapper().valueToTree(value);
    }

    private static Object jsonToValue(SdkField<?> field, JsonNode value, String path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = fill(field.constructor().get(), value, path + ".");
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (type == MarshallingType.LIST) {
            requireType(value.isArray(), path, "a JSON array");
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                list.add(jsonToValue(member, value.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            requireType(value.isObject(), path, "a JSON object");
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                map.put(entry.getKey(), jsonToValue(member, entry.getValue(), path + "." + entry.getKey()));
            }
            return map;
        }
        return scalar(type, value, path);
    }

    private static Object scalar(MarshallingType<?> type, JsonNode value, String path) {
        if (type == MarshallingType.STRING) {
            requireType(value.isTextual(), path, "a string");
            return value.textValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            requireType(value.isBoolean(), path, "true or false");
            return value.booleanValue();
        }
        if (type == MarshallingType.INSTANT) {
            requireType(value.isNumber(), path, "a number of epoch seconds");
            BigDecimal seconds = value.decimalValue();
            // Check the magnitude before converting: 1e3000000 would otherwise take seconds of CPU to widen.
            requireType(seconds.precision() - seconds.scale() <= MAX_EPOCH_SECONDS_DIGITS, path,
                    "a number of epoch seconds with at most " + MAX_EPOCH_SECONDS_DIGITS + " integer digits");
            return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        }
        requireType(value.isNumber(), path, "a number");
        if (type == MarshallingType.INTEGER) {
            requireType(value.canConvertToInt() && value.isIntegralNumber(), path, "a whole number");
            return value.intValue();
        }
        if (type == MarshallingType.LONG) {
            requireType(value.canConvertToLong() && value.isIntegralNumber(), path, "a whole number");
            return value.longValue();
        }
        if (type == MarshallingType.DOUBLE) {
            return value.doubleValue();
        }
        if (type == MarshallingType.FLOAT) {
            return value.floatValue();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return value.decimalValue();
        }
        throw new IllegalArgumentException(where(path) + "has an unsupported type " + type);
    }

    private static void requireType(boolean ok, String path, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(where(path) + "must be " + expected);
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "the request " : "'" + path + "' ";
    }
}
