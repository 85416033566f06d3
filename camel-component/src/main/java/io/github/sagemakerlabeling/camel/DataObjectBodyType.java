package io.github.sagemakerlabeling.camel;

/**
 * What a String body is (option {@code bodyType}, or the {@code CamelSageMakerLabelingBodyType} header): other body
 * types say so by their class.
 */
public enum DataObjectBodyType {
    /**
     * An S3 object when the body starts with {@code s3://} and has no white space (it must then be a valid
     * {@code s3://bucket/key}), a manifest line when it opens a JSON object, {@code {"} (it must then be a valid
     * one), else text to label: so {@code {Sponsored} great phone} and {@code s3://ideas are great} are text.
     */
    auto,
    /** Always text to label ({@code source}), whatever it starts with. */
    text,
    /** Always an S3 object ({@code source-ref}); a body that is no valid {@code s3://bucket/key} URI fails. */
    sourceRef,
    /** Always a manifest line; a body that is not one JSON object fails. */
    manifestLine
}
