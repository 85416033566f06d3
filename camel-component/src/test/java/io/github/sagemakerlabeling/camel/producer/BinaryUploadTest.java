package io.github.sagemakerlabeling.camel.producer;

import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.DEDUP_ID;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.SOURCE_REF;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.UPLOAD_CONTENT_TYPE;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.UPLOAD_EXISTED;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.UPLOAD_KEY;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.UPLOAD_URI;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Binary bodies are uploaded to S3 under their content hash and labeled as that source-ref. */
class BinaryUploadTest extends ProducerTestSupport {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The HTTP headers of every PutObject the component's S3 client sent. */
    private static final ConcurrentLinkedQueue<Map<String, List<String>>> PUTS = new ConcurrentLinkedQueue<>();
    private static S3Client recordingS3;
    private Path inbox;
    private Path spool;

    @BeforeAll
    static void recordingS3Client() {
        recordingS3 = LocalAwsClients.configure(S3Client.builder(), LOCAL.groundTruth().s3Endpoint(),
                        LOCAL.groundTruth().region())
                .forcePathStyle(true)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        if (context.request() instanceof PutObjectRequest) {
                            PUTS.add(context.httpRequest().headers());
                        }
                    }
                }))
                .build();
    }

    @AfterAll
    static void closeRecordingS3Client() {
        recordingS3.close();
    }

    @Override
    S3Client s3Client() {
        return recordingS3;
    }

    /** Deletes the test's directories once its context stopped. */
    @Override
    protected void doPostTearDown() throws Exception {
        for (Path directory : List.of(inbox, spool)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.deleteIfExists(inbox.resolveSibling(inbox.getFileName() + "-clip"));
        super.doPostTearDown();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws IOException {
        inbox = Files.createTempDirectory("binary-upload-test");
        spool = Files.createTempDirectory("binary-upload-spool");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:images?uploadBucket=labeling&uploadPrefix=input/");
                from("direct:sendSpooled")
                        .to("sagemaker-labeling:images?uploadBucket=labeling&uploadSpoolDirectory=" + spool);
                from("direct:sendEncrypted")
                        .to("sagemaker-labeling:images?uploadBucket=labeling&uploadKmsKeyId=alias/labeling-uploads");
                from("file:" + inbox + "?noop=true").routeId("files").autoStartup(false)
                        .to("sagemaker-labeling:images?uploadBucket=labeling&uploadPrefix=files/")
                        .to("mock:uploaded");
            }
        };
    }

    @Test
    void everyKindOfBinaryBodyIsUploadedUnderItsHashWithItsContentTypeAndLabeledAsThatSourceRef() throws Exception {
        LabelingJobFixture job = startJob("images");
        byte[] png = withMagic(PNG_MAGIC, "a png");
        byte[] jpeg = "a jpeg".getBytes(StandardCharsets.UTF_8);
        byte[] gif = "GIF89a, a gif".getBytes(StandardCharsets.UTF_8);
        byte[] mp4 = "an mp4".getBytes(StandardCharsets.UTF_8);
        byte[] unknown = "bytes nobody knows".getBytes(StandardCharsets.UTF_8);
        Path gifFile = Files.write(inbox.resolve("cat.gif"), gif);
        Path mp4File = Files.write(inbox.resolveSibling(inbox.getFileName() + "-clip"), mp4);

        Message fromBytes = send("direct:send", png, Map.of());
        Message fromStream = send("direct:send", new ByteArrayInputStream(jpeg), Map.of(Exchange.CONTENT_TYPE, "image/jpeg"));
        Message fromFile = send("direct:send", gifFile.toFile(), Map.of());
        Message fromPath = send("direct:send", mp4File, Map.of(Exchange.FILE_CONTENT_TYPE, "video/mp4"));
        Message fromConverted = send("direct:send", ByteBuffer.wrap(unknown), Map.of());

        assertUploaded(fromBytes, "input/", png, "image/png");
        assertUploaded(fromStream, "input/", jpeg, "image/jpeg");
        assertUploaded(fromFile, "input/", gif, "image/gif");
        assertUploaded(fromPath, "input/", mp4, "video/mp4");
        assertUploaded(fromConverted, "input/", unknown, "application/octet-stream");
        List<String> uploaded = List.of(fromBytes, fromStream, fromFile, fromPath, fromConverted).stream()
                .map(m -> m.getHeader(UPLOAD_URI, String.class)).toList();
        assertThat(job.awaitLabeledExactly(5)).extracting(result -> result.sourceRef().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(uploaded);
    }

    @Test
    void theSameBytesAreUploadedOnceAndLabeledOnce() throws Exception {
        LabelingJobFixture job = startJob("images");
        byte[] bytes = withMagic(PNG_MAGIC, "the same picture");
        PUTS.clear();

        Message first = send("direct:send", bytes, Map.of());
        Message again = send("direct:send", new ByteArrayInputStream(bytes), Map.of());

        assertThat(first.getHeader(UPLOAD_EXISTED, Boolean.class)).isFalse();
        assertThat(again.getHeader(UPLOAD_EXISTED, Boolean.class)).as("nothing uploaded the second time").isTrue();
        assertThat(again.getHeader(UPLOAD_URI)).isEqualTo(first.getHeader(UPLOAD_URI));
        assertThat(again.getHeader(DEDUP_ID)).isEqualTo(first.getHeader(DEDUP_ID));
        assertThat(PUTS).as("PutObject calls").hasSize(1);
        assertThat(job.awaitLabeledExactly(1)).extracting(result -> result.sourceRef().orElseThrow())
                .containsExactly(first.getHeader(UPLOAD_URI, String.class));
    }

    @Test
    void filesOfAFileRouteAreUploadedFromTheFileAndLabeled() throws Exception {
        LabelingJobFixture job = startJob("images");
        byte[] review = withMagic(PNG_MAGIC, "a scanned review");
        byte[] receipt = "a receipt".getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("review.png"), review);
        Files.write(inbox.resolve("receipt.txt"), receipt);
        MockEndpoint uploaded = getMockEndpoint("mock:uploaded");
        uploaded.expectedMessageCount(2);

        context.getRouteController().startRoute("files");

        uploaded.assertIsSatisfied(Duration.ofSeconds(20).toMillis());
        Map<String, Message> byName = Map.of(
                uploaded.getExchanges().get(0).getMessage().getHeader(Exchange.FILE_NAME, String.class),
                uploaded.getExchanges().get(0).getMessage(),
                uploaded.getExchanges().get(1).getMessage().getHeader(Exchange.FILE_NAME, String.class),
                uploaded.getExchanges().get(1).getMessage());
        assertUploaded(byName.get("review.png"), "files/", review, "image/png");
        assertUploaded(byName.get("receipt.txt"), "files/", receipt, "text/plain");
        assertThat(job.awaitLabeledExactly(2)).extracting(LabelingResult::sourceRef).extracting(ref -> ref.orElseThrow())
                .containsExactlyInAnyOrder(byName.get("review.png").getHeader(UPLOAD_URI, String.class),
                        byName.get("receipt.txt").getHeader(UPLOAD_URI, String.class));
    }

    @Test
    void aLongStreamIsSpooledWhileHashedAndTheSpoolFileIsDeleted() throws Exception {
        startJob("images");
        long size = 24L * 1024 * 1024;
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        InputStream generated = new DigestInputStream(new GeneratedStream(size), digest);

        Message sent = send("direct:sendSpooled", generated, Map.of());

        String key = HexFormat.of().formatHex(digest.digest());
        assertThat(sent.getHeader(UPLOAD_KEY)).isEqualTo(key);
        assertThat(s3.headObject(b -> b.bucket("labeling").key(key)).contentLength()).isEqualTo(size);
        try (var left = Files.list(spool)) {
            assertThat(left).as("spool files left").isEmpty();
        }
    }

    @Test
    void uploadsAreEncryptedWithTheGivenKmsKey() throws Exception {
        startJob("images");
        PUTS.clear();

        Message sent = send("direct:sendEncrypted", withMagic(PNG_MAGIC, "a secret picture"), Map.of());

        assertThat(sent.getHeader(UPLOAD_KEY, String.class)).hasSize(64);
        HeadObjectResponse head = s3.headObject(b -> b.bucket("labeling").key(sent.getHeader(UPLOAD_KEY, String.class)));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo("alias/labeling-uploads");
        assertThat(PUTS).singleElement().satisfies(headers -> {
            assertThat(headers).containsEntry("x-amz-server-side-encryption", List.of("aws:kms"));
            assertThat(headers).containsEntry("x-amz-server-side-encryption-aws-kms-key-id",
                    List.of("alias/labeling-uploads"));
        });
    }

    private Message send(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage();
    }

    private static void assertUploaded(Message message, String prefix, byte[] bytes, String contentType) {
        String key = prefix + sha256(bytes);
        assertThat(message.getHeader(UPLOAD_KEY)).isEqualTo(key);
        assertThat(message.getHeader(UPLOAD_URI)).isEqualTo("s3://labeling/" + key);
        assertThat(message.getHeader(SOURCE_REF)).isEqualTo("s3://labeling/" + key);
        assertThat(message.getHeader(UPLOAD_CONTENT_TYPE)).isEqualTo(contentType);
        HeadObjectResponse head = s3.headObject(b -> b.bucket("labeling").key(key));
        assertThat(head.contentType()).isEqualTo(contentType);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("labeling").key(key)).asByteArray()).isEqualTo(bytes);
    }

    /** Pseudo-random bytes made as they are read, never held. */
    private static final class GeneratedStream extends InputStream {
        private final SplittableRandom random = new SplittableRandom(7);
        private long left;

        GeneratedStream(long size) {
            left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int count = (int) Math.min(length, left);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) random.nextInt(256);
            }
            left -= count;
            return count;
        }
    }

    private static byte[] withMagic(byte[] magic, String rest) {
        byte[] tail = rest.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[magic.length + tail.length];
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        System.arraycopy(tail, 0, bytes, magic.length, tail.length);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
