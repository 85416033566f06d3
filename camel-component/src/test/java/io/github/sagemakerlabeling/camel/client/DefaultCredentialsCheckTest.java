package io.github.sagemakerlabeling.camel.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code useDefaultCredentialsProvider} and no credentials anywhere in the SDK's chain, the factory's start
 * check fails with a message naming the option, as camel-aws2 components fail at start. The chain is pointed at
 * empty profile files and kept off the instance metadata service (this test must send nothing off the machine).
 */
class DefaultCredentialsCheckTest {

    private static final Map<String, String> ISOLATED = Map.of(
            "aws.sharedCredentialsFile", "credentials", "aws.configFile", "config",
            "aws.disableEc2Metadata", "true");

    @TempDir
    Path profiles;

    @BeforeEach
    void isolateTheChain() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
                && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null
                && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                && System.getProperty("aws.accessKeyId") == null, "credentials are set in this environment");
        ISOLATED.forEach((key, file) -> System.setProperty(key,
                key.equals("aws.disableEc2Metadata") ? file : profiles.resolve(file).toString()));
    }

    @AfterEach
    void restore() {
        ISOLATED.keySet().forEach(System::clearProperty);
    }

    @Test
    void noCredentialsInTheDefaultChainFailsTheStartCheck() {
        SageMakerLabelingConfiguration configuration = new SageMakerLabelingConfiguration();
        configuration.setUseDefaultCredentialsProvider(true);

        assertThatThrownBy(() -> new DefaultSageMakerLabelingClientFactory().checkCredentials(configuration))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("useDefaultCredentialsProvider is true, but the AWS SDK's default credential "
                        + "chain found no credentials");
    }

    @Test
    void otherCredentialSourcesAreNotResolvedAtStart() {
        SageMakerLabelingConfiguration configuration = new SageMakerLabelingConfiguration();
        configuration.setAccessKey("local");
        configuration.setSecretKey("local");

        new DefaultSageMakerLabelingClientFactory().checkCredentials(configuration);
    }
}
