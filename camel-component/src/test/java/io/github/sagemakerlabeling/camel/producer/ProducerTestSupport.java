package io.github.sagemakerlabeling.camel.producer;

import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Producer tests on the JVM's shared Local Ground Truth stack. The extension, registered in a static field, resets
 * the stack before each test and before Camel's test support (an instance-field extension) creates and starts the
 * test's context, so routes start on an empty stack. The registry holds one client bean of each type, which the
 * component autowires: the stack's, except an SNS client that counts its calls.
 */
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
abstract class ProducerTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared()
            .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());

    static SageMakerClient sageMaker;
    static SnsClient sns;
    static SqsClient sqs;
    static S3Client s3;
    private CountingSnsClient componentSns;

    /** Clients injected here are closed by the extension after the class. */
    @BeforeAll
    static void clients(SageMakerClient sageMakerClient, SnsClient snsClient, SqsClient sqsClient, S3Client s3Client) {
        sageMaker = sageMakerClient;
        sns = snsClient;
        sqs = sqsClient;
        s3 = s3Client;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("sageMaker", sageMaker);
        componentSns = new CountingSnsClient(LOCAL.groundTruth());
        registry.bind("sns", componentSns.client());
        registry.bind("sqs", sqs);
        registry.bind("s3", s3Client());
    }

    /** Closes the component's SNS client once the context stopped (a stopping producer may still publish). */
    @Override
    protected void doPostTearDown() throws Exception {
        componentSns.client().close();
        super.doPostTearDown();
    }

    /** The calls the component made with its SNS client, by operation. */
    CountingSnsClient componentSns() {
        return componentSns;
    }

    /** The S3 client the component uses; a test may give one that records its requests. */
    S3Client s3Client() {
        return s3;
    }

    /** Creates a streaming job through the component and a queue on its output. */
    LabelingJobFixture startJob(String name) {
        LabelingJobFixture job = new LabelingJobFixture(LOCAL.groundTruth(), sns, sqs, s3, name);
        template.requestBody("sagemaker-labeling:" + name + "?operation=createJob", job.spec());
        return job;
    }
}
