package io.github.sagemakerlabeling.camel.consumer;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.service.LabelingJobs;
import io.github.sagemakerlabeling.camel.health.HealthCheckRegistration;
import io.github.sagemakerlabeling.core.service.JobChain;
import io.github.sagemakerlabeling.core.service.JobSuccession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.ScheduledPollConsumer;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;

/**
 * Routes a labeling job's changes ({@code jobEvents=true}): each poll describes the job, and a new status (the first
 * one seen included) or new label counters become an exchange with a {@link LabelingJobEvent} body. An event whose
 * exchange failed is routed again on the next poll; nothing is routed while the job does not exist. The job watched
 * is the current one of its rollover chain; with rollover, a job seen ended is rolled over once its event was routed.
 * While the job runs, an {@link LabelingEventType#idleWarning} is routed once the application sent nothing for
 * {@code idleWarningAfter}.
 */
public class JobEventConsumer extends ScheduledPollConsumer {

    private final Supplier<String> jobName;
    private final Supplier<LabelingJobs> jobs;
    private final Function<String, HealthCheck> healthCheckOfRoute;
    private final JobChanges changes = new JobChanges();
    private HealthCheckRegistration healthCheck = HealthCheckRegistration.NONE;
    private IdleWarning idleWarning = new IdleWarning(() -> null, Duration.ZERO, Clock::systemUTC);
    private Supplier<Optional<JobSuccession>> rollover = Optional::empty;
    private Supplier<Optional<String>> budgetEvents = Optional::empty;
    private String budgetEventPending;

    /**
     * @param endpoint  the endpoint
     * @param processor the route
     * @param jobName   the job to watch now
     * @param jobs      the endpoint's job service, available once the endpoint started
     * @param healthCheckOfRoute the job's health check for the consumer of a route id
     */
    public JobEventConsumer(Endpoint endpoint, Processor processor, Supplier<String> jobName, Supplier<LabelingJobs> jobs,
                            Function<String, HealthCheck> healthCheckOfRoute) {
        super(endpoint, processor);
        this.jobName = jobName;
        this.jobs = jobs;
        this.healthCheckOfRoute = healthCheckOfRoute;
    }

    /**
     * Adds the idle warning and rollover.
     *
     * @param chain            the job's rollover chain, available once the endpoint started
     * @param idleWarningAfter the idle age to warn at; zero warns never
     * @param clock            the clock idle ages are measured on
     * @param rollover         rolls the job over when it ended, when the endpoint has the rollover option
     */
    public void watchIdleAndRollover(Supplier<JobChain> chain, Duration idleWarningAfter, Supplier<Clock> clock,
                                     Supplier<Optional<JobSuccession>> rollover) {
        this.idleWarning = new IdleWarning(chain, idleWarningAfter, clock);
        this.rollover = rollover;
    }

    /** Where spent budgets are reported (each once), to be routed as {@link LabelingEventType#budgetSpent} events. */
    public void setBudgetEvents(Supplier<Optional<String>> budgetEvents) {
        this.budgetEvents = budgetEvents;
    }

    @Override
    protected void doStart() throws Exception {
        healthCheck = HealthCheckRegistration.register(getEndpoint().getCamelContext(),
                healthCheckOfRoute.apply(getRouteId()));
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        healthCheck.unregister();
    }

    @Override
    protected int poll() throws Exception {
        Optional<DescribeLabelingJobResponse> job = jobs.get().find(jobName.get());
        if (job.isEmpty()) {
            return 0;
        }
        int routed = 0;
        if (budgetEventPending == null) {
            budgetEventPending = budgetEvents.get().orElse(null);
        }
        if (budgetEventPending != null) {
            routed++;
            if (route(LabelingJobEvent.budgetSpent(job.get(), budgetEventPending), null)) {
                budgetEventPending = null;
            }
        }
        Optional<LabelingJobEvent> event = changes.next(job.get());
        boolean routedAll = true;
        if (event.isPresent()) {
            routed++;
            routedAll = route(event.get(), null);
            if (routedAll) {
                changes.routed(event.get());
            }
        }
        if (routedAll) {
            // The route saw the job end before its successor is created; a failed rollover is tried on the next poll.
            rollover.get().ifPresent(succession -> succession.rollOverIfEnded(job.get()));
        }
        Optional<Instant> idleSince = job.get().labelingJobStatus() == LabelingJobStatus.IN_PROGRESS
                ? idleWarning.due() : Optional.empty();
        if (idleSince.isPresent()) {
            routed++;
            if (route(LabelingJobEvent.of(job.get(), LabelingEventType.idleWarning), idleSince.get())) {
                idleWarning.warned(idleSince.get());
            }
        }
        return routed;
    }

    /** @return whether the event's exchange succeeded */
    private boolean route(LabelingJobEvent event, Instant lastSent) {
        Exchange exchange = createExchange(false);
        try {
            fill(exchange.getMessage(), event);
            if (lastSent != null) {
                exchange.getMessage().setHeader(SageMakerLabelingConstants.LAST_SENT, lastSent);
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean routed = exchange.getException() == null;
        if (!routed) {
            getExceptionHandler().handleException("Job event " + event.type() + " of " + event.jobName()
                    + " was not routed; it is routed again on the next poll", exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return routed;
    }

    private static void fill(Message message, LabelingJobEvent event) {
        message.setBody(event);
        message.setHeader(SageMakerLabelingConstants.EVENT_TYPE, event.type().name());
        message.setHeader(SageMakerLabelingConstants.JOB_NAME, event.jobName());
        message.setHeader(SageMakerLabelingConstants.JOB_STATUS, event.status().toString());
        message.setHeader(SageMakerLabelingConstants.LABEL_COUNTERS, event.labelCounters());
        event.failureReason().ifPresent(reason -> message.setHeader(SageMakerLabelingConstants.FAILURE_REASON, reason));
    }
}
