package io.github.sagemakerlabeling.examples.s3images;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthProperties;
import io.github.sagemakerlabeling.local.workers.Annotator;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Local Ground Truth as the example runs on it without AWS: in this process, on free ports of 127.0.0.1, with the
 * example's bucket and simulated workers that label each image by its name.
 */
final class LocalImagesStack implements AutoCloseable {

    private final LocalGroundTruth groundTruth;
    private final S3Client s3;

    private LocalImagesStack(LocalGroundTruth groundTruth) {
        this.groundTruth = groundTruth;
        this.s3 = groundTruth.s3Client();
    }

    /**
     * The simulated workers: each picks the first label that the image's S3 key contains ({@code circle-red.png}
     * is a circle), else the first label. They never look at pixels, so the example's labels are predictable.
     */
    static Annotator workers(List<String> labels) {
        RuleBasedAnnotator.Builder workers = RuleBasedAnnotator.builder();
        labels.forEach(label -> workers.when(label, label));
        return workers.build();
    }

    /** Starts Local Ground Truth and creates the settings' bucket. */
    static LocalImagesStack start(ExampleSettings settings) {
        LocalImagesStack stack = new LocalImagesStack(LocalGroundTruth.builder()
                .workers(workers(settings.labels())).start());
        try {
            stack.s3.createBucket(b -> b.bucket(settings.bucket()));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** The {@code local-ground-truth.*} properties that {@code application-local.properties} points clients with. */
    Map<String, String> properties() {
        return LocalGroundTruthProperties.of(groundTruth);
    }

    /** A client of the stack's S3, closed with the stack. */
    S3Client s3() {
        return s3;
    }

    @Override
    public void close() {
        s3.close();
        groundTruth.close();
    }
}
