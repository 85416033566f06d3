package io.github.sagemakerlabeling.examples.s3images;

import io.github.sagemakerlabeling.examples.s3images.ShippedImages.ShippedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.Main;

/**
 * The s3-images example: images dropped into an S3 bucket are classified by a Ground Truth streaming labeling job,
 * and each labeled image gets its output line in the bucket and a notification on an SNS topic. The routes are in
 * {@code routes/s3-images.camel.yaml}, the settings in {@code application*.properties}.
 *
 * <p>Without a work team ({@code -Dlabeling.workteamArn}) the app runs on Local Ground Truth, started in this
 * process: it drops the images it ships into the bucket, waits until each is labeled, prints a summary and exits.
 * With one, the routes run against AWS until the process is stopped.
 */
public final class S3ImagesApp {

    /** The id of the route that handles labeled images. */
    static final String LABELED_ROUTE = "labeled-images";

    /** The system properties the app needs on AWS; the first, the work team, is what selects AWS. */
    static final List<String> AWS_PROPERTIES = List.of("labeling.workteamArn", "labeling.roleArn", "aws.region",
            "images.bucket");

    private static final Duration LABELING_TIMEOUT = Duration.ofMinutes(2);

    private S3ImagesApp() {
    }

    /**
     * Runs the example, on AWS when a work team is given, else on Local Ground Truth, and ends the JVM: with 0 when it
     * is done (on AWS: stopped), with 1 when it failed.
     *
     * @param args not used; settings are system properties
     */
    public static void main(String[] args) {
        System.exit(run());
    }

    private static int run() {
        try {
            if (System.getProperty(AWS_PROPERTIES.get(0)) != null) {
                requireAwsProperties(System.getProperties());
                newMain("aws", Map.of()).run();
            } else {
                ExampleSettings settings = ExampleSettings.load();
                System.out.print(summary(settings, runOnLocalGroundTruth(settings, LABELING_TIMEOUT)));
            }
            return 0;
        } catch (Exception e) {
            // Printed here, while the app's classes can still be loaded: exec:java closes their class loader before
            // Maven reports an exception, and an AWS SDK exception then cannot even say its message.
            e.printStackTrace();
            return 1;
        }
    }

    /** @throws IllegalArgumentException naming every property of {@link #AWS_PROPERTIES} that is not set */
    static void requireAwsProperties(Properties properties) {
        List<String> missing = AWS_PROPERTIES.stream()
                .filter(name -> properties.getProperty(name, "").isBlank()).map(name -> "-D" + name).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("A work team is given, so the app runs on AWS, but it also needs "
                    + String.join(", ", missing) + " (see README.md)");
        }
    }

    /**
     * A Camel Main for the example's routes, with {@code application.properties} and the profile's
     * {@code application-<profile>.properties}.
     *
     * @param profile    {@code local} or {@code aws}
     * @param properties properties that win over every other source, such as the {@code local-ground-truth.*}
     *                   endpoints of the stack the app started
     */
    static Main newMain(String profile, Map<String, String> properties) {
        Main main = new Main();
        main.configure().setProfile(profile);
        properties.forEach(main::addOverrideProperty);
        return main;
    }

    /**
     * Starts Local Ground Truth and the routes, drops the shipped images into the bucket and waits until each is
     * labeled; then stops everything.
     *
     * @return each image's label, by image name
     * @throws IllegalStateException naming the images not labeled within {@code timeout}
     */
    static Map<String, String> runOnLocalGroundTruth(ExampleSettings settings, Duration timeout)
            throws Exception {
        List<ShippedImage> images = ShippedImages.load();
        try (LocalImagesStack local = LocalImagesStack.start(settings)) {
            LabeledImages labeled = new LabeledImages();
            Main main = newMain("local", local.properties());
            main.bind("labeledImages", labeled);
            main.start();
            try {
                ShippedImages.drop(local.s3(), settings.bucket(), images);
                return labeled.await(images.stream().map(ShippedImage::name).toList(), timeout);
            } finally {
                main.stop();
            }
        }
    }

    /** What the app prints when it is done. */
    static String summary(ExampleSettings settings, Map<String, String> labels) {
        StringBuilder summary = new StringBuilder("Labeled ").append(labels.size()).append(" images with job ")
                .append(settings.job()).append(" on Local Ground Truth:\n");
        labels.forEach((image, label) -> summary.append(String.format("  %-22s %s%n", image, label)));
        return summary.append("Each image's output line is in s3://").append(settings.bucket())
                .append("/labeled/<image>.json and was announced on SNS topic ").append(settings.notificationTopic())
                .append(".\n").toString();
    }
}
