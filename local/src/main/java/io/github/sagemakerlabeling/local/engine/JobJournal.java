package io.github.sagemakerlabeling.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.json.SdkJson;
import io.github.sagemakerlabeling.local.sagemaker.LocalLabelingJob;
import io.github.sagemakerlabeling.local.store.Journal;
import io.github.sagemakerlabeling.local.workers.AnswerContent;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import io.github.sagemakerlabeling.local.workers.SubmittedAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/**
 * The labeling jobs and their task boards in a {@link Journal}, so that a stack with a data directory picks up where
 * it stopped, {@code kill -9} included. Each event is on disk before what it records is acknowledged or acted on:
 *
 * <ul>
 *   <li>{@code job-created} (the request, ARN, reference code, creation time) before CreateLabelingJob answers, and
 *       {@code job-status} (status, failure reason, output manifest) at each status change;</li>
 *   <li>{@code accepted} (the object, its dedup id, index and message) before the job counts it and deletes its
 *       message from the job's queue;</li>
 *   <li>{@code answer} (a person's answer) before the worker portal acknowledges the submission;</li>
 *   <li>{@code labeled} (the output line) or {@code failed} when an object is done, and {@code published} once its
 *       line is on the output topic; {@code invalid} for an input message that was no data object;</li>
 *   <li>{@code clock} now and then, when the simulation clock runs ahead of real time.</li>
 * </ul>
 *
 * <p>On start, {@link #jobs()} gives each job's last state (its counters from its objects), and
 * {@link #recovered(String, AnswerKind)} what its runner needs: the dedup ids seen, the objects still to label with
 * people's answers so far, the output lines for the manifest and those still to publish. {@link #compact()} rewrites
 * the file as that state. Without a data directory every write is a no-op.
 */
public final class JobJournal {

    private final Journal journal;
    private final InputMessageReader reader = new InputMessageReader();
    private final Map<String, JobRecord> jobs = new LinkedHashMap<>();
    private Instant latest = Instant.EPOCH;

    /** Reads the jobs the journal holds; {@link Journal#discarding()} for a stack in memory. */
    public JobJournal(Journal journal) {
        this.journal = journal;
        journal.events().forEach(this::replay);
    }

    /** A job as the journal kept it, for the SageMaker API to take back. */
    public record RecordedJob(CreateLabelingJobRequest request, String arn, String reference, Instant creationTime,
                              LocalLabelingJob.State state) {
    }

    /** What a job's runner takes back: see {@link JobJournal}. */
    record Recovered(Set<String> dedupIds, int nextIndex, List<AcceptedObject> unfinished,
                     Map<Integer, List<SubmittedAnswer>> peopleAnswers, List<ObjectNode> outputLines,
                     List<JobOutput.Pending> unpublished, Instant lastActivity) {
    }

    /** The journaled jobs, oldest first, each in its last state. */
    public List<RecordedJob> jobs() {
        List<RecordedJob> recorded = new ArrayList<>();
        jobs.values().forEach(job -> recorded.add(job.recorded()));
        return recorded;
    }

    /** The latest simulation time the journal recorded, if it holds anything. */
    public Optional<Instant> latestTime() {
        return latest.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(latest);
    }

    /** Rewrites the journal as the jobs' current state, dropping what no longer matters. */
    public void compact() {
        List<JsonNode> state = new ArrayList<>();
        jobs.values().forEach(job -> job.compacted(state));
        latestTime().ifPresent(time -> state.add(event("clock", null).put("at", time.toEpochMilli())));
        journal.compact(state);
    }

    /** Forgets every job (the stack was reset). */
    public void clear() {
        jobs.clear();
        latest = Instant.EPOCH;
        journal.compact(List.of());
    }

    /** Whether the journal writes to disk. */
    boolean durable() {
        return journal.durable();
    }

    Optional<Recovered> recovered(String jobName, AnswerKind kind) {
        JobRecord job = jobs.get(jobName);
        return job == null ? Optional.empty() : Optional.of(job.recovered(kind));
    }

    void created(LocalLabelingJob job) {
        if (durable()) {
            journal.append(event("job-created", job.name()).put("arn", job.arn()).put("reference",
                    job.jobReferenceCode()).put("created", job.creationTime().toEpochMilli())
                    .set("request", SdkJson.toJson(job.request())));
        }
    }

    void statusChanged(LocalLabelingJob job) {
        if (durable()) {
            LocalLabelingJob.State state = job.state();
            journal.append(event("job-status", job.name()).put("status", state.status().toString())
                    .put("failureReason", state.failureReason()).put("output", state.outputDatasetS3Uri())
                    .put("modified", state.lastModifiedTime().toEpochMilli()));
        }
    }

