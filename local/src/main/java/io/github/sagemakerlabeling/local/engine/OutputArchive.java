package io.github.sagemakerlabeling.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.workers.SubmittedAnswer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A job's output in S3, laid out as Ground Truth lays it out under {@code <S3OutputPath>/<job name>/} (§3.7): each
 * object's worker responses ({@code annotations/worker-response/iteration-1/<n>/<YYYY-MM-DD_HH:MM:SS>.json}), the
 * consolidation requests and responses ({@code annotations/consolidated-annotation/consolidation-request|response/
 * iteration-1/<YYYY-MM-DD_HH:MM:SS>.json}, one file a second: a second flush within the same second rewrites that
 * second's file with both batches), the output manifest of the labels so far ({@code annotations/intermediate/1/}
 * and {@code manifests/intermediate/1/}) and the final one once the job stopped. Like the service, it writes periodically ({@link #flush}) rather than per object. Objects
 * are recorded by the job's thread and flushed by a timer; flushes never overlap, so once a flush returns everything
 * recorded before it is in S3, except that an intermediate manifest past {@value #LARGE_MANIFEST_CHARS} characters is
 * rewritten at most once per {@link #LARGE_MANIFEST_INTERVAL} of the job's clock (each rewrite is the whole file);
 * the final manifest is always whole.
 */
final class OutputArchive {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss");
    private static final DateTimeFormatter SUBMISSION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private final S3Client s3;
    private final String bucket;
    private final String jobPrefix;
    private final String labelAttributeName;
    /** Past this size the intermediate manifest is rewritten at most once per {@link #LARGE_MANIFEST_INTERVAL}. */
    static final int LARGE_MANIFEST_CHARS = 1 << 20;
    static final Duration LARGE_MANIFEST_INTERVAL = Duration.ofMinutes(1);

    private final Object flushLock = new Object();
    private final StringBuilder manifest = new StringBuilder();
    private LocalDateTime manifestWritten;
    private final List<PendingWrite> pending = new ArrayList<>();
    private final Batches consolidationRequests = new Batches("consolidation-request");
    private final Batches consolidationResponses = new Batches("consolidation-response");

    /**
     * @param s3                 the S3 client
     * @param s3OutputPath       the job's {@code S3OutputPath}, {@code s3://bucket[/prefix]}
     * @param jobName            the job name, the top folder of its output
     * @param labelAttributeName the job's label attribute, the content of a consolidated annotation
     */
    OutputArchive(S3Client s3, String s3OutputPath, String jobName, String labelAttributeName) {
        this.s3 = s3;
        this.labelAttributeName = labelAttributeName;
        String path = s3OutputPath.substring("s3://".length());
        int slash = path.indexOf('/');
        this.bucket = slash < 0 ? path : path.substring(0, slash);
        String prefix = slash < 0 ? "" : path.substring(slash + 1);
        this.jobPrefix = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/") + jobName + "/";
    }

    /** Fails when the output bucket cannot be written, as a job whose output location is unusable fails. */
    void checkWritable() {
        s3.headBucket(b -> b.bucket(bucket));
    }

    /**
     * Stores an object's consolidated segmentation mask at once, under
     * {@code annotations/consolidated-annotation/output/<n>_<time>.png}, and returns its S3 URI.
     */
    String storeMask(int objectIndex, byte[] png, LocalDateTime when) {
        String key = jobPrefix + "annotations/consolidated-annotation/output/" + objectIndex + "_"
                + FILE_TIME.format(when).replace(':', '-') + ".png";
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("image/png"), RequestBody.fromBytes(png));
        return "s3://" + bucket + "/" + key;
    }

    /**
     * Records one labeled object: its workers' answers, what the consolidation was asked and answered, and its
     * output line. Written at the next flush.
     *
     * @param objectIndex the object's number in the job: its worker-response folder and {@code datasetObjectId}
     * @param dataObject  the object's input line
     */
    synchronized void labeled(int objectIndex, List<SubmittedAnswer> workerAnswers, JsonNode dataObject,
                              ObjectNode outputLine, LocalDateTime when) {
        ObjectNode responses = JsonNodeFactory.instance.objectNode();
        ArrayNode answers = responses.putArray("answers");
        ObjectNode request = consolidationRequests.add().put("datasetObjectId", String.valueOf(objectIndex));
        ObjectNode requestObject = request.putObject("dataObject");
        if (dataObject.hasNonNull("source-ref")) {
            requestObject.put("s3Uri", dataObject.get("source-ref").asText());
        } else {
            requestObject.put("content", dataObject.path("source").asText());
        }
        ArrayNode annotations = request.putArray("annotations");
        for (SubmittedAnswer answer : workerAnswers) {
            ObjectNode entry = answers.addObject();
            entry.set("answerContent", answer.answerContent());
            entry.put("acceptanceTime", SUBMISSION_TIME.format(utc(answer.acceptanceTime())))
                    .put("submissionTime", SUBMISSION_TIME.format(utc(answer.submissionTime())))
                    .put("timeSpentInSeconds", answer.timeSpentInSeconds())
                    .put("workerId", answer.workerId());
            entry.putObject("workerMetadata").putObject("identityData")
                    .put("identityProviderType", "LocalGroundTruth")
                    .put("issuer", "local-ground-truth")
                    .put("sub", answer.workerId());
            annotations.addObject().put("workerId", answer.workerId()).putObject("annotationData")
                    .put("content", Json.write(answer.answerContent()));
        }
        pending.add(new PendingWrite(jobPrefix + "annotations/worker-response/iteration-1/" + objectIndex + "/"
                + FILE_TIME.format(when) + ".json", Json.write(responses)));
        ObjectNode consolidation = consolidationResponses.add().put("datasetObjectId", String.valueOf(objectIndex));
        ObjectNode content = consolidation.putObject("consolidatedAnnotation").putObject("content");
        content.set(labelAttributeName, outputLine.get(labelAttributeName));
        content.set(labelAttributeName + "-metadata", outputLine.get(labelAttributeName + "-metadata"));
        manifest.append(Json.write(outputLine)).append('\n');
    }

    /** Puts back the output lines of objects labeled before the stack restarted, for the manifests. */
    synchronized void restore(List<? extends JsonNode> outputLines) {
        outputLines.forEach(line -> manifest.append(Json.write(line)).append('\n'));
    }

    /**
     * Writes what was recorded since the last flush, and the manifest. The S3 writes happen outside the recording
     * lock, so recording goes on while a flush is under way.
     *
     * @param finalOutput whether the job stopped: the manifest then also goes to {@code manifests/output/}
     * @return the S3 URI of the final output manifest when {@code finalOutput}, else {@code null}
     */
    String flush(boolean finalOutput, LocalDateTime when) {
        synchronized (flushLock) {
            return flushNow(finalOutput, when);
        }
    }

    private String flushNow(boolean finalOutput, LocalDateTime when) {
        List<PendingWrite> writes;
        String manifestText;
        synchronized (this) {
            writes = new ArrayList<>(pending);
            pending.clear();
            consolidationRequests.take(when).ifPresent(writes::add);
            consolidationResponses.take(when).ifPresent(writes::add);
            boolean due = finalOutput || (!writes.isEmpty() && (manifest.length() < LARGE_MANIFEST_CHARS
                    || manifestWritten == null || !when.isBefore(manifestWritten.plus(LARGE_MANIFEST_INTERVAL))));
            manifestText = due ? manifest.toString() : null;
            if (due) {
                manifestWritten = when;
            }
        }
        writes.forEach(write -> put(write.key(), write.content()));
        if (manifestText == null) {
            return null;
        }
        put(jobPrefix + "manifests/intermediate/1/output.manifest", manifestText);
        put(jobPrefix + "annotations/intermediate/1/output.manifest", manifestText);
        if (!finalOutput) {
            return null;
        }
        String outputKey = jobPrefix + "manifests/output/output.manifest";
        put(outputKey, manifestText);
        return "s3://" + bucket + "/" + outputKey;
    }

    /** Writes a consolidated label that Ground Truth stores as a file (masks, frame and point cloud labels). */
    String writeLabelFile(int objectIndex, JsonNode content) {
        String key = jobPrefix + "annotations/consolidated-annotation/output/" + objectIndex + "/annotation.json";
        put(key, Json.write(content));
        return "s3://" + bucket + "/" + key;
    }

    private void put(String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromString(content));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record PendingWrite(String key, String content) {
    }

    /**
     * The entries of one consolidation folder not yet written. Files are named by the second of the flush, with no
     * suffix, as AWS names them; entries flushed in a second that already has a file are written with that file's.
     */
    private final class Batches {
        private final String folder;
        private final ArrayNode unwritten = JsonNodeFactory.instance.arrayNode();
        private final ArrayNode lastFile = JsonNodeFactory.instance.arrayNode();
        private String lastName;

        Batches(String folder) {
            this.folder = folder;
        }

        ObjectNode add() {
            return unwritten.addObject();
        }

        Optional<PendingWrite> take(LocalDateTime when) {
            if (unwritten.isEmpty()) {
                return Optional.empty();
            }
            String name = FILE_TIME.format(when) + ".json";
            if (!name.equals(lastName)) {
                lastFile.removeAll();
                lastName = name;
            }
            lastFile.addAll(unwritten);
            unwritten.removeAll();
            return Optional.of(new PendingWrite(jobPrefix + "annotations/consolidated-annotation/" + folder
                    + "/iteration-1/" + name, Json.write(lastFile)));
        }
    }
}
