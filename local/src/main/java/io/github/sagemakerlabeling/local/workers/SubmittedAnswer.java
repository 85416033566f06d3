package io.github.sagemakerlabeling.local.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One worker's answer to one task as Ground Truth records it in the job's worker-response files: who, when the task
 * was accepted and submitted, and the answer in the shape the task's crowd HTML element submits. Simulated workers
 * and people in the worker portal give answers of this one kind.
 *
 * @param workerId       the worker's id
 * @param acceptanceTime when the worker took the task
 * @param submissionTime when the worker submitted it
 * @param answerContent  the form's output, keyed by the element's name ({@code {"crowd-classifier": {"label": ..}}})
 * @param answer         the same answer as the consolidation reads it
 */
public record SubmittedAnswer(String workerId, Instant acceptanceTime, Instant submissionTime, JsonNode answerContent,
                              WorkerAnswer answer) {

    public SubmittedAnswer {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(acceptanceTime, "acceptanceTime");
        Objects.requireNonNull(submissionTime, "submissionTime");
        Objects.requireNonNull(answerContent, "answerContent");
        Objects.requireNonNull(answer, "answer");
    }

    /** The seconds between acceptance and submission, to the millisecond, as {@code timeSpentInSeconds}. */
    public double timeSpentInSeconds() {
        return Math.max(0, submissionTime.toEpochMilli() - acceptanceTime.toEpochMilli()) / 1000.0;
    }
}
