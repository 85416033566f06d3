package io.github.sagemakerlabeling.camel.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sagemakerlabeling.camel.SageMakerLabelingEndpoint;
import io.github.sagemakerlabeling.core.result.ClassLabel;
import io.github.sagemakerlabeling.core.result.LabelingResult;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * Restarting an application, or starting two instances at once, never makes a second job: a context with the same
 * routes attaches to the running job, and what is sent afterwards is labeled and routed.
 */
class RestartSafetyTest extends ReliabilityTestSupport {

    private String jobUri() {
        return "sagemaker-labeling:reviews?" + jobOptions();
    }

    @Test
    void aRestartedContextAttachesToTheRunningJobAndWhatItSendsIsLabeled() throws Exception {
        String uri = jobUri();
        CamelContext first = context(labelingRoutes(uri));
        first.start();
        MockEndpoint labeledBefore = labeled(first);
        first.createProducerTemplate().sendBody("direct:send", "Before the restart the soup was delicious");
        labeledBefore.expectedMessageCount(1);
        labeledBefore.assertIsSatisfied(LABELED_WITHIN.toMillis());
        DescribeLabelingJobResponse job = sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews"));
        first.stop();

        CamelContext restarted = context(labelingRoutes(uri));
        restarted.start();

        assertThat(jobEndpoints(restarted)).hasSize(2).allSatisfy(endpoint -> {
            assertThat(endpoint.getEnsuredJob()).as(endpoint.getEndpointUri()).isNotNull();
            assertThat(endpoint.getEnsuredJob().created()).as("created by " + endpoint.getEndpointUri()).isFalse();
            assertThat(endpoint.getEnsuredJob().job().labelingJobArn()).isEqualTo(job.labelingJobArn());
        });
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).singleElement()
                .extracting(LabelingJobSummary::labelingJobName, LabelingJobSummary::labelingJobStatus)
                .containsExactly("reviews", LabelingJobStatus.IN_PROGRESS);
        assertThat(sns.listTopics().topics()).extracting(Topic::topicArn).hasSize(2)
                .containsExactlyInAnyOrder(job.inputConfig().dataSource().snsDataSource().snsTopicArn(),
                        job.outputConfig().snsTopicArn());
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(job.outputConfig().snsTopicArn())).subscriptions())
                .as("the restarted consumer re-uses the queue's one subscription").singleElement()
                .extracting(Subscription::endpoint).asString().endsWith(":reviews-output");

        List<String> texts = List.of("After the restart the pie was delicious", "After the restart: cold fries",
                "After the restart: slow service");
        MockEndpoint labeledAfter = labeled(restarted);
        labeledAfter.expectedMessageCount(texts.size());
        ProducerTemplate template = restarted.createProducerTemplate();
        texts.forEach(text -> template.sendBody("direct:send", text));
        labeledAfter.assertIsSatisfied(LABELED_WITHIN.toMillis());
        assertThat(labeledAfter.getExchanges()).extracting(e -> e.getMessage().getBody(LabelingResult.class))
                .extracting(r -> r.source().orElseThrow() + "=" + r.annotation(ClassLabel.class).className())
                .containsExactlyInAnyOrder("After the restart the pie was delicious=positive",
                        "After the restart: cold fries=negative", "After the restart: slow service=negative");
        assertNoMoreThan(texts.size(), labeledAfter);
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList()).hasSize(1);
    }

    @Test
    void twoContextsStartingAtTheSameTimeEndUpWithOneJob() throws Exception {
        String uri = jobUri();
        // Each CreateLabelingJob waits (up to 30 s) for the other instance's: both found no job and both create it,
        // the race this test is about; the later create is refused with ResourceInUse, and that instance attaches.
        CountDownLatch bothCreating = new CountDownLatch(2);
        try (SageMakerClient rendezvous = LocalAwsClients.configure(SageMakerClient.builder(),
                groundTruth.sageMakerEndpoint(), groundTruth.region())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution call, ExecutionAttributes attributes) {
                        if (call.request() instanceof CreateLabelingJobRequest) {
                            bothCreating.countDown();
                            awaitQuietly(bothCreating);
                        }
                    }
                })).build()) {
            List<CamelContext> contexts = List.of(context(labelingRoutes(uri)), context(labelingRoutes(uri)));
            contexts.forEach(context -> context.getRegistry().bind("sageMaker", rendezvous));
            startTogether(contexts);

            assertThat(bothCreating.getCount()).as("CreateLabelingJob calls still awaited: both instances raced")
                    .isZero();
            assertOneJobSharedBy(contexts);
            contexts.forEach(CamelContext::stop);
        }
    }

    private static void startTogether(List<CamelContext> contexts) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService starters = Executors.newFixedThreadPool(contexts.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (CamelContext context : contexts) {
                started.add(starters.submit(() -> {
                    go.await();
                    context.start();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> start : started) {
                start.get(60, TimeUnit.SECONDS); // rethrows what a start threw
            }
        } finally {
            starters.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void assertOneJobSharedBy(List<CamelContext> contexts) throws Exception {
        assertThat(sageMaker.listLabelingJobs().labelingJobSummaryList())
                .singleElement().extracting(LabelingJobSummary::labelingJobName).isEqualTo("reviews");
        assertThat(contexts.stream().flatMap(context -> jobEndpoints(context).stream())
                .map(endpoint -> endpoint.getEnsuredJob().created()))
                .as("one of the four endpoints created the job, the others attached")
                .containsExactlyInAnyOrder(true, false, false, false);
        String outputTopic = sageMaker.describeLabelingJob(b -> b.labelingJobName("reviews")).outputConfig()
                .snsTopicArn();
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(outputTopic)).subscriptions())
                .as("both consumers share one queue and one subscription").hasSize(1);

        // Both instances feed the job and compete on its output queue: each object is routed once, by either.
        List<String> texts = Stream.of("one", "two", "three", "four").map(n -> "Instance text " + n + " was delicious")
                .toList();
        for (int i = 0; i < texts.size(); i++) {
            contexts.get(i % 2).createProducerTemplate().sendBody("direct:send", texts.get(i));
        }
        MockEndpoint first = labeled(contexts.get(0));
        MockEndpoint second = labeled(contexts.get(1));
        await().atMost(LABELED_WITHIN)
                .until(() -> first.getReceivedCounter() + second.getReceivedCounter() >= texts.size());
        List<String> routed = new ArrayList<>(sources(first));
        routed.addAll(sources(second));
        assertThat(routed).containsExactlyInAnyOrderElementsOf(texts);
        assertNoMoreThan(texts.size(), first, second);
    }

    /** The job endpoints of {@link #labelingRoutes}: the consumer's and the producer's. */
    private static List<SageMakerLabelingEndpoint> jobEndpoints(CamelContext context) {
        return context.getEndpoints().stream().filter(SageMakerLabelingEndpoint.class::isInstance)
                .map(SageMakerLabelingEndpoint.class::cast).toList();
    }
}
