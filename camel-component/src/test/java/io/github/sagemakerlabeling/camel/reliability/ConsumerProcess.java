package io.github.sagemakerlabeling.camel.reliability;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A consuming application in a JVM of its own, for {@link ConsumerKillTest} to kill with SIGKILL: it reads a job's
 * output queue (given, with the label attribute, so it needs no SageMaker call) and appends each routed source to a
 * file, forced to disk before the exchange completes, so the file holds exactly what came out before the kill.
 *
 * <p>Arguments: the SageMaker, SNS, SQS and S3 endpoints, the region, the queue URL, the output file.
 */
public final class ConsumerProcess {

    /** Printed on standard output once the route runs. */
    static final String STARTED = "consumer process started";

    private ConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String region = args[4];
        Path out = Path.of(args[6]);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("sageMaker", LocalAwsClients.configure(SageMakerClient.builder(),
                URI.create(args[0]), region).build());
        context.getRegistry().bind("sns", LocalAwsClients.sns(URI.create(args[1]), region));
        context.getRegistry().bind("sqs", LocalAwsClients.sqs(URI.create(args[2]), region));
        context.getRegistry().bind("s3", LocalAwsClients.s3(URI.create(args[3]), region));
        try (FileChannel file = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("sagemaker-labeling:killed-reviews?outputQueue=" + args[5]
                            + "&labelAttributeName=label&waitTimeSeconds=1&greedy=true&delay=10")
                            .process(exchange -> {
                                String source = exchange.getMessage().getHeader(SageMakerLabelingConstants.SOURCE,
                                        String.class);
                                synchronized (file) {
                                    file.write(ByteBuffer.wrap((source + "\n").getBytes(StandardCharsets.UTF_8)));
                                    file.force(false);
                                }
                            });
                }
            });
            context.start();
            System.out.println(STARTED);
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
