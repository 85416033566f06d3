package io.github.sagemakerlabeling.core.labels;

/**
 * The two versions of the label category configuration file. Each version is named under its own JSON key: the
 * original format uses the kebab-case key {@code "document-version"}, the 3D point cloud / video frame format the
 * camelCase key {@code "documentVersion"}.
 */
public enum DocumentVersion {

    /** {@code "document-version": "2018-11-28"}: image, text, video classification, NER and custom task types. */
    V2018_11_28("2018-11-28", "document-version"),

    /** {@code "documentVersion": "2020-03-01"}: 3D point cloud and video frame task types, with attributes. */
    V2020_03_01("2020-03-01", "documentVersion");

    private final String value;
    private final String jsonKey;

    DocumentVersion(String value, String jsonKey) {
        this.value = value;
        this.jsonKey = jsonKey;
    }

    /** The version string as written in the file, for example {@code "2018-11-28"}. */
    public String value() {
        return value;
    }

    /** The top-level JSON key that carries this version. */
    public String jsonKey() {
        return jsonKey;
    }

    /**
     * The version with the given string.
     *
     * @throws IllegalArgumentException if {@code value} is not one of the known version strings
     */
    public static DocumentVersion fromValue(String value) {
        return WireValues.parse(values(), DocumentVersion::value, value, "label category configuration version");
    }
}
