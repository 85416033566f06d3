package io.github.sagemakerlabeling.local.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One SNS message attribute: a data type ({@code String}, {@code Number}, {@code Binary}, optionally with a custom
 * {@code .suffix}, or {@code String.Array}) and a string or binary value.
 */
record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    /** Longer than any number SNS takes written out with zeros (38 digits, exponent at most 128). */
    private static final int MAX_NUMBER_TEXT = 200;
    private static final Pattern TYPE = Pattern.compile("(String|Number|Binary)(\\.[^\\s]+)?");

    /**
     * Parses one entry of {@code MessageAttributes.entry.N} ({@code Name}, {@code Value.DataType},
     * {@code Value.StringValue}, {@code Value.BinaryValue} in base64) and checks it as SNS does.
     *
     * @throws SnsException {@code ParameterValueInvalid} for a bad name, type or value
     */
    static Named parse(SnsRequest entry) {
        String name = entry.get("Name");
        if (name == null || !NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".")
                || name.contains("..") || name.regionMatches(true, 0, "AWS.", 0, 4)
                || name.regionMatches(true, 0, "Amazon.", 0, 7)) {
            throw SnsException.invalidParameterValue("The message attribute name '" + name + "' is invalid.");
        }
        String dataType = entry.get("Value.DataType");
        if (dataType == null || dataType.length() > 256 || !TYPE.matcher(dataType).matches()) {
            throw SnsException.invalidParameterValue("The message attribute '" + name
                    + "' has an invalid message attribute type, the set of supported type prefixes is Binary,"
                    + " Number, and String.");
        }
        MessageAttribute attribute = dataType.startsWith("Binary")
                ? new MessageAttribute(dataType, null, decodeBinary(name, entry.get("Value.BinaryValue")))
                : new MessageAttribute(dataType, entry.get("Value.StringValue"), null);
        attribute.checkValue(name);
        return new Named(name, attribute);
    }

    private static byte[] decodeBinary(String name, String base64) {
        try {
            return base64 == null ? null : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw SnsException.invalidParameterValue("The message attribute '" + name
                    + "' has a BinaryValue that is not valid base64.");
        }
    }

    private void checkValue(String name) {
        boolean empty = isBinary() ? binaryValue == null || binaryValue.length == 0
                : stringValue == null || stringValue.isEmpty();
        if (empty) {
            throw SnsException.invalidParameterValue("The message attribute '" + name
                    + "' must contain non-empty message attribute value for message attribute type '"
                    + baseType() + "'.");
        }
        if (isNumber()) {
            checkNumber(name);
        }
        if (isStringArray() && !arrayValue().isArray()) {
            throw SnsException.invalidParameterValue("The message attribute '" + name
                    + "' with type 'String.Array' must be a JSON array.");
        }
    }

    /**
     * SNS's number rule: up to 38 significant digits, magnitude between 10^-128 and 10^126. The text's length is
     * checked before it is parsed, and the magnitude before anything converts it, so no number costs much CPU.
     */
    private void checkNumber(String name) {
        BigDecimal number;
        try {
            if (stringValue.length() > MAX_NUMBER_TEXT) {
                throw new NumberFormatException("too long");
            }
            number = new BigDecimal(stringValue.trim()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw SnsException.invalidParameterValue("Could not cast message attribute '" + name
                    + "' value to number.");
        }
        int exponent = number.precision() - number.scale() - 1;
        if (number.signum() != 0 && (number.precision() > 38 || exponent < -128 || exponent > 126)) {
            throw SnsException.invalidParameterValue("The message attribute '" + name + "' has a number value that"
                    + " is out of range: numbers have up to 38 digits of precision and lie between 10^-128 and"
                    + " 10^+126.");
        }
    }

    /** {@code String}, {@code Number} or {@code Binary}: the data type without its custom suffix. */
    String baseType() {
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    boolean isBinary() {
        return dataType.startsWith("Binary");
    }

    boolean isNumber() {
        return dataType.startsWith("Number");
    }

    boolean isStringArray() {
        return dataType.equals("String.Array");
    }

    /** The value of a {@code String.Array} attribute as JSON; a missing node if it is no JSON. */
    JsonNode arrayValue() {
        try {
            return Json.read(stringValue);
        } catch (JsonProcessingException e) {
            return Json.mapper().missingNode();
        }
    }

    /** The value as SNS shows it in a JSON notification: the string, or base64 for binary values. */
    String displayValue() {
        return isBinary() ? Base64.getEncoder().encodeToString(binaryValue) : stringValue;
    }

    /** Bytes counted toward the 256 KiB message limit: name, data type and value. */
    int size(String name) {
        int value = isBinary() ? binaryValue.length : utf8Length(stringValue);
        return utf8Length(name) + utf8Length(dataType) + value;
    }

    /** Bytes counted toward the 256 KiB limits for all these attributes: names, data types and values. */
    static int size(Map<String, MessageAttribute> attributes) {
        int size = 0;
        for (Map.Entry<String, MessageAttribute> attribute : attributes.entrySet()) {
            size += attribute.getValue().size(attribute.getKey());
        }
        return size;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** An attribute with its name, as parsed from one request entry. */
    record Named(String name, MessageAttribute attribute) {
    }
}
