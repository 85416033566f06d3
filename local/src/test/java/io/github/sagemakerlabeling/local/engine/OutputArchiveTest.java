package io.github.sagemakerlabeling.local.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.s3.LocalS3;
import java.time.LocalDateTime;
import io.github.sagemakerlabeling.local.workers.SubmittedAnswer;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The intermediate manifest, rewritten whole, is written less often once it is large; the final one is whole. */
class OutputArchiveTest {

    private static final String MANIFEST = "job/manifests/intermediate/1/output.manifest";
    private static LocalS3 server;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        server = LocalS3.builder().start();
        s3 = LocalAwsClients.s3(server.endpoint(), LocalDefaults.REGION);
        s3.createBucket(b -> b.bucket("out"));
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    @Test
    void aLargeIntermediateManifestIsRewrittenAtMostOncePerInterval() {
        OutputArchive archive = new OutputArchive(s3, "s3://out", "job", "label");
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        int linesPastTheLimit = OutputArchive.LARGE_MANIFEST_CHARS / 100_000 + 1;
        for (int i = 0; i < linesPastTheLimit; i++) {
            label(archive, i, start);
        }
        archive.flush(false, start);
        assertThat(manifestLines()).as("first write").hasSize(linesPastTheLimit);

        label(archive, linesPastTheLimit, start.plusSeconds(1));
        archive.flush(false, start.plusSeconds(1));
        assertThat(manifestLines()).as("large: not rewritten a second later").hasSize(linesPastTheLimit);

        archive.flush(false, start.plus(OutputArchive.LARGE_MANIFEST_INTERVAL));
        assertThat(manifestLines()).as("nothing new since: no rewrite").hasSize(linesPastTheLimit);

        label(archive, linesPastTheLimit + 1, start.plus(OutputArchive.LARGE_MANIFEST_INTERVAL));
        archive.flush(false, start.plus(OutputArchive.LARGE_MANIFEST_INTERVAL));
        assertThat(manifestLines()).as("rewritten once the interval passed").hasSize(linesPastTheLimit + 2);

        label(archive, linesPastTheLimit + 2, start.plus(OutputArchive.LARGE_MANIFEST_INTERVAL).plusSeconds(1));
        String output = archive.flush(true, start.plus(OutputArchive.LARGE_MANIFEST_INTERVAL).plusSeconds(1));
        assertThat(output).isEqualTo("s3://out/job/manifests/output/output.manifest");
        assertThat(manifestLines()).as("the final flush writes everything").hasSize(linesPastTheLimit + 3);
    }

    private static void label(OutputArchive archive, int index, LocalDateTime when) {
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("source", "x".repeat(100_000) + index)
                .put("label", 0);
        line.putObject("label-metadata").put("class-name", "a");
        Instant at = when.toInstant(ZoneOffset.UTC);
        List<SubmittedAnswer> answers = List.of(new SubmittedAnswer("worker", at, at,
                JsonNodeFactory.instance.objectNode().putObject("crowd-classifier").put("label", "a"),
                new WorkerAnswer.ClassChoice("a")));
        archive.labeled(index, answers, line, line, when);
    }

    private static List<String> manifestLines() {
        return s3.getObjectAsBytes(b -> b.bucket("out").key(MANIFEST)).asUtf8String().lines().toList();
    }
}
