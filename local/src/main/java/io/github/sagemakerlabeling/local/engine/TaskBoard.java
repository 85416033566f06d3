package io.github.sagemakerlabeling.local.engine;

import io.github.sagemakerlabeling.local.workers.SubmittedAnswer;
import io.github.sagemakerlabeling.local.workers.TaskPool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * A job's objects between arrival and result, on the simulation clock (§1.5). Objects wait in the backlog while
 * {@code MaxConcurrentTaskCount} objects are with workers, and expire after waiting {@code backlogExpiry}.
 *
 * <p>An object sent to simulated workers is finished {@code workTime} later when every worker answers; when some do
 * not, their tasks expire after {@code TaskAvailabilityLifetimeInSeconds} and the object is finished then from the
 * answers given, or fails without any. Tasks that take longer than their availability lifetime expire unanswered.
 *
 * <p>An object sent to people is finished when the last person it needs submits, or when its availability lifetime
 * ends (from the answers given by then, or failed without any); with {@code both}, simulated workers complete what
 * people have not done once the plan's delay passed. Confined to one thread; people's answers arrive through the
 * {@link TaskPool} from other threads.
 */
final class TaskBoard {

    private final int maxConcurrentObjects;
    private final Duration workTime;
    private final Duration taskLifetime;
    private final Duration backlogExpiry;
    private final Deque<AcceptedObject> backlog = new ArrayDeque<>();
    private final PriorityQueue<Finished> withWorkers =
            new PriorityQueue<>(Comparator.comparing(Finished::at).thenComparingInt(f -> f.object().index()));
    private final List<WithPeople> withPeople = new ArrayList<>();

    /**
     * @param maxConcurrentObjects the job's {@code MaxConcurrentTaskCount}
     * @param workTime             how long a simulated worker takes for a task
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
     * @param now       the time to move on to
     * @param workforce the job's workers
     * @return what finished and what expired, earliest first
     */
    Progress advanceTo(Instant now, Workforce workforce) {
        List<Finished> finished = new ArrayList<>();
        List<AcceptedObject> expired = new ArrayList<>();
        while (true) {
            Optional<WithPeople> people = withPeople.stream().min(Comparator.comparing(WithPeople::due));
            Finished simulated = withWorkers.peek();
            boolean peopleFirst = people.isPresent() && !people.get().due().isAfter(now)
                    && (simulated == null || people.get().due().isBefore(simulated.at()));
            Finished next;
            if (peopleFirst) {
                withPeople.remove(people.get());
                next = people.get().finish(workforce);
            } else if (simulated != null && !simulated.at().isAfter(now)) {
                next = withWorkers.poll();
            } else {
                break;
            }
            expired.addAll(expireWaiting(next.at()));
            finished.add(next);
            dispatch(next.at(), workforce);
        }
        expired.addAll(expireWaiting(now));
        dispatch(now, workforce);
        return new Progress(finished, expired);
    }

    /** When the next object with workers is due to finish, if any is with them. */
    Optional<Instant> nextFinish() {
        return Stream.concat(Optional.ofNullable(withWorkers.peek()).map(Finished::at).stream(),
                withPeople.stream().map(WithPeople::due)).min(Comparator.naturalOrder());
    }

    /**
     * Whether the board has something to do soon: an object with simulated workers, or one waiting with a place free.
     * Objects with people alone leave it to the job's idle pace (a second), not its busy one.
     */
    boolean busy() {
        return !withWorkers.isEmpty()
                || (!backlog.isEmpty() && withWorkers.size() + withPeople.size() < maxConcurrentObjects);
    }

    /** Whether no object waits and none is with workers. */
    boolean isEmpty() {
        return backlog.isEmpty() && withWorkers.isEmpty() && withPeople.isEmpty();
    }

    /**
     * Removes and returns every object not finished, with workers or waiting, in the order they were accepted;
     * people can no longer take their tasks.
     */
    List<AcceptedObject> withdrawAll(Workforce workforce) {
        List<AcceptedObject> unfinished = new ArrayList<>();
        withWorkers.forEach(finished -> unfinished.add(finished.object()));
        withPeople.forEach(people -> {
            workforce.close(people.open());
            unfinished.add(people.object());
        });
        unfinished.addAll(backlog);
        unfinished.sort(Comparator.comparingInt(AcceptedObject::index));
        withWorkers.clear();
        withPeople.clear();
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

    private void dispatch(Instant time, Workforce workforce) {
        boolean inTime = workTime.compareTo(taskLifetime) <= 0;
        while (!backlog.isEmpty() && withWorkers.size() + withPeople.size() < maxConcurrentObjects) {
            AcceptedObject object = backlog.poll();
            Instant sent = object.acceptedAt().isAfter(time) ? object.acceptedAt() : time;
            if (workforce.toPeople()) {
                withPeople.add(new WithPeople(object, workforce.openForPeople(object, sent.plus(taskLifetime)),
                        workforce.simulatedHelpAt(sent)));
                continue;
            }
            List<Optional<SubmittedAnswer>> answers = workforce.simulatedAnswers(object, sent, 0);
            List<SubmittedAnswer> given = inTime ? answers.stream().flatMap(Optional::stream).toList() : List.of();
            boolean allAnswered = inTime && given.size() == answers.size();
            withWorkers.add(new Finished(object, given, sent.plus(allAnswered ? workTime : taskLifetime)));
        }
    }

    /** An object open to people, finished when they are done, when simulated workers help, or at its deadline. */
    private record WithPeople(AcceptedObject object, TaskPool.OpenObject open, Optional<Instant> simulatedHelpAt) {

        Instant due() {
            Instant due = open.deadline();
            Optional<Instant> completed = open.completedAt();
            if (completed.isPresent() && completed.get().isBefore(due)) {
                due = completed.get();
            }
            if (simulatedHelpAt.isPresent() && simulatedHelpAt.get().isBefore(due)) {
                due = simulatedHelpAt.get();
            }
            return due;
        }

        Finished finish(Workforce workforce) {
            Instant at = due();
            workforce.close(open);
            List<SubmittedAnswer> answers = new ArrayList<>(open.answers().stream()
                    .filter(answer -> !answer.submissionTime().isAfter(at)).toList());
            boolean complete = open.completedAt().filter(time -> !time.isAfter(at)).isPresent();
            if (!complete && simulatedHelpAt.filter(help -> !help.isAfter(at)).isPresent()) {
                workforce.simulatedAnswers(object, at, answers.size()).forEach(answer -> answer.ifPresent(answers::add));
            }
            return new Finished(object, answers, at);
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
    record Finished(AcceptedObject object, List<SubmittedAnswer> answers, Instant at) {
    }
}
