package io.github.sagemakerlabeling.core.labels;

/** The value type of a label category attribute or frame attribute (document version 2020-03-01). */
public enum AttributeType {

    /** {@code "string"}: a choice from {@code enum} when given, otherwise free-form text. */
    STRING("string"),

    /** {@code "number"}: a whole number between {@code minimum} and {@code maximum}, inclusive. */
    NUMBER("number");

    private final String value;

    AttributeType(String value) {
        this.value = value;
    }

    /** The string as written in the file. */
    public String value() {
        return value;
    }

    /**
     * The constant with the given string.
     *
     * @throws IllegalArgumentException for any other string
     */
    public static AttributeType fromValue(String value) {
        return WireValues.parse(values(), AttributeType::value, value, "attribute type");
    }
}
