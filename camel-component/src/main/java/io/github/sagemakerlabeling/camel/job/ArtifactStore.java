package io.github.sagemakerlabeling.camel.job;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Puts job artifacts into S3 once: an artifact already at its content-addressed URI is left as it is. */
final class ArtifactStore {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactStore.class);
    private static final int NOT_FOUND = 404;

    private final S3Client s3;

    ArtifactStore(S3Client s3) {
        this.s3 = s3;
    }

    /** Makes sure the artifact is at {@code uri} (an {@code s3://bucket/key} URI its content names). */
    void put(String uri, JobArtifact artifact) {
        S3Uri location = S3Uri.parse(uri);
        if (exists(location)) {
            return;
        }
        try {
            s3.putObject(b -> b.bucket(location.bucket()).key(location.key()).contentType(artifact.contentType()),
                    RequestBody.fromBytes(artifact.content()));
            LOG.info("Uploaded the job's {} to {}", artifact.name(), uri);
        } catch (NoSuchBucketException e) {
            throw new IllegalStateException("Cannot upload the job's " + artifact.name() + " to " + uri + ": bucket '"
                    + location.bucket() + "' does not exist. Create it, or point artifactS3Prefix at a bucket that"
                    + " exists", e);
        }
    }

    private boolean exists(S3Uri location) {
        try {
            s3.headObject(b -> b.bucket(location.bucket()).key(location.key()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
