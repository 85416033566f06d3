package io.github.sagemakerlabeling.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

class LocalSqsTest {

    private static LocalSqs sqs;
    private static SqsClient client;

    @BeforeAll
    static void start() {
        sqs = LocalSqs.builder().start();
        client = LocalAwsClients.sqs(sqs.endpoint(), sqs.region());
    }

    @AfterAll
    static void stop() {
        client.close();
        sqs.close();
    }

    @Test
    void endpointIsLoopbackOnAFreePort() {
        assertThat(sqs.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(sqs.endpoint().getPort()).isPositive();
        assertThat(sqs.region()).isEqualTo("us-east-1");
        assertThat(sqs.accountId()).isEqualTo("000000000000");
    }

    @Test
    void queueArnCarriesRegionAndAccount() {
        String name = unique("arn");
        String url = client.createQueue(r -> r.queueName(name)).queueUrl();

        String arn = client.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);

        assertThat(arn).isEqualTo("arn:aws:sqs:us-east-1:000000000000:" + name).isEqualTo(sqs.queueArn(name));
        assertThat(url).isEqualTo(sqs.endpoint() + "/000000000000/" + name);
    }

    @Test
    void sendReceiveAndDeleteWithMessageAttributes() {
        String url = client.createQueue(r -> r.queueName(unique("basic"))).queueUrl();
        client.sendMessage(r -> r.queueUrl(url).messageBody("hello").messageAttributes(Map.of(
                "color", MessageAttributeValue.builder().dataType("String").stringValue("red").build())));

        List<Message> messages = client.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5)
                .messageAttributeNames("All")).messages();

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("hello");
            assertThat(message.messageAttributes().get("color").stringValue()).isEqualTo("red");
        });
        client.deleteMessage(r -> r.queueUrl(url).receiptHandle(messages.get(0).receiptHandle()));
        assertThat(client.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
    }

    @Test
    void emptyLongPollWaitsForTheWaitTime() {
        String url = client.createQueue(r -> r.queueName(unique("empty"))).queueUrl();

        long started = System.nanoTime();
        ReceiveMessageResponse response = client.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1));

        assertThat(response.messages()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void longPollReturnsAsSoonAsAMessageArrives() throws Exception {
        String url = client.createQueue(r -> r.queueName(unique("wake"))).queueUrl();
        long started = System.nanoTime();
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(
                () -> client.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)).messages());

        client.sendMessage(r -> r.queueUrl(url).messageBody("wake up"));

        assertThat(poll.get(15, TimeUnit.SECONDS)).extracting(Message::body).containsExactly("wake up");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void theQueryProtocolIsServedToo() throws Exception {
        String name = unique("query");
        HttpRequest request = HttpRequest.newBuilder(URI.create(sqs.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=CreateQueue&QueueName=" + name
                        + "&Version=2012-11-05"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<CreateQueueResponse").contains("/000000000000/" + name);
        assertThat(client.getQueueUrl(r -> r.queueName(name)).queueUrl()).endsWith("/000000000000/" + name);
    }

    @Test
    void unknownQueueIsATypedError() {
        assertThatThrownBy(() -> client.getQueueUrl(r -> r.queueName(unique("missing"))))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void fixedPortRegionAndAccountAreHonouredAndThePortIsFreedOnClose() throws IOException {
        int port = freePort();
        try (LocalSqs custom = LocalSqs.builder().port(port).region("eu-west-1").accountId("123456789012").start();
                SqsClient customClient = LocalAwsClients.sqs(custom.endpoint(), custom.region())) {
            assertThat(custom.endpoint().getPort()).isEqualTo(port);
            String url = customClient.createQueue(r -> r.queueName("custom")).queueUrl();
            assertThat(customClient.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN))
                    .isEqualTo("arn:aws:sqs:eu-west-1:123456789012:custom");
        }
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aTakenPortIsAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> LocalSqs.builder().port(taken.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> LocalSqs.builder().port(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalSqs.builder().region("moon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalSqs.builder().accountId("42")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
