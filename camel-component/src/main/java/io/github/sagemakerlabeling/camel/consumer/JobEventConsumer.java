package io.github.sagemakerlabeling.camel.consumer;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.core.service.LabelingJobs;
import io.github.sagemakerlabeling.camel.health.HealthCheckRegistration;
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

/**
 * Routes a labeling job's changes ({@code jobEvents=true}): each poll describes the job, and a new status (the first
 * one seen included) or new label counters become an exchange with a {@link LabelingJobEvent} body. An event whose
 * exchange failed is routed again on the next poll; nothing is routed while the job does not exist.
 */
public class JobEventConsumer extends ScheduledPollConsumer {

    private final String jobName;
    private final Supplier<LabelingJobs> jobs;
    private final Function<String, HealthCheck> healthCheckOfRoute;
    private final JobChanges changes = new JobChanges();
    private HealthCheckRegistration healthCheck = HealthCheckRegistration.NONE;
    private Supplier<Optional<String>> budgetEvents = Optional::empty;
    private String budgetEventPending;

    /**
     * @param endpoint  the endpoint
     * @param processor the route
     * @param jobName   the job to watch
     * @param jobs      the endpoint's job service, available once the endpoint started
     * @param healthCheckOfRoute the job's health check for the consumer of a route id
     */
    public JobEventConsumer(Endpoint endpoint, Processor processor, String jobName, Supplier<LabelingJobs> jobs,
                            Function<String, HealthCheck> healthCheckOfRoute) {
        super(endpoint, processor);
        this.jobName = jobName;
        this.jobs = jobs;
        this.healthCheckOfRoute = healthCheckOfRoute;
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
        Optional<DescribeLabelingJobResponse> job = jobs.get().find(jobName);
        if (budgetEventPending == null) {
            budgetEventPending = budgetEvents.get().orElse(null);
        }
        Optional<LabelingJobEvent> event = budgetEventPending == null ? job.flatMap(changes::next)
                : job.map(described -> LabelingJobEvent.budgetSpent(described, budgetEventPending));
        if (event.isEmpty()) {
            return 0;
        }
        Exchange exchange = createExchange(false);
        try {
            fill(exchange.getMessage(), event.get());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Job event " + event.get().type() + " of " + jobName
                    + " was not routed; it is routed again on the next poll", exchange, exchange.getException());
        } else if (event.get().type() == LabelingEventType.budgetSpent) {
            budgetEventPending = null;
        } else {
            changes.routed(event.get());
        }
        releaseExchange(exchange, false);
        return 1;
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
