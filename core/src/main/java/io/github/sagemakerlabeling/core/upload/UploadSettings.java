package io.github.sagemakerlabeling.core.upload;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
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
     * @throws LabelingValidationException naming the field {@code bucket} and each naming rule it breaks, or the field
     *         {@code prefix} if it leaves no room for a content key
     */
    public UploadSettings {
        Objects.requireNonNull(bucket, "bucket");
        prefix = prefix == null ? "" : prefix;
        try {
            new S3Uri(bucket, prefix + "0".repeat(ContentKey.HASH_LENGTH));
        } catch (LabelingValidationException e) {
            String givenPrefix = prefix;
            throw new LabelingValidationException("The upload location", e.violations().stream()
                    .map(v -> v.field().equals("bucket") ? new Violation("bucket", bucket, v.rule())
                            : new Violation("prefix", givenPrefix, "with the 64-character content hash after it, the "
                                    + v.rule()))
                    .toList());
        }
    }

    /** The KMS key uploads are encrypted with, if any. */
    public Optional<String> kmsKey() {
        return Optional.ofNullable(kmsKeyId);
    }
}
