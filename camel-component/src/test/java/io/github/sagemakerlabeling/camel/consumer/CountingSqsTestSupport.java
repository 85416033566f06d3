package io.github.sagemakerlabeling.camel.consumer;

import org.apache.camel.spi.Registry;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Consumer tests that count the SQS requests the component sends: the registry's {@code sqs} client records every
 * call in {@link #calls}.
 */
abstract class CountingSqsTestSupport extends ConsumerTestSupport {

    /** Every SQS operation the component called, in order. */
    protected final SqsCalls calls = new SqsCalls();
    private SqsClient countingSqs;

    @Override
    protected void bindToRegistry(Registry registry) {
        super.bindToRegistry(registry);
        countingSqs = calls.client(LOCAL.groundTruth());
        registry.bind("sqs", countingSqs);
    }

    @Override
    protected void doPostTearDown() throws Exception {
        countingSqs.close();
        super.doPostTearDown();
    }
}
