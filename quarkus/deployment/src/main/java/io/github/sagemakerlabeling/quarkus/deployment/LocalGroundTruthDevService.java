package io.github.sagemakerlabeling.quarkus.deployment;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthProperties;
import io.github.sagemakerlabeling.local.workers.Annotator;
import io.quarkus.deployment.builditem.Startable;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Local Ground Truth as a Dev Service: started on free ports of 127.0.0.1 before the app, with the output bucket
 * created; closed (every server stopped, every port freed) when Quarkus shuts its Dev Services down.
 */
final class LocalGroundTruthDevService implements Startable {

    private static final Logger LOG = Logger.getLogger(LocalGroundTruthDevService.class);

    private final String region;
    private final Annotator workers;
    private final String bucket;
    private volatile LocalGroundTruth groundTruth;

    /**
     * @param region  the region the stack plays, or {@code null} for Local Ground Truth's default
     * @param workers the simulated workers
     * @param bucket  the S3 bucket the job writes its output to
     */
    LocalGroundTruthDevService(String region, Annotator workers, String bucket) {
        this.region = region;
        this.workers = workers;
        this.bucket = bucket;
    }

    @Override
    public void start() {
        LocalGroundTruth.Builder builder = LocalGroundTruth.builder().workers(workers);
        if (region != null) {
            builder.region(region);
        }
        LocalGroundTruth started = builder.start();
        try (S3Client s3 = started.s3Client()) {
            s3.createBucket(request -> request.bucket(bucket));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        groundTruth = started;
        LOG.infof("Dev Services started Local Ground Truth: %s", started.endpoints());
    }

    /** The running stack; only after {@link #start()}. */
    LocalGroundTruth groundTruth() {
        if (groundTruth == null) {
            throw new IllegalStateException("Local Ground Truth has not been started");
        }
        return groundTruth;
    }

    /** The stack's {@code local-ground-truth.*} properties (endpoints, region, account, keys). */
    Map<String, String> properties() {
        return LocalGroundTruthProperties.of(groundTruth());
    }

    @Override
    public String getConnectionInfo() {
        return groundTruth == null ? "not started" : properties().toString();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        LocalGroundTruth running = groundTruth;
        groundTruth = null;
        if (running != null) {
            running.close();
            LOG.info("Dev Services stopped Local Ground Truth");
        }
    }
}
