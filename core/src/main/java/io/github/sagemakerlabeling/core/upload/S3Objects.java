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

    private S3Objects() {
    }

    /**
     * The object's metadata, or empty when there is no object at {@code uri}. HeadObject has no body, so a missing
     * key can come back as a bare 404 rather than {@code NoSuchKey}; both count as absent.
     */
    public static Optional<HeadObjectResponse> head(S3Client s3, S3Uri uri) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(uri.bucket()).key(uri.key())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
