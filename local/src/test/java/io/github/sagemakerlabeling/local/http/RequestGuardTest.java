package io.github.sagemakerlabeling.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What every server of the stack refuses before a handler runs (body caps, request read timeouts, DNS rebinding,
 * cross-site requests), while SDK clients, which send a loopback {@code Host} and no {@code Origin}, go through.
 */
@LocalGroundTruthTest
class RequestGuardTest {

    private static final String SNS_LIST = "Action=ListTopics&Version=2010-03-31";
    private static final String SQS_LIST = "Action=ListQueues&Version=2012-11-05";

    @Test
    void aDeclaredBodyOverTheCapIsRefusedWith413Unread(LocalGroundTruth local) throws IOException {
        RawHttp.Response sns = declaredLength(local.snsEndpoint(), 50_000_000);
        RawHttp.Response sqs = declaredLength(local.sqsEndpoint(), 50_000_000);

        assertThat(sns.status()).isEqualTo(413);
        assertThat(sns.body()).contains("<Code>RequestEntityTooLarge</Code>", "1048576 bytes");
        assertThat(sqs.status()).isEqualTo(413);
        assertThat(sqs.body()).contains("<Code>RequestEntityTooLarge</Code>");
    }

    @Test
    void aChunkedBodyOverTheCapIsRefusedWith413(LocalGroundTruth local) throws IOException {
        URI endpoint = local.sageMakerEndpoint();
        try (Socket socket = RawHttp.connect(endpoint)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + endpoint.getPort() + "\r\nTransfer-Encoding: chunked\r\n"
                    + "X-Amz-Target: SageMaker.ListLabelingJobs\r\nContent-Type: application/x-amz-json-1.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = " ".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 65; i++) { // 1 MiB + 16 KiB
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(RawHttp.readAll(socket.getInputStream()), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 413").contains("\"__type\":\"RequestEntityTooLargeException\"");
        }
    }

    @Test
    void aClientThatStopsSendingItsBodyIsDisconnected(LocalGroundTruth local) throws IOException {
        // The test JVM sets sun.net.httpserver.maxReqTime to 2 s (the pom's surefire configuration); default 20 s.
        URI endpoint = local.snsEndpoint();
        try (Socket socket = RawHttp.connect(endpoint)) {
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n\r\nAction=List")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] answer = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> RawHttp.readAll(socket.getInputStream()));

            assertThat(answer).isEmpty();
        }
    }

    @Test
    void aForeignHostIsRefusedOnEveryServer(LocalGroundTruth local) throws IOException {
        String rebound = "Host: attacker.example:" + local.snsEndpoint().getPort() + "\r\n";

        RawHttp.Response sns = RawHttp.send(local.snsEndpoint(), "POST / HTTP/1.1\r\n" + rebound
                + "Content-Type: application/x-www-form-urlencoded", SNS_LIST);
        RawHttp.Response sqs = RawHttp.send(local.sqsEndpoint(), "POST / HTTP/1.1\r\n" + rebound
                + "Content-Type: application/x-www-form-urlencoded", SQS_LIST);
        RawHttp.Response sageMaker = RawHttp.send(local.sageMakerEndpoint(), "POST / HTTP/1.1\r\n" + rebound
                + "X-Amz-Target: SageMaker.ListLabelingJobs\r\nContent-Type: application/x-amz-json-1.1", "{}");

        assertThat(sns.status()).isEqualTo(403);
        assertThat(sns.body()).contains("<Code>AuthorizationError</Code>", "attacker.example");
        assertThat(sqs.status()).isEqualTo(403);
        assertThat(sqs.body()).contains("<Code>AccessDenied</Code>");
        assertThat(sageMaker.status()).isEqualTo(403);
        assertThat(sageMaker.body()).contains("AccessDeniedException");
    }

    @Test
    void loopbackHostsAreServed(LocalGroundTruth local) throws IOException {
        int port = local.snsEndpoint().getPort();
        for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "[::1]:" + port}) {
            RawHttp.Response response = RawHttp.send(local.snsEndpoint(), "POST / HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Type: application/x-www-form-urlencoded", SNS_LIST);

            assertThat(response.status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void aRequestFromAForeignPageIsRefused(LocalGroundTruth local) throws IOException {
        int port = local.snsEndpoint().getPort();
        for (String header : new String[] {"Origin: https://attacker.example", "Origin: null",
                "Origin: http://127.0.0.1:" + (port == 65_535 ? 1 : port + 1), "Sec-Fetch-Site: cross-site",
                "Sec-Fetch-Site: same-site"}) {
            RawHttp.Response sns = RawHttp.postForm(local.snsEndpoint(), header + "\r\n", SNS_LIST);
            RawHttp.Response sqs = RawHttp.postForm(local.sqsEndpoint(), header + "\r\n", SQS_LIST);

            assertThat(sns.status()).as(header).isEqualTo(403);
            assertThat(sqs.status()).as(header).isEqualTo(403);
        }
    }

    @Test
    void theServersOwnOriginAndSdkClientsAreServed(LocalGroundTruth local, SnsClient sns, SqsClient sqs,
            SageMakerClient sageMaker) throws IOException {
        RawHttp.Response ownOrigin = RawHttp.postForm(local.snsEndpoint(),
                "Origin: http://localhost:" + local.snsEndpoint().getPort() + "\r\nSec-Fetch-Site: same-origin\r\n",
                SNS_LIST);

        assertThat(ownOrigin.status()).isEqualTo(200);
        assertThat(sns.listTopics().topics()).isEmpty();
        assertThat(sqs.listQueues().queueUrls()).isEmpty();
        assertThat(sageMaker.listLabelingJobs(b -> { }).labelingJobSummaryList()).isEmpty();
    }

    private static RawHttp.Response declaredLength(URI endpoint, long length) throws IOException {
        try (Socket socket = RawHttp.connect(endpoint)) {
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + length
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput(); // the body never comes: the server need not wait for its read timeout
            String text = new String(RawHttp.readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            return new RawHttp.Response(Integer.parseInt(text.substring(9, 12)),
                    text.substring(text.indexOf("\r\n\r\n") + 4));
        }
    }
}
