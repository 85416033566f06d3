package io.github.sagemakerlabeling.core.upload;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import java.util.Objects;
import java.util.Optional;

/**
 * Where binary data objects are uploaded, and how they are encrypted.
 *
 * @param bucket   the bucket; must follow the S3 bucket naming rules
 * @param prefix   put before every key, for example {@code labeling/input/}; empty for none
 * @param kmsKeyId the KMS key (id, ARN or alias) to encrypt uploads with (SSE-KMS); {@code null} for the bucket's
 *                 default encryption
 */
public record UploadSettings(String bucket, String prefix, String kmsKeyId) {

    /**
     * @throws io.github.sagemakerlabeling.core.validation.LabelingValidationException if the bucket breaks a naming
     *         rule, or the prefix leaves no room for a content key
     */
    public UploadSettings {
        Objects.requireNonNull(bucket, "bucket");
        prefix = prefix == null ? "" : prefix;
        new S3Uri(bucket, prefix + "0".repeat(ContentKey.HASH_LENGTH));
    }

    /** The KMS key uploads are encrypted with, if any. */
    public Optional<String> kmsKey() {
        return Optional.ofNullable(kmsKeyId);
    }
}
