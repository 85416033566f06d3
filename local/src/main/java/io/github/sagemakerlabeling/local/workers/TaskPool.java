package io.github.sagemakerlabeling.local.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tasks waiting for people, across the stack's jobs: the engine opens an object here when its work team labels
 * with people, the worker portal lets people take and submit its tasks, and the engine collects the answers. Each
 * object goes to {@code NumberOfHumanWorkersPerDataObject} distinct people, never twice to the same one; a task not
 * submitted within {@code TaskTimeLimitInSeconds} is abandoned and its place goes back to the pool; only the worker
 * a task is assigned to can submit it. Thread-safe: the engine's job threads and the portal's handlers share it.
 */
public final class TaskPool {

    private final Map<String, PeopleJob> jobs = new LinkedHashMap<>();
    private final Map<String, List<OpenObject>> objects = new LinkedHashMap<>();
    private final Map<String, Assignment> assignments = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> submissions = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private SubmissionListener submissionListener = (jobName, datasetObjectId, answer) -> { };

    /** Told of each answer a worker submits, before the submission is acknowledged. */
    @FunctionalInterface
    public interface SubmissionListener {
        /**
         * @param jobName         the task's job
         * @param datasetObjectId the object's number in the job
         * @param answer          the answer
         */
        void submitted(String jobName, String datasetObjectId, SubmittedAnswer answer);
    }

    /**
     * Calls {@code listener} with each answer a worker submits, before {@link #submit} returns (and before the engine
     * can see the answer): a store writes it there, so an acknowledged answer is kept. If the listener throws, the
     * submission fails and the task stays the worker's.
     */
    public synchronized void onSubmit(SubmissionListener listener) {
        this.submissionListener = listener;
    }

    /** A job with tasks that people may take now, and how many. */
    public record Work(PeopleJob job, int tasksAvailable) {
    }

    /**
     * One task: an object assigned to one worker.
     *
     * @param id         the task's id, which the portal's pages and submissions carry
     * @param workerId   the worker it is assigned to
     * @param job        the object's job
     * @param object     the object and its place in the job
     * @param acceptedAt when the worker took it
     * @param expiresAt  when it goes back to the pool unless submitted
     */
    public record Assignment(String id, String workerId, PeopleJob job, AnnotationTask object, Instant acceptedAt,
                             Instant expiresAt) {
    }

    /** Refusal of a take or a submission, with the reason a worker can act on. */
    public static final class TaskRefusedException extends RuntimeException {
        public TaskRefusedException(String message) {
            super(message);
        }
    }

    /** Makes a job's objects available to people from now on. */
    public synchronized void addJob(PeopleJob job) {
        jobs.put(job.jobName(), job);
        objects.putIfAbsent(job.jobName(), new ArrayList<>());
    }

    /** Withdraws a job and its open objects (the job ended). */
    public synchronized void removeJob(String jobName) {
        jobs.remove(jobName);
        List<OpenObject> open = objects.remove(jobName);
        if (open != null) {
            open.forEach(object -> object.closed = true);
        }
        assignments.values().removeIf(assignment -> assignment.job().jobName().equals(jobName));
    }

    /** Forgets every job, and who submitted what. */
    public synchronized void clear() {
        new ArrayList<>(jobs.keySet()).forEach(this::removeJob);
        submissions.clear();
    }

    /**
     * How a job's work with people stands.
     *
     * @param openObjects  objects open to people now
     * @param takenTasks   tasks people hold now
     * @param submissions  answers submitted so far, by worker, in the order workers first submitted
     */
    public record Progress(int openObjects, int takenTasks, Map<String, Integer> submissions) {
    }

    /** How a job's work with people stands; zeros for a job that never had people. */
    public synchronized Progress progress(String jobName) {
        List<OpenObject> open = objects.getOrDefault(jobName, List.of());
        return new Progress(open.size(), open.stream().mapToInt(object -> object.active.size()).sum(),
                Collections.unmodifiableMap(new LinkedHashMap<>(submissions.getOrDefault(jobName, Map.of()))));
    }

    /**
     * Opens an object for people until {@code deadline} ({@code TaskAvailabilityLifetimeInSeconds} after it was
     * sent to workers); the engine reads its answers from the returned handle.
     */
    public synchronized OpenObject open(String jobName, AnnotationTask object, Instant deadline) {
        PeopleJob job = jobs.get(jobName);
        if (job == null) {
            throw new IllegalStateException("job " + jobName + " is not in the task pool");
        }
        OpenObject open = new OpenObject(job, object, deadline);
        objects.get(jobName).add(open);
        return open;
    }

    /** The jobs with a task this worker may take at {@code now}, in the order the jobs came. */
    public synchronized List<Work> work(String workerId, Instant now) {
        expireAssignments(now);
        List<Work> work = new ArrayList<>();
        jobs.forEach((name, job) -> {
            long available = objects.get(name).stream().filter(object -> object.availableTo(workerId, now)).count();
            Optional<Assignment> held = held(workerId, name);
            if (available > 0 || held.isPresent()) {
                work.add(new Work(job, (int) available + (held.isPresent() ? 1 : 0)));
            }
        });
        return work;
    }

    /** Every job open to people, with or without tasks waiting. */
    public synchronized List<PeopleJob> jobs() {
        return List.copyOf(jobs.values());
    }

