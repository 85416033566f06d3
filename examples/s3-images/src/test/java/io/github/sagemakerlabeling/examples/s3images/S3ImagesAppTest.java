package io.github.sagemakerlabeling.examples.s3images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The app as {@code exec:java} runs it: without a work team on its own Local Ground Truth with its shipped images;
 * with one, on AWS only once every AWS setting is there.
 */
class S3ImagesAppTest {

    @Test
    void labelsEveryShippedImageOnItsOwnLocalGroundTruth() throws Exception {
        ExampleSettings settings = ExampleSettings.load();

        Map<String, String> labels = S3ImagesApp.runOnLocalGroundTruth(settings, Duration.ofSeconds(60));

        assertThat(labels).containsExactly(Map.entry("circle-blue.png", "circle"), Map.entry("circle-red.png", "circle"),
                Map.entry("square-green.png", "square"), Map.entry("square-orange.png", "square"),
                Map.entry("triangle-purple.png", "triangle"), Map.entry("triangle-teal.png", "triangle"));
        assertThat(S3ImagesApp.summary(settings, labels))
                .startsWith("Labeled 6 images with job s3-images on Local Ground Truth:\n")
                .contains("  square-orange.png      square\n");
    }

    @Test
    void onAwsEveryMissingSettingIsNamedBeforeAnythingStarts() {
        Properties properties = new Properties();
        properties.setProperty("labeling.workteamArn", "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t");
        properties.setProperty("aws.region", "us-east-1");

        assertThatIllegalArgumentException().isThrownBy(() -> S3ImagesApp.requireAwsProperties(properties))
                .withMessage("A work team is given, so the app runs on AWS, but it also needs -Dlabeling.roleArn,"
                        + " -Dimages.bucket (see README.md)");
    }
}
