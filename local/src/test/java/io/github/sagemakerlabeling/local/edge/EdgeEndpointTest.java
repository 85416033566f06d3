package io.github.sagemakerlabeling.local.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Every service through the one edge port, with SDK v2 clients that know nothing but that endpoint. */
@LocalGroundTruthTest
class EdgeEndpointTest {

    @Test
    void sdkClientsWithOneEndpointOverrideReachAllFourServices(LocalGroundTruth local) {
        URI edge = local.edgeEndpoint();
        String region = local.region();
        try (SnsClient sns = LocalAwsClients.sns(edge, region);
                SqsClient sqs = LocalAwsClients.sqs(edge, region);
                S3Client s3 = LocalAwsClients.s3(edge, region);
                SageMakerClient sageMaker = LocalAwsClients.configure(SageMakerClient.builder(), edge, region).build()) {
            String topic = sns.createTopic(b -> b.name("through-the-edge")).topicArn();
            String queueUrl = sqs.createQueue(b -> b.queueName("through-the-edge")).queueUrl();
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs")
                    .endpoint("arn:aws:sqs:" + region + ":000000000000:through-the-edge")
                    .attributes(Map.of("RawMessageDelivery", "true")));
            sns.publish(b -> b.topicArn(topic).message("one endpoint"));
            s3.createBucket(b -> b.bucket("edge-bucket"));
            s3.putObject(b -> b.bucket("edge-bucket").key("a/b.txt"), RequestBody.fromString("object body"));

            assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)).messages())
                    .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("one endpoint"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("edge-bucket").key("a/b.txt")).asUtf8String())
                    .isEqualTo("object body");
            assertThat(sageMaker.listLabelingJobs(b -> { }).labelingJobSummaryList()).isEmpty();
            // What went through the edge is what the per-service ports serve: the edge has no state of its own.
            assertThat(local.snsClient().listTopics().topics()).extracting(t -> t.topicArn()).containsExactly(topic);
            assertThat(local.s3Client().listBuckets().buckets()).extracting(b -> b.name())
                    .containsExactly("edge-bucket");
        }
    }

    @Test
    void unsignedQueryRequestsAreRoutedByTheirAction(LocalGroundTruth local) throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        String sns = post(http, local.edgeEndpoint(), "Action=CreateTopic&Name=by-action");
        String sqs = post(http, local.edgeEndpoint(), "Action=CreateQueue&QueueName=by-action");

        assertThat(sns).contains("<CreateTopicResponse", "by-action");
        assertThat(sqs).contains("<CreateQueueResponse", "by-action");
    }

    @Test
    void theHealthUrlNamesEveryServicesEndpoint(LocalGroundTruth local) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(local.healthUrl()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.read(response.body()).path("status").asText()).isEqualTo("running");
        assertThat(Json.read(response.body()).path("services").path("sns").asText())
                .isEqualTo(local.snsEndpoint().toString());
        assertThat(local.healthUrl().toString()).isEqualTo(local.edgeEndpoint() + "/_local-ground-truth/health");
    }

    @Test
    void theEdgeRefusesAForeignHostAndABrowserOfAnotherOrigin(LocalGroundTruth local) throws Exception {
        for (String header : new String[] {"Host: attacker.example:4566", "Origin: https://attacker.example"}) {
            try (Socket socket = new Socket("127.0.0.1", local.edgeEndpoint().getPort())) {
                socket.setSoTimeout(30_000);
                String request = "GET /_local-ground-truth/health HTTP/1.1\r\n"
                        + (header.startsWith("Host") ? header : "Host: 127.0.0.1\r\n" + header)
                        + "\r\nConnection: close\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                String response = new String(socket.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8);

                assertThat(response).as(header).startsWith("HTTP/1.1 403").contains("AccessDenied");
            }
        }
    }

    private static String post(HttpClient http, URI endpoint, String form) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