    /**
     * The worker's next task of a job: the one they hold when they hold one (a worker holds one task of a job at a
     * time), else the oldest object they have not worked on that still needs a worker.
     */
    public synchronized Optional<Assignment> take(String jobName, String workerId, Instant now) {
        requireWorker(workerId);
        expireAssignments(now);
        Optional<Assignment> held = held(workerId, jobName);
        if (held.isPresent()) {
            return held;
        }
        List<OpenObject> open = objects.getOrDefault(jobName, List.of());
        for (OpenObject object : open) {
            if (object.availableTo(workerId, now)) {
                Instant expires = now.plus(object.job.taskTimeLimit());
                Assignment assignment = new Assignment(newId(), workerId, object.job, object.object, now,
                        expires.isAfter(object.deadline) ? object.deadline : expires);
                object.workers.add(workerId);
                object.active.put(assignment.id(), assignment);
                assignments.put(assignment.id(), assignment);
                return Optional.of(assignment);
            }
        }
        return Optional.empty();
    }

    /** A task by id, while it is assigned. */
    public synchronized Optional<Assignment> assignment(String id, Instant now) {
        expireAssignments(now);
        return Optional.ofNullable(assignments.get(id));
    }

    /**
     * Records a worker's answer to their task.
     *
     * @throws TaskRefusedException when the task is not this worker's, was abandoned (time limit), or its object is
     *                              no longer open
     * @throws IllegalArgumentException when the answer is not of the kind the task asks for
     */
    public synchronized SubmittedAnswer submit(String assignmentId, String workerId, JsonNode answerContent,
                                               Instant now) {
        requireWorker(workerId);
        Assignment assignment = assignments.get(assignmentId);
        if (assignment == null) {
            throw new TaskRefusedException("task '" + assignmentId + "' is not assigned to anyone: it was submitted, "
                    + "abandoned after its time limit, or never existed");
        }
        if (!assignment.workerId().equals(workerId)) {
            throw new TaskRefusedException("task '" + assignmentId + "' is assigned to another worker, not to '"
                    + workerId + "'");
        }
        if (!now.isBefore(assignment.expiresAt())) {
            expireAssignments(now);
            throw new TaskRefusedException("task '" + assignmentId + "' passed its time limit at "
                    + assignment.expiresAt() + " and went back to the pool");
        }
        WorkerAnswer answer = AnswerContent.read(answerContent, assignment.job().answerKind());
        OpenObject object = find(assignment);
        SubmittedAnswer submitted = new SubmittedAnswer(workerId, assignment.acceptedAt(), now, answerContent, answer);
        submissionListener.submitted(assignment.job().jobName(), assignment.object().datasetObjectId(), submitted);
        assignments.remove(assignmentId);
        object.active.remove(assignmentId);
        add(object, submitted);
        return submitted;
    }

    /**
     * Gives an object back the answers people submitted before the stack restarted: their workers count as having
     * worked on it.
     */
    public synchronized void restore(OpenObject object, List<SubmittedAnswer> answers) {
        answers.forEach(answer -> add(object, answer));
    }

    private void add(OpenObject object, SubmittedAnswer answer) {
        object.workers.add(answer.workerId());
        object.answers.add(answer);
        submissions.computeIfAbsent(object.job.jobName(), job -> new LinkedHashMap<>())
                .merge(answer.workerId(), 1, Integer::sum);
    }

    /** The engine is done with an object: no more tasks of it are given or accepted. */
    public synchronized void close(OpenObject object) {
        object.closed = true;
        List<OpenObject> open = objects.get(object.job.jobName());
        if (open != null) {
            open.remove(object);
        }
        object.active.keySet().forEach(assignments::remove);
        object.active.clear();
    }

    private OpenObject find(Assignment assignment) {
        for (OpenObject object : objects.getOrDefault(assignment.job().jobName(), List.of())) {
            if (object.active.containsKey(assignment.id())) {
                return object;
            }
        }
        throw new TaskRefusedException("the object of task '" + assignment.id() + "' is no longer open");
    }

    private Optional<Assignment> held(String workerId, String jobName) {
        return assignments.values().stream()
                .filter(a -> a.workerId().equals(workerId) && a.job().jobName().equals(jobName)).findFirst();
    }

    /** Tasks past their time limit are abandoned: their place goes back to the pool, to other workers. */
    private void expireAssignments(Instant now) {
        assignments.values().removeIf(assignment -> {
            if (now.isBefore(assignment.expiresAt())) {
                return false;
            }
            objects.getOrDefault(assignment.job().jobName(), List.of())
                    .forEach(object -> object.active.remove(assignment.id()));
            return true;
        });
    }

    private static void requireWorker(String workerId) {
        if (workerId == null || workerId.isBlank()) {
            throw new TaskRefusedException("a worker id is required");
        }
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An object open to people, and the answers it got; the engine's handle on it. */
    public final class OpenObject {
        private final PeopleJob job;
        private final AnnotationTask object;
        private final Instant deadline;
        private final Set<String> workers = new LinkedHashSet<>();
        private final Map<String, Assignment> active = new LinkedHashMap<>();
        private final List<SubmittedAnswer> answers = new ArrayList<>();
        private boolean closed;

        private OpenObject(PeopleJob job, AnnotationTask object, Instant deadline) {
            this.job = job;
            this.object = object;
            this.deadline = deadline;
        }

        /** When its tasks expire unanswered. */
        public Instant deadline() {
            return deadline;
        }

        /** The answers submitted so far, first first. */
        public List<SubmittedAnswer> answers() {
            synchronized (TaskPool.this) {
                return List.copyOf(answers);
            }
        }

        /** When the last of the answers it needs came in, once every worker it needs answered. */
        public Optional<Instant> completedAt() {
            synchronized (TaskPool.this) {
                return answers.size() >= job.workersPerObject()
                        ? Optional.of(answers.get(job.workersPerObject() - 1).submissionTime()) : Optional.empty();
            }
        }

        private boolean availableTo(String workerId, Instant now) {
            return !closed && now.isBefore(deadline) && !workers.contains(workerId)
                    && answers.size() + active.size() < job.workersPerObject();
        }
    }
}