    void accepted(String jobName, AcceptedObject object) {
        if (durable()) {
            IncomingObject incoming = object.incoming();
            ObjectNode event = event("accepted", jobName).put("index", object.index())
                    .put("dedupId", incoming.dedupId()).put("serviceAssigned", incoming.serviceAssigned())
                    .put("sequencer", incoming.sequencer().orElse(null)).put("message", incoming.message())
                    .put("at", object.acceptedAt().toEpochMilli());
            event.set("line", incoming.line());
            journal.append(event);
        }
    }

    void answered(String jobName, String datasetObjectId, SubmittedAnswer answer) {
        if (durable()) {
            ObjectNode event = event("answer", jobName).put("index", Integer.parseInt(datasetObjectId))
                    .put("workerId", answer.workerId()).put("acceptedAt", answer.acceptanceTime().toEpochMilli())
                    .put("at", answer.submissionTime().toEpochMilli());
            event.set("content", answer.answerContent());
            journal.append(event);
        }
    }

    void labeled(String jobName, int index, Instant at, ObjectNode outputLine, boolean toTopic) {
        if (durable()) {
            ObjectNode event = event("labeled", jobName).put("index", index).put("at", at.toEpochMilli())
                    .put("toTopic", toTopic);
            event.set("line", outputLine);
            journal.append(event);
        }
    }

    void failed(String jobName, int index, Instant at) {
        if (durable()) {
            journal.append(event("failed", jobName).put("index", index).put("at", at.toEpochMilli()));
        }
    }

    void published(String jobName, List<Integer> indexes) {
        if (durable() && !indexes.isEmpty()) {
            ObjectNode event = event("published", jobName);
            ArrayNode list = event.putArray("indexes");
            indexes.forEach(list::add);
            journal.append(event);
        }
    }

    void invalid(String jobName) {
        if (durable()) {
            journal.append(event("invalid", jobName).put("count", 1));
        }
    }

    void clock(Instant now) {
        if (durable()) {
            journal.append(event("clock", null).put("at", now.toEpochMilli()));
        }
    }

    private static ObjectNode event(String type, String jobName) {
        ObjectNode event = Journal.event(type);
        if (jobName != null) {
            event.put("job", jobName);
        }
        return event;
    }

    private void replay(JsonNode event) {
        String type = event.path("event").asText();
        if (event.has("at")) {
            Instant at = Instant.ofEpochMilli(event.get("at").asLong());
            latest = at.isAfter(latest) ? at : latest;
        }
        if (type.equals("clock")) {
            return;
        }
        String name = event.path("job").asText();
        if (type.equals("job-created")) {
            jobs.put(name, new JobRecord(event));
            return;
        }
        JobRecord job = jobs.get(name);
        if (job == null) {
            return; // an event of a job whose creation was never acknowledged
        }
        job.apply(type, event);
    }

    /** One job as replayed. */
    private final class JobRecord {
        private final ObjectNode created;
        private ObjectNode status;
        private int invalid;
        private final TreeMap<Integer, ObjectRecord> objects = new TreeMap<>();
        /** Indexes of labeled objects in the order they were labeled: the order of the output manifest. */
        private final List<Integer> labeledOrder = new ArrayList<>();
        private Instant lastActivity = Instant.EPOCH;

        JobRecord(JsonNode created) {
            this.created = (ObjectNode) created;
        }

        void apply(String type, JsonNode event) {
            if (event.has("at")) {
                Instant at = Instant.ofEpochMilli(event.get("at").asLong());
                lastActivity = at.isAfter(lastActivity) ? at : lastActivity;
            }
            int index = event.path("index").asInt(-1);
            switch (type) {
                case "job-status" -> status = (ObjectNode) event;
                case "invalid" -> invalid += event.path("count").asInt(1);
                case "accepted" -> objects.put(index, new ObjectRecord((ObjectNode) event));
                case "answer" -> object(index).ifPresent(object -> object.answers.add((ObjectNode) event));
                case "labeled" -> object(index).ifPresent(object -> {
                    object.labeled = (ObjectNode) event;
                    labeledOrder.add(index);
                });
                case "failed" -> object(index).ifPresent(object -> object.failed = (ObjectNode) event);
                case "published" -> event.path("indexes").forEach(published -> object(published.asInt())
                        .ifPresent(object -> object.published = true));
                default -> throw new IllegalStateException("unknown job journal event " + event);
            }
        }

        private Optional<ObjectRecord> object(int index) {
            return Optional.ofNullable(objects.get(index));
        }

