package io.github.sagemakerlabeling.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalDefaults;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

class LocalS3Test {

    private static LocalS3 s3;
    private static S3Client client;

    @BeforeAll
    static void start() {
        s3 = LocalS3.builder().start();
        client = LocalAwsClients.s3(s3.endpoint(), LocalDefaults.REGION);
    }

    @AfterAll
    static void stop() {
        client.close();
        s3.close();
    }

    @Test
    void inMemoryByDefaultOnLoopback() {
        assertThat(s3.directory()).isEmpty();
        assertThat(s3.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(s3.endpoint().getPort()).isPositive();
    }

    @Test
    void putGetHeadWithContentTypeAndMetadata() {
        String bucket = bucket();
        client.createBucket(r -> r.bucket(bucket));
        client.putObject(r -> r.bucket(bucket).key("data/object.json").contentType("application/json")
                .metadata(Map.of("origin", "test")), RequestBody.fromString("{\"source\":\"hello\"}"));

        ResponseBytes<GetObjectResponse> object = client.getObjectAsBytes(r -> r.bucket(bucket).key("data/object.json"));
        HeadObjectResponse head = client.headObject(r -> r.bucket(bucket).key("data/object.json"));

        assertThat(object.asUtf8String()).isEqualTo("{\"source\":\"hello\"}");
        assertThat(object.response().contentType()).isEqualTo("application/json");
        assertThat(head.contentLength()).isEqualTo(18L);
        assertThat(head.metadata()).containsEntry("origin", "test");
    }

    @Test
    void listObjectsByPrefix() {
        String bucket = bucket();
        client.createBucket(r -> r.bucket(bucket));
        for (String key : new String[] {"in/a.txt", "in/b.txt", "out/c.txt"}) {
            client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key));
        }

        assertThat(client.listObjectsV2(r -> r.bucket(bucket).prefix("in/")).contents())
                .extracting(S3Object::key).containsExactly("in/a.txt", "in/b.txt");
        assertThat(client.listBuckets().buckets()).anySatisfy(b -> assertThat(b.name()).isEqualTo(bucket));
    }

    @Test
    void missingKeyIsATypedError() {
        String bucket = bucket();
        client.createBucket(r -> r.bucket(bucket));

        assertThatThrownBy(() -> client.getObjectAsBytes(r -> r.bucket(bucket).key("nothing")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void directoryStoreKeepsObjectsAcrossRestarts(@TempDir Path directory) {
        Path store = directory.resolve("s3");
        try (LocalS3 first = LocalS3.builder().directory(store).start();
                S3Client firstClient = LocalAwsClients.s3(first.endpoint(), LocalDefaults.REGION)) {
            assertThat(first.directory()).contains(store);
            firstClient.createBucket(r -> r.bucket("kept"));
            firstClient.putObject(r -> r.bucket("kept").key("manifests/input.manifest").contentType("text/plain"),
                    RequestBody.fromString("{\"source\":\"one\"}\n"));
        }
        try (LocalS3 second = LocalS3.builder().directory(store).start();
                S3Client secondClient = LocalAwsClients.s3(second.endpoint(), LocalDefaults.REGION)) {
            ResponseBytes<GetObjectResponse> object =
                    secondClient.getObjectAsBytes(r -> r.bucket("kept").key("manifests/input.manifest"));
            assertThat(object.asUtf8String()).isEqualTo("{\"source\":\"one\"}\n");
            assertThat(object.response().contentType()).isEqualTo("text/plain");
        }
    }

    private static String bucket() {
        return "bucket-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
