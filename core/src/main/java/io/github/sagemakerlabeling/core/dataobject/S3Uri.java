package io.github.sagemakerlabeling.core.dataobject;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/key} URI naming one S3 object, as Ground Truth expects in {@code source-ref}.
 *
 * <p>The bucket must follow the S3 bucket naming rules: 3 to 63 characters of lowercase letters, digits, dots and
 * hyphens, beginning and ending with a letter or digit, without two adjacent dots and not shaped like an IP
 * address. The key must not be empty and is at most 1,024 bytes in UTF-8. The key is kept exactly as given (no URL
 * decoding), because Ground Truth reads {@code source-ref} literally.
 *
 * @param bucket the bucket name
 * @param key    the object key, never empty
 */
public record S3Uri(String bucket, String key) {

    private static final String SCHEME = "s3://";
    private static final int MIN_BUCKET_LENGTH = 3;
    private static final int MAX_BUCKET_LENGTH = 63;
    private static final int MAX_KEY_BYTES = 1_024;
    private static final Pattern BUCKET_CHARACTERS = Pattern.compile("[a-z0-9.-]*");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * @throws LabelingValidationException listing every rule the bucket and key break
     */
    public S3Uri {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        List<Violation> violations = new ArrayList<>();
        brokenBucketRules(bucket).forEach(rule -> violations.add(new Violation("bucket", bucket, rule)));
        brokenKeyRules(key).forEach(rule -> violations.add(new Violation("key", key, rule)));
        if (!violations.isEmpty()) {
            throw new LabelingValidationException("S3 URI", violations);
        }
    }

    /**
     * Parses {@code s3://bucket/key}.
     *
     * @throws LabelingValidationException naming the URI and every rule it breaks
     */
    public static S3Uri parse(String uri) {
        List<Violation> violations = violations("S3 URI", uri);
        if (!violations.isEmpty()) {
            throw new LabelingValidationException("S3 URI", violations);
        }
        int slash = uri.indexOf('/', SCHEME.length());
        return new S3Uri(uri.substring(SCHEME.length(), slash), uri.substring(slash + 1));
    }

    /**
     * Checks a URI naming one object, {@code s3://bucket/key}, without throwing: one violation per broken rule, each
     * naming {@code field} and the whole URI.
     */
    public static List<Violation> violations(String field, String uri) {
        return violations(field, uri, true);
    }

    /**
     * Checks a URI naming a location, {@code s3://bucket} or {@code s3://bucket/prefix}, without throwing: the bucket
     * rules apply, and the prefix, which may be empty, is at most 1,024 bytes. One violation per broken rule, each
     * naming {@code field} and the whole URI.
     */
    public static List<Violation> locationViolations(String field, String uri) {
        return violations(field, uri, false);
    }

    private static List<Violation> violations(String field, String uri, boolean keyRequired) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.startsWith(SCHEME)) {
            return List.of(new Violation(field, uri, keyRequired ? "must be an S3 URI of the form s3://bucket/key"
                    : "must be an s3://bucket/prefix location"));
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        List<Violation> violations = new ArrayList<>();
        brokenBucketRules(bucket).forEach(rule -> violations.add(new Violation(field, uri, rule)));
        if (keyRequired || !key.isEmpty()) {
            brokenKeyRules(key).forEach(rule -> violations.add(new Violation(field, uri, rule)));
        }
        return violations;
    }

    private static List<String> brokenBucketRules(String bucket) {
        List<String> broken = new ArrayList<>();
        String subject = "bucket name '" + bucket + "' ";
        if (bucket.length() < MIN_BUCKET_LENGTH || bucket.length() > MAX_BUCKET_LENGTH) {
            broken.add(subject + "must be 3 to 63 characters long, is " + bucket.length());
        }
        if (!BUCKET_CHARACTERS.matcher(bucket).matches()) {
            broken.add(subject + "may contain only lowercase letters, digits, dots and hyphens");
        }
        if (!bucket.isEmpty() && !(isLetterOrDigit(bucket.charAt(0))
                && isLetterOrDigit(bucket.charAt(bucket.length() - 1)))) {
            broken.add(subject + "must begin and end with a lowercase letter or digit");
        }
        if (bucket.contains("..")) {
            broken.add(subject + "must not contain two adjacent dots");
        }
        if (IP_ADDRESS.matcher(bucket).matches()) {
            broken.add(subject + "must not be formatted as an IP address");
        }
        return broken;
    }

    private static List<String> brokenKeyRules(String key) {
        if (key.isEmpty()) {
            return List.of("object key must not be empty (expected s3://bucket/key)");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            return List.of(String.format(Locale.ROOT, "object key must be at most %,d bytes in UTF-8, is %,d",
                    MAX_KEY_BYTES, bytes));
        }
        return List.of();
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The URI in {@code s3://bucket/key} form. */
    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}
