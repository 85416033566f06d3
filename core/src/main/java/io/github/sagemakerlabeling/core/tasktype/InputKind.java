package io.github.sagemakerlabeling.core.tasktype;

/**
 * How a data object names its content in a manifest line or in an SNS message sent to a streaming job's input topic.
 */
public enum InputKind {

    /** The content is the value itself, a text string, under the key {@code source}. */
    TEXT("source"),

    /** The content is an object in Amazon S3 whose URI is the value under the key {@code source-ref}. */
    S3_OBJECT("source-ref");

    private final String manifestKey;

    InputKind(String manifestKey) {
        this.manifestKey = manifestKey;
    }

    /** The JSON key that carries the data object: {@code "source"} or {@code "source-ref"}. */
    public String manifestKey() {
        return manifestKey;
    }
}
