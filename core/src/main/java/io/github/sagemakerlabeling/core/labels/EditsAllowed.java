package io.github.sagemakerlabeling.core.labels;

/**
 * Whether workers may change a label or attribute in a 2020-03-01 adjustment or verification job. When absent,
 * Ground Truth treats it as {@link #ANY}; verification jobs set {@link #NONE} on every label.
 */
public enum EditsAllowed {

    /** {@code "none"}: the label or attribute cannot be modified. */
    NONE("none"),

    /** {@code "any"}: every modification is allowed (the service's default). */
    ANY("any");

    private final String value;

    EditsAllowed(String value) {
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
    public static EditsAllowed fromValue(String value) {
        return WireValues.parse(values(), EditsAllowed::value, value, "editsAllowed value");
    }
}
