package io.github.sagemakerlabeling.camel.reliability;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * A feeding application in a JVM of its own, for {@link ProducerKillTest} to kill with SIGKILL: it sends the texts of
 * {@link #texts(int)} to a job, ten at a time with {@code sendDataObjects} (one PublishBatch call each), and prints
 * {@link #SENT} with the running total after each call returned.
 *
 * <p>Arguments: the SageMaker, SNS, SQS and S3 endpoints, the region, the endpoint URI, the number of texts.
 */
public final class ProducerProcess {

    /** Printed on standard output, followed by the number of texts sent so far, after each call. */
    static final String SENT = "sent ";

    private static final int CHUNK = 10;

    private ProducerProcess() {
    }

    /** The texts the process sends, the same in every run: every third one is labeled positive. */
    static List<String> texts(int count) {
        return IntStream.range(0, count).mapToObj(i -> i % 3 == 0
                ? "Fed review " + i + ": delicious" : "Fed review " + i + ": bland").toList();
    }

    public static void main(String[] args) throws Exception {
        String region = args[4];
        List<String> texts = texts(Integer.parseInt(args[6]));
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("sageMaker", LocalAwsClients.configure(SageMakerClient.builder(),
                URI.create(args[0]), region).build());
        context.getRegistry().bind("sns", LocalAwsClients.sns(URI.create(args[1]), region));
        context.getRegistry().bind("sqs", LocalAwsClients.sqs(URI.create(args[2]), region));
        S3Client s3 = LocalAwsClients.s3(URI.create(args[3]), region);
        context.getRegistry().bind("s3", s3);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(args[5] + "&operation=sendDataObjects");
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        for (int from = 0; from < texts.size(); from += CHUNK) {
            template.requestBody("direct:send", texts.subList(from, Math.min(from + CHUNK, texts.size())));
            System.out.println(SENT + Math.min(from + CHUNK, texts.size()));
            System.out.flush();
        }
        Thread.currentThread().join();
    }
}