        RecordedJob recorded() {
            CreateLabelingJobRequest request = SdkJson.fill(CreateLabelingJobRequest.builder(), created.get("request"))
                    .build();
            Instant creation = Instant.ofEpochMilli(created.get("created").asLong());
            int labeled = labeledOrder.size();
            int failedObjects = (int) objects.values().stream().filter(object -> object.failed != null).count();
            int unlabeled = objects.size() - labeled - failedObjects;
            LabelingJobStatus jobStatus = status == null ? LabelingJobStatus.INITIALIZING
                    : LabelingJobStatus.fromValue(status.get("status").asText());
            Instant modified = status == null ? creation : Instant.ofEpochMilli(status.get("modified").asLong());
            if (lastActivity.isAfter(modified)) {
                modified = lastActivity;
            }
            return new RecordedJob(request, created.get("arn").asText(), created.get("reference").asText(), creation,
                    new LocalLabelingJob.State(jobStatus, modified, text(status, "failureReason"),
                            text(status, "output"), unlabeled, labeled, failedObjects + invalid));
        }

        Recovered recovered(AnswerKind kind) {
            Set<String> dedupIds = new LinkedHashSet<>();
            List<AcceptedObject> unfinished = new ArrayList<>();
            Map<Integer, List<SubmittedAnswer>> answers = new LinkedHashMap<>();
            objects.forEach((index, object) -> {
                dedupIds.add(object.accepted.get("dedupId").asText());
                if (object.done()) {
                    return;
                }
                unfinished.add(object.acceptedObject());
                if (!object.answers.isEmpty()) {
                    answers.put(index, object.answers.stream().map(answer -> new SubmittedAnswer(
                            answer.get("workerId").asText(), Instant.ofEpochMilli(answer.get("acceptedAt").asLong()),
                            Instant.ofEpochMilli(answer.get("at").asLong()), answer.get("content"),
                            AnswerContent.read(answer.get("content"), kind))).toList());
                }
            });
            List<ObjectNode> lines = new ArrayList<>();
            List<JobOutput.Pending> unpublished = new ArrayList<>();
            for (int index : labeledOrder) {
                ObjectRecord object = objects.get(index);
                ObjectNode line = (ObjectNode) object.labeled.get("line");
                lines.add(line);
                if (object.labeled.path("toTopic").asBoolean() && !object.published) {
                    unpublished.add(new JobOutput.Pending(index, Json.write(line)));
                }
            }
            int next = objects.isEmpty() ? 0 : objects.lastKey() + 1;
            return new Recovered(dedupIds, next, unfinished, answers, lines, unpublished, lastActivity);
        }

        /** This job's events, fewest that rebuild it: done objects lose their message and answers. */
        void compacted(List<JsonNode> state) {
            state.add(created);
            if (status != null) {
                state.add(status);
            }
            if (invalid > 0) {
                state.add(event("invalid", created.get("job").asText()).put("count", invalid));
            }
            objects.values().forEach(object -> {
                ObjectNode accepted = object.accepted;
                if (object.done()) {
                    accepted = accepted.deepCopy();
                    accepted.remove(List.of("line", "message"));
                }
                state.add(accepted);
                if (!object.done()) {
                    state.addAll(object.answers);
                }
                if (object.failed != null) {
                    state.add(object.failed);
                }
            });
            String name = created.get("job").asText();
            List<Integer> published = new ArrayList<>();
            for (int index : labeledOrder) {
                ObjectRecord object = objects.get(index);
                state.add(object.labeled);
                if (object.published) {
                    published.add(index);
                }
            }
            if (!published.isEmpty()) {
                ObjectNode event = event("published", name);
                published.forEach(event.putArray("indexes")::add);
                state.add(event);
            }
        }

        private String text(JsonNode node, String field) {
            return node == null || node.path(field).isNull() || node.path(field).isMissingNode() ? null
                    : node.get(field).asText();
        }
    }

    /** One object of a job as replayed. */
    private final class ObjectRecord {
        private final ObjectNode accepted;
        private final List<ObjectNode> answers = new ArrayList<>();
        private ObjectNode labeled;
        private ObjectNode failed;
        private boolean published;

        ObjectRecord(ObjectNode accepted) {
            this.accepted = accepted;
        }

        boolean done() {
            return labeled != null || failed != null;
        }

        AcceptedObject acceptedObject() {
            IncomingObject incoming = reader.restore((ObjectNode) accepted.get("line"),
                    accepted.get("dedupId").asText(), accepted.get("serviceAssigned").asBoolean(),
                    Optional.ofNullable(accepted.get("sequencer")).filter(node -> !node.isNull())
                            .map(JsonNode::asText),
                    accepted.get("message").asText());
            return new AcceptedObject(incoming, Instant.ofEpochMilli(accepted.get("at").asLong()),
                    accepted.get("index").asInt());
        }
    }
}
