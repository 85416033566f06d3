package io.github.sagemakerlabeling.core.upload;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Questions about single S3 objects that content-addressed uploads ask before they write. */
public final class S3Objects {

    private static final int NOT_FOUND = 404;
    private static final int FORBIDDEN = 403;

    private S3Objects() {
    }

    /**
     * The object's metadata, or empty when there is no object at {@code uri} as far as the caller may know. HeadObject
     * has no body, so a missing key can come back as a bare 404 rather than {@code NoSuchKey}; both count as absent.
     * Without {@code s3:ListBucket} on the bucket, S3 answers a missing key with 403 instead, so as not to tell that
     * it is missing: that counts as absent too, and the caller writes the object (a content-addressed key then only
     * rewrites the same bytes). When the caller may not write either, its PutObject fails with S3's own error.
     */
    public static Optional<HeadObjectResponse> head(S3Client s3, S3Uri uri) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(uri.bucket()).key(uri.key())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND || e.statusCode() == FORBIDDEN) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
