package io.github.sagemakerlabeling.local.engine;

import io.github.sagemakerlabeling.local.sagemaker.LabelingJobListener;
import io.github.sagemakerlabeling.local.sagemaker.LocalLabelingJob;
import io.github.sagemakerlabeling.local.time.SimulationClock;
import io.github.sagemakerlabeling.local.workers.LabeledResults;
import io.github.sagemakerlabeling.local.workers.TaskPool;
import io.github.sagemakerlabeling.local.store.Journal;
import io.github.sagemakerlabeling.local.workers.AnswerKind;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every labeling job the SageMaker API creates: one {@link JobRunner} thread per job while the job runs, and a
 * timer that writes each running job's output to S3 once a second, as Ground Truth updates its output periodically.
 */
public final class StreamingEngine implements LabelingJobListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingEngine.class);
    private static final long OUTPUT_FLUSH_MILLIS = 1000;

    private final SimulationClock clock;
    private final AwsClients aws;
    private volatile EngineSettings settings;
    private final TaskPool people;
    private final LabeledResults results;
    private final JobJournal journal;
    private volatile Instant clockRecorded = Instant.EPOCH;
    private final Map<String, JobRunner> runners = new ConcurrentHashMap<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService jobThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-ground-truth-job-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-ground-truth-output");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param clock    the simulation clock the jobs run on
     * @param aws      clients of the local SNS, SQS and S3
     * @param settings timings and workers
     */
    public StreamingEngine(SimulationClock clock, AwsClients aws, EngineSettings settings) {
        this(clock, aws, settings, new TaskPool());
    }

    /**
     * @param clock    the simulation clock the jobs run on
     * @param aws      clients of the local SNS, SQS and S3
     * @param settings timings and workers
     * @param people   where tasks of work teams that label with people wait for the worker portal
     */
    public StreamingEngine(SimulationClock clock, AwsClients aws, EngineSettings settings, TaskPool people) {
        this(clock, aws, settings, people, new LabeledResults());
    }

    /**
     * @param clock    the simulation clock the jobs run on
     * @param aws      clients of the local SNS, SQS and S3
     * @param settings timings and workers
     * @param people   where tasks of work teams that label with people wait for the worker portal
     * @param results  where every labeled object is recorded for the dashboard
     */
    public StreamingEngine(SimulationClock clock, AwsClients aws, EngineSettings settings, TaskPool people,
                           LabeledResults results) {
        this(clock, aws, settings, people, results, new JobJournal(Journal.discarding()));
    }

    /**
     * @param clock    the simulation clock the jobs run on
     * @param aws      clients of the local SNS, SQS and S3
     * @param settings timings and workers
     * @param people   where tasks of work teams that label with people wait for the worker portal
     * @param results  where every labeled object is recorded for the dashboard
     * @param journal  where jobs, their task boards and people's answers are kept (a data directory's), and
     *                 {@link #resume} takes them back from
     */
    public StreamingEngine(SimulationClock clock, AwsClients aws, EngineSettings settings, TaskPool people,
                           LabeledResults results, JobJournal journal) {
        this.journal = journal;
        if (journal.durable()) {
            people.onSubmit(journal::answered);
        }
        this.people = people;
        this.results = results;
        this.clock = clock;
        this.aws = aws;
        this.settings = settings;
        flusher.scheduleWithFixedDelay(this::flushAll, OUTPUT_FLUSH_MILLIS, OUTPUT_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Where tasks for people wait: the worker portal's source. */
    public TaskPool people() {
        return people;
    }

    /** The settings jobs created from now on use. */
    public void settings(EngineSettings settings) {
        this.settings = settings;
    }

    /** The settings jobs created from now on use. */
    public EngineSettings settings() {
        return settings;
    }

    @Override
    public void jobCreated(LocalLabelingJob job) {
        journal.created(job);
        job.onStatusChange(journal::statusChanged);
        JobRunner runner = new JobRunner(job, settings, clock, aws, people, results, journal);
        runner.setUp();
        start(job, runner);
    }

    /**
     * Runs again a job the journal kept, from where it was: its queue subscribed again, its unfinished objects back on
     * its task board with the answers people gave them. A job that ended stays as it is.
     */
    public void resume(LocalLabelingJob job) {
        job.onStatusChange(journal::statusChanged);
        if (job.isFinal()) {
            return;
        }
        JobRunner runner = new JobRunner(job, settings, clock, aws, people, results, journal);
        runner.setUp();
        journal.recovered(job.name(), job.spec().taskType().map(AnswerKind::of).orElse(AnswerKind.CONTENT))
                .ifPresent(runner::resume);
        start(job, runner);
    }

    private void start(LocalLabelingJob job, JobRunner runner) {
        runners.put(job.arn(), runner);
        jobThreads.execute(() -> {
            try {
                runner.run();
            } finally {
                runners.remove(job.arn(), runner);
            }
        });
    }

    @Override
    public void stopRequested(LocalLabelingJob job) {
        // The job's runner sees Stopping on its next step and finishes the stop itself.
    }

    /** Ends every job's runner (the jobs keep their last status). */
    public void reset() {
        runners.values().forEach(JobRunner::close);
        runners.clear();
        people.clear();
        results.clear();
    }

    /**
     * Writes the simulation time when the clock runs ahead of real time (sped up, or moved forward), so that timers
     * of jobs resumed after a restart go on from there.
     */
    private void recordClock() {
        Instant now = clock.instant();
        if (journal.durable() && now.isAfter(Instant.now().plusSeconds(1))
                && now.isAfter(clockRecorded.plusSeconds(1))) {
            try {
                journal.clock(now);
                clockRecorded = now;
            } catch (RuntimeException e) {
                LOG.warn("Recording the simulation clock failed", e);
            }
        }
    }

    @Override
    public void close() {
        recordClock();
        reset();
        // Let a flush under way finish its S3 writes instead of interrupting it; no new flush starts.
        flusher.shutdown();
        jobThreads.shutdownNow();
        try {
            jobThreads.awaitTermination(5, TimeUnit.SECONDS);
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flushAll() {
        recordClock();
        runners.values().forEach(runner -> {
            try {
                runner.flushOutput();
            } catch (RuntimeException e) {
                LOG.warn("Writing job output to S3 failed", e);
            }
        });
    }
}
