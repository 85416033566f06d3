package io.github.sagemakerlabeling.examples.springboot.local;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The {@code local} profile: Local Ground Truth runs inside the app, on free ports of 127.0.0.1, and stops with it.
 * Its SageMaker, SNS, SQS and S3 clients are beans, which the component picks up by type (autowiring), so no
 * endpoint or credential needs configuring. The bucket of the job's output path is created, as it would exist in AWS.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@EnableConfigurationProperties(SimulatedWorkers.class)
public class LocalGroundTruthConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LocalGroundTruthConfiguration.class);

    @Bean(destroyMethod = "close")
    LocalGroundTruth localGroundTruth(SimulatedWorkers workers,
            @Value("${camel.component.sagemaker-labeling.s3-output-path}") String s3OutputPath) {
        LocalGroundTruth groundTruth = LocalGroundTruth.builder()
                .workers(RuleBasedAnnotator.builder().when(workers.keywords()).otherwise(workers.otherwise()).build())
                .start();
        try (S3Client s3 = groundTruth.s3Client()) {
            s3.createBucket(b -> b.bucket(URI.create(s3OutputPath).getHost()));
        }
        LOG.info("Local Ground Truth is running: {}", groundTruth.endpoints());
        return groundTruth;
    }

    @Bean(destroyMethod = "close")
    SageMakerClient sageMakerClient(LocalGroundTruth groundTruth) {
        return groundTruth.sageMakerClient();
    }

    @Bean(destroyMethod = "close")
    SnsClient snsClient(LocalGroundTruth groundTruth) {
        return groundTruth.snsClient();
    }

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(LocalGroundTruth groundTruth) {
        return groundTruth.sqsClient();
    }

    @Bean(destroyMethod = "close")
    S3Client s3Client(LocalGroundTruth groundTruth) {
        return groundTruth.s3Client();
    }
}
