package io.github.sagemakerlabeling.local.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each job labeled, for the worker portal's dashboard: the recent results with their data object and label, when
 * objects were labeled (throughput), how often each label was given, and per worker how many answers they gave and how
 * many agreed with the consolidated label. The engine records every labeled object here, people's and simulated
 * workers' alike. Agreement (the consolidation's {@code Agreement}) is known for classification (one class or several), bounding boxes
 * and named entities; free-form content is counted but not compared. Labels are the class names, or the entities'
 * labels.
 */
public final class LabeledResults {

    /** Recent results kept per job. */
    public static final int RECENT = 12;
    /** Labeling times kept per job, enough for the throughput chart. */
    private static final int TIMES = 10_000;

    private final Map<String, JobLog> jobs = new LinkedHashMap<>();

    /**
     * One worker's answer to a labeled object.
     *
     * @param workerId the worker
     * @param agrees   whether the answer matches the consolidated label; empty when answers of this kind are not
     *                 compared
     */
    public record Vote(String workerId, Optional<Boolean> agrees) {
    }

    /**
     * One labeled object.
     *
     * @param labeledAt when it was labeled
     * @param text      its {@code source}, for text objects
     * @param sourceRef its {@code source-ref}, for objects in S3 (images)
     * @param label     the consolidated label as a person reads it: class names, or the label value
     * @param votes     the workers' answers
     */
    public record Result(Instant labeledAt, Optional<String> text, Optional<String> sourceRef, String label,
                         List<Vote> votes) {
    }

    /**
     * A worker's answers to one job.
     *
     * @param answers  answers given to labeled objects
     * @param compared answers compared with the consolidated label
     * @param agreed   of those, the ones that matched it
     */
    public record WorkerTally(int answers, int compared, int agreed) {
    }

    /**
     * Records a labeled object.
     *
     * @param jobName   the job
     * @param labeledAt when it was labeled
     * @param line      the data object's manifest line
     * @param metadata  the consolidated label's metadata ({@code class-name} or {@code class-map} among it)
     * @param value     the consolidated label's value
     * @param votes     the answers it was consolidated from, each with whether it agrees with the label
     */
    public synchronized void record(String jobName, Instant labeledAt, JsonNode line, ObjectNode metadata,
                                    JsonNode value, List<Vote> votes) {
        Set<String> classes = classes(metadata);
        if (classes.isEmpty()) {
            classes.addAll(value.findValuesAsText("label")); // entities: their labels
        }
        JobLog log = jobs.computeIfAbsent(jobName, name -> new JobLog());
        for (Vote vote : votes) {
            Optional<Boolean> agrees = vote.agrees();
            log.workers.merge(vote.workerId(), new WorkerTally(1, agrees.isPresent() ? 1 : 0,
                    agrees.orElse(false) ? 1 : 0), (a, b) -> new WorkerTally(a.answers() + b.answers(),
                    a.compared() + b.compared(), a.agreed() + b.agreed()));
        }
        classes.forEach(name -> log.labelCounts.merge(name, 1, Integer::sum));
        String label = classes.isEmpty() ? abbreviate(value.isTextual() ? value.textValue() : value.toString())
                : String.join(", ", classes);
        log.recent.addFirst(new Result(labeledAt, text(line, "source").map(LabeledResults::abbreviate),
                text(line, "source-ref"), label,
                List.copyOf(votes)));
        if (log.recent.size() > RECENT) {
            log.recent.removeLast();
        }
        log.times.addLast(labeledAt);
        if (log.times.size() > TIMES) {
            log.times.removeFirst();
        }
    }

    /** The job's most recent results, newest first. */
    public synchronized List<Result> recent(String jobName) {
        return List.copyOf(log(jobName).recent);
    }

    /** The job's workers, in the order they first answered. */
    public synchronized Map<String, WorkerTally> workers(String jobName) {
        return new LinkedHashMap<>(log(jobName).workers);
    }

    /** How many labeled objects got each class, in the order classes first appeared. */
    public synchronized Map<String, Integer> labelCounts(String jobName) {
        return new LinkedHashMap<>(log(jobName).labelCounts);
    }

    /** When the job's objects were labeled, oldest first (the latest {@value #TIMES}). */
    public synchronized List<Instant> labeledTimes(String jobName) {
        return List.copyOf(log(jobName).times);
    }

    /** Forgets every job, as a stack reset does. */
    public synchronized void clear() {
        jobs.clear();
    }

    private JobLog log(String jobName) {
        return jobs.getOrDefault(jobName, JobLog.EMPTY);
    }

    /** The class names of a classification label, bounding boxes included; empty for other labels. */
    private static Set<String> classes(ObjectNode metadata) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode name = metadata.get("class-name");
        if (name != null && name.isTextual()) {
            names.add(name.textValue());
        }
        JsonNode map = metadata.get("class-map");
        if (map != null && map.isObject()) {
            map.elements().forEachRemaining(value -> names.add(value.asText()));
        }
        return names;
    }

    private static Optional<String> text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 280 ? text : text.substring(0, 279) + "…";
    }

    private static final class JobLog {
        static final JobLog EMPTY = new JobLog();
        final Deque<Result> recent = new ArrayDeque<>();
        final Map<String, WorkerTally> workers = new LinkedHashMap<>();
        final Map<String, Integer> labelCounts = new LinkedHashMap<>();
        final Deque<Instant> times = new ArrayDeque<>();
    }
}
