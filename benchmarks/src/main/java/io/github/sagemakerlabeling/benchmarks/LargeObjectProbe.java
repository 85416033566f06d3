package io.github.sagemakerlabeling.benchmarks;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The child JVM of the large-binary part ({@code -Xmx128m}): one route sends a generated stream of the given size
 * with {@code sendDataObject}, and the probe prints {@code probe.*} lines: the SHA-256 of what it generated, the S3
 * key, the time the send took and the heap high-water. Arguments: sagemaker, sns, sqs, s3 endpoints, region, input
 * topic ARN, bucket, size in bytes, spool directory, and {@code default} (the CamelContext's defaults: stream caching
 * on) or {@code noStreamCaching}.
 */
public final class LargeObjectProbe {

    private LargeObjectProbe() {
    }

    public static void main(String[] args) throws Exception {
        String region = args[4];
        String topicArn = args[5];
        String bucket = args[6];
        long size = Long.parseLong(args[7]);
        String spool = args[8];
        boolean streamCaching = !args[9].equals("noStreamCaching");
        try (SageMakerClient sageMaker = LocalAwsClients.configure(SageMakerClient.builder(), URI.create(args[0]),
                region).build();
             SnsClient sns = LocalAwsClients.sns(URI.create(args[1]), region);
             SqsClient sqs = LocalAwsClients.sqs(URI.create(args[2]), region);
             S3Client s3 = LocalAwsClients.s3(URI.create(args[3]), region);
             CamelContext context = new DefaultCamelContext()) {
            context.setStreamCaching(streamCaching);
            context.getRegistry().bind("sageMaker", sageMaker);
            context.getRegistry().bind("sns", sns);
            context.getRegistry().bind("sqs", sqs);
            context.getRegistry().bind("s3", s3);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:large").to("sagemaker-labeling:large-binary?inputTopic=" + topicArn
                            + "&ensureJob=false&region=" + region + "&uploadBucket=" + bucket
                            + "&uploadPrefix=large/&uploadSpoolDirectory=" + spool);
                }
            });
            context.start();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            GeneratedStream stream = new GeneratedStream(size, 6);
            long t0 = System.nanoTime();
            Exchange sent;
            try {
                sent = context.createProducerTemplate().send("direct:large",
                        exchange -> exchange.getMessage().setBody(stream));
            } catch (OutOfMemoryError e) {
                StackTraceElement where = java.util.Arrays.stream(e.getStackTrace())
                        .filter(frame -> frame.getClassName().contains("StreamCach")).reduce((a, b) -> b)
                        .orElse(e.getStackTrace()[0]);
                System.out.println("probe.error=" + e + " after " + stream.position() + " bytes read, in "
                        + where.getClassName() + "." + where.getMethodName());
                System.out.flush();
                Runtime.getRuntime().halt(1);
                return;
            }
            long elapsed = System.nanoTime() - t0;
            if (sent.getException() != null) {
                sent.getException().printStackTrace();
                System.out.println("probe.error=" + sent.getException() + " after " + stream.position()
                        + " bytes read");
                System.exit(1);
            }
            long heapPeak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPeak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("probe.generated=" + stream.position());
            System.out.println("probe.sha256=" + stream.sha256Hex());
            System.out.println("probe.key=" + sent.getMessage().getHeader(SageMakerLabelingConstants.UPLOAD_KEY));
            System.out.println("probe.sourceRef=" + sent.getMessage().getHeader(SageMakerLabelingConstants.SOURCE_REF));
            System.out.println("probe.nanos=" + elapsed);
            System.out.println("probe.heapPeak=" + heapPeak);
            System.out.println("probe.maxHeap=" + Runtime.getRuntime().maxMemory());
        }
        System.exit(0);
    }
}
