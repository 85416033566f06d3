package io.github.sagemakerlabeling.camel.job;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import io.github.sagemakerlabeling.core.upload.S3Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Puts job artifacts into S3 once: an artifact already at its content-addressed URI is left as it is. */
final class ArtifactStore {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactStore.class);

    private final S3Client s3;

    ArtifactStore(S3Client s3) {
        this.s3 = s3;
    }

    /** Makes sure the artifact is at {@code uri} (an {@code s3://bucket/key} URI its content names). */
    void put(String uri, JobArtifact artifact) {
        S3Uri location = S3Uri.parse(uri);
        if (S3Objects.head(s3, location).isPresent()) {
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
}
