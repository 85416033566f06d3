package io.github.sagemakerlabeling.local.engine;

import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * A job's objects between arrival and result, on the simulation clock (§1.5). Objects wait in the backlog while
 * {@code MaxConcurrentTaskCount} objects are with workers, and expire after waiting {@code backlogExpiry}. An object
 * sent to workers is finished {@code workTime} later when every worker answers; when some do not, their tasks expire
 * after {@code TaskAvailabilityLifetimeInSeconds} and the object is finished then from the answers given, or fails
 * without any. Tasks that take longer than their availability lifetime expire unanswered. Confined to one thread.
 */
final class TaskBoard {

    private final int maxConcurrentObjects;
    private final Duration workTime;
    private final Duration taskLifetime;
    private final Duration backlogExpiry;
    private final Deque<AcceptedObject> backlog = new ArrayDeque<>();
    private final PriorityQueue<Finished> withWorkers =
            new PriorityQueue<>(Comparator.comparing(Finished::at).thenComparingInt(f -> f.object().index()));

    /**
     * @param maxConcurrentObjects the job's {@code MaxConcurrentTaskCount}
     * @param workTime             how long a worker takes for a task
     * @param taskLifetime         the job's {@code TaskAvailabilityLifetimeInSeconds}
     * @param backlogExpiry        how long an object may wait for a worker
     */
    TaskBoard(int maxConcurrentObjects, Duration workTime, Duration taskLifetime, Duration backlogExpiry) {
        this.maxConcurrentObjects = maxConcurrentObjects;
        this.workTime = workTime;
        this.taskLifetime = taskLifetime;
        this.backlogExpiry = backlogExpiry;
    }

    /** Puts a new object at the end of the backlog. */
    void add(AcceptedObject object) {
        backlog.add(object);
    }

    /**
     * Moves the board on to {@code now}, event by event: each object with workers finishes at its time, and the place
     * it frees goes at that moment to the next waiting object that has not expired by then. A clock that jumps ahead
     * thus gives the results the elapsed time would have given.
     *
     * @param now        the time to move on to
     * @param askWorkers each worker's answer to an object, empty for a worker who lets the task expire
     * @return what finished and what expired, earliest first
     */
    Progress advanceTo(Instant now, Function<AcceptedObject, List<Optional<WorkerAnswer>>> askWorkers) {
        List<Finished> finished = new ArrayList<>();
        List<AcceptedObject> expired = new ArrayList<>();
        while (!withWorkers.isEmpty() && !withWorkers.peek().at().isAfter(now)) {
            Finished next = withWorkers.poll();
            expired.addAll(expireWaiting(next.at()));
            finished.add(next);
            dispatch(next.at(), askWorkers);
        }
        expired.addAll(expireWaiting(now));
        dispatch(now, askWorkers);
        return new Progress(finished, expired);
    }

    /** When the next object with workers is finished, if any is with them. */
    Optional<Instant> nextFinish() {
        return Optional.ofNullable(withWorkers.peek()).map(Finished::at);
    }

    /** Whether no object waits and none is with workers. */
    boolean isEmpty() {
        return backlog.isEmpty() && withWorkers.isEmpty();
    }

    /** Removes and returns every object not finished, with workers or waiting, in the order they were accepted. */
    List<AcceptedObject> withdrawAll() {
        List<AcceptedObject> unfinished = new ArrayList<>();
        withWorkers.forEach(finished -> unfinished.add(finished.object()));
        unfinished.addAll(backlog);
        unfinished.sort(Comparator.comparingInt(AcceptedObject::index));
        withWorkers.clear();
        backlog.clear();
        return unfinished;
    }

    /** When a waiting object expires. */
    Instant expiry(AcceptedObject object) {
        return object.acceptedAt().plus(backlogExpiry);
    }

    private List<AcceptedObject> expireWaiting(Instant time) {
        List<AcceptedObject> expired = new ArrayList<>();
        while (!backlog.isEmpty() && !expiry(backlog.peek()).isAfter(time)) {
            expired.add(backlog.poll());
        }
        return expired;
    }

    private void dispatch(Instant time, Function<AcceptedObject, List<Optional<WorkerAnswer>>> askWorkers) {
        boolean inTime = workTime.compareTo(taskLifetime) <= 0;
        while (!backlog.isEmpty() && withWorkers.size() < maxConcurrentObjects) {
            AcceptedObject object = backlog.poll();
            Instant sent = object.acceptedAt().isAfter(time) ? object.acceptedAt() : time;
            List<Optional<WorkerAnswer>> answers = askWorkers.apply(object);
            List<WorkerAnswer> given = inTime ? answers.stream().flatMap(Optional::stream).toList() : List.of();
            boolean allAnswered = inTime && given.size() == answers.size();
            withWorkers.add(new Finished(object, given, sent.plus(allAnswered ? workTime : taskLifetime)));
        }
    }

    /**
     * What {@link #advanceTo} moved on.
     *
     * @param finished the objects whose workers are done, in the order they were done
     * @param expired  the objects that waited too long, in the order they expired
     */
    record Progress(List<Finished> finished, List<AcceptedObject> expired) {
    }

    /**
     * An object whose workers are done.
     *
     * @param object  the object
     * @param answers the answers given in time; empty when every task expired, and the object fails
     * @param at      when the last answer came in or the last task expired
     */
    record Finished(AcceptedObject object, List<WorkerAnswer> answers, Instant at) {
    }
}
