package io.github.sagemakerlabeling.local.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.workers.Annotator;
import io.github.sagemakerlabeling.local.workers.RandomAnnotator;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The extension seen from outside: fixture classes run through a fresh JUnit engine, as a build tool runs a test
 * JVM's classes, and report what they saw. The fixtures are static nested classes, which neither Surefire nor Jupiter
 * picks up on their own.
 */
class LocalGroundTruthExtensionTest {

    /** What the fixtures saw, in the order they saw it; cleared before each engine run. */
    static final Collection<Sighting> SIGHTINGS = new ConcurrentLinkedQueue<>();
    static final List<Object> CLIENTS = new CopyOnWriteArrayList<>();

    static final Annotator FIXED_WORKERS = RuleBasedAnnotator.builder().otherwise("fixed").build();

    record Sighting(String where, LocalGroundTruth stack, Map<String, URI> endpoints, Annotator workers,
                    Duration initializingDelay, String snsProperty) {
    }

    static void saw(String where, LocalGroundTruth stack) {
        SIGHTINGS.add(new Sighting(where, stack, stack.endpoints(), stack.engineSettings().annotator(),
                stack.engineSettings().initializingDelay(), System.getProperty(LocalGroundTruthProperties.SNS)));
    }

    @BeforeEach
    void forgetSightings() {
        SIGHTINGS.clear();
        CLIENTS.clear();
    }

    @Test
    void twoClassesShareOneStackButNoStateAndTheStackStopsWhenTheRunEnds() {
        Events tests = run(FirstSharedFixture.class, SecondSharedFixture.class);

        tests.assertStatistics(stats -> stats.started(4).succeeded(4));
        assertThat(SIGHTINGS).extracting(Sighting::where).containsExactlyInAnyOrder(
                "first.createsTopic", "first.findsNoTopic", "second.createsTopic", "second.findsNoTopic");
        LocalGroundTruth stack = SIGHTINGS.iterator().next().stack();
        assertThat(SIGHTINGS).allSatisfy(sighting -> {
            assertThat(sighting.stack()).isSameAs(stack);
            assertThat(sighting.endpoints()).isEqualTo(stack.endpoints());
        });
        assertPortsFree(stack);
        assertThat(System.getProperty(LocalGroundTruthProperties.SNS)).isNull();
    }

    @Test
    void injectedClientsWorkAndAreClosedAfterTheirTest() {
        Events tests = run(ClientsFixture.class);

        tests.assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(CLIENTS).hasSize(4);
        SageMakerClient sageMaker = (SageMakerClient) CLIENTS.get(0);
        SnsClient sns = (SnsClient) CLIENTS.get(1);
        SqsClient sqs = (SqsClient) CLIENTS.get(2);
        S3Client s3 = (S3Client) CLIENTS.get(3);
        // A closed SDK client refuses to send: its HTTP connection pool is shut down.
        assertThatThrownBy(() -> sageMaker.listLabelingJobs(b -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sns::listTopics).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sqs::listQueues).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s3::listBuckets).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClassGetsItsOwnSettingsOnTheSharedStackAndTheNextClassTheDefaults() {
        Events tests = run(OwnSettingsFixture.class, SecondSharedFixture.class);

        tests.assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(sighting("own.beforeAll").workers()).isSameAs(FIXED_WORKERS);
        assertThat(sighting("own.test").workers()).isSameAs(FIXED_WORKERS);
        assertThat(sighting("own.test").initializingDelay()).isEqualTo(Duration.ZERO);
        assertThat(sighting("second.findsNoTopic").workers()).isInstanceOf(RandomAnnotator.class);
        assertThat(sighting("second.findsNoTopic").initializingDelay())
                .isEqualTo(EngineSettings.defaults().initializingDelay());
        assertThat(SIGHTINGS).extracting(Sighting::stack).containsOnly(sighting("own.test").stack());
    }

    @Test
    void aDedicatedStackTakesBuilderSettingsPublishesItsEndpointsAndStopsAfterItsClass() {
        Events tests = run(DedicatedFixture.class, FirstSharedFixture.class);

        tests.assertStatistics(stats -> stats.started(4).succeeded(4));
        Sighting dedicated = sighting("dedicated.first");
        Sighting shared = sighting("first.createsTopic");
        assertThat(dedicated.stack().region()).isEqualTo("eu-west-1");
        assertThat(dedicated.workers()).isSameAs(FIXED_WORKERS);
        assertThat(sighting("dedicated.second").stack()).isSameAs(dedicated.stack());
        assertThat(shared.stack()).isNotSameAs(dedicated.stack());
        assertThat(shared.stack().region()).isEqualTo("us-east-1");
        assertThat(dedicated.snsProperty()).isEqualTo(dedicated.endpoints().get("sns").toString());
        assertThat(shared.snsProperty()).isEqualTo(shared.endpoints().get("sns").toString());
        assertPortsFree(dedicated.stack());
        assertPortsFree(shared.stack());
        assertThat(System.getProperty(LocalGroundTruthProperties.SNS)).isNull();
    }

    @Test
    void theMostSpecificRegistrationWinsWithoutCompetingResolvers() {
        Events tests = run(SubclassFixture.class, NestedFixture.class);

        tests.assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(sighting("subclass.test").workers()).isSameAs(FIXED_WORKERS);
        assertThat(sighting("outer.test").workers()).isInstanceOf(RandomAnnotator.class);
        assertThat(sighting("inner.test").workers()).isSameAs(FIXED_WORKERS);
    }

    @Test
    void resetBeforeEachClassKeepsStateBetweenTheTestsOfAClass() {
        Events tests = run(ResetPerClassFixture.class, SecondSharedFixture.class);

        tests.assertStatistics(stats -> stats.started(4).succeeded(4));
    }

    private static Sighting sighting(String where) {
        return SIGHTINGS.stream().filter(sighting -> sighting.where().equals(where)).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture reported " + where + ": " + SIGHTINGS));
    }

    /** Runs the fixtures in one engine execution and fails with their own failures, if any. */
    private static Events run(Class<?>... fixtures) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(fixtures).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .execute();
        List<String> failures = new ArrayList<>();
        results.allEvents().failed().stream().forEach(event -> event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .ifPresent(error -> failures.add(event.getTestDescriptor().getDisplayName() + ": " + error)));
        assertThat(failures).as("fixture failures").isEmpty();
        return results.testEvents();
    }

    private static void assertPortsFree(LocalGroundTruth stack) {
        for (URI endpoint : stack.endpoints().values()) {
            try (ServerSocket again = new ServerSocket(endpoint.getPort(), 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(again.getLocalPort()).isEqualTo(endpoint.getPort());
            } catch (IOException e) {
                throw new AssertionError(endpoint + " is still bound after the run", e);
            }
        }
    }

    // ---- fixtures -------------------------------------------------------------------------------------------------

    @LocalGroundTruthTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FirstSharedFixture {

        @Test
        @Order(1)
        void createsTopic(LocalGroundTruth stack, SnsClient sns) {
            saw("first.createsTopic", stack);
            assertThat(sns.listTopics().topics()).isEmpty();
            sns.createTopic(b -> b.name("left-behind"));
        }

        @Test
        @Order(2)
        void findsNoTopic(LocalGroundTruth stack, SnsClient sns) {
            saw("first.findsNoTopic", stack);
            assertThat(sns.listTopics().topics()).isEmpty();
            sns.createTopic(b -> b.name("left-behind-for-the-next-class"));
        }
    }

    @LocalGroundTruthTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SecondSharedFixture {

        @Test
        @Order(1)
        void createsTopic(LocalGroundTruth stack, SnsClient sns) {
            saw("second.createsTopic", stack);
            assertThat(sns.listTopics().topics()).isEmpty();
            sns.createTopic(b -> b.name("left-behind"));
        }

        @Test
        @Order(2)
        void findsNoTopic(LocalGroundTruth stack, SnsClient sns) {
            saw("second.findsNoTopic", stack);
            assertThat(sns.listTopics().topics()).isEmpty();
            sns.createTopic(b -> b.name("left-behind-for-the-next-class"));
        }
    }

    @LocalGroundTruthTest
    static class ClientsFixture {

        private final LocalGroundTruth constructed;
        private SnsClient snsBeforeEach;

        ClientsFixture(LocalGroundTruth stack) {
            this.constructed = stack;
        }

        @BeforeEach
        void beforeEach(SnsClient sns) {
            snsBeforeEach = sns;
        }

        @Test
        void everyClientTalksToTheStack(LocalGroundTruth stack, SageMakerClient sageMaker, SnsClient sns,
                                        SqsClient sqs, S3Client s3) {
            assertThat(constructed).isSameAs(stack);
            assertThat(sns).as("one client per type and test").isSameAs(snsBeforeEach);
            CLIENTS.addAll(List.of(sageMaker, sns, sqs, s3));
            assertThat(sns.createTopic(b -> b.name("in")).topicArn())
                    .isEqualTo("arn:aws:sns:us-east-1:000000000000:in");
            assertThat(sqs.createQueue(b -> b.queueName("out")).queueUrl())
                    .isEqualTo(stack.sqsEndpoint() + "/000000000000/out");
            s3.createBucket(b -> b.bucket("data"));
            assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name()).containsExactly("data");
            assertThat(sageMaker.listLabelingJobs(b -> { }).labelingJobSummaryList()).isEmpty();
        }

        @AfterEach
        void afterEach(SnsClient sns) {
            assertThat(sns.listTopics().topics()).as("still open after the test method").hasSize(1);
        }
    }

    static class OwnSettingsFixture {

        @RegisterExtension
        static LocalGroundTruthExtension local = LocalGroundTruthExtension.shared()
                .withEngineSettings(EngineSettings.defaults().withInitializingDelay(Duration.ZERO))
                .withWorkers(FIXED_WORKERS);

        @BeforeAll
        static void beforeAll(LocalGroundTruth stack) {
            assertThat(local.groundTruth()).isSameAs(stack);
            saw("own.beforeAll", stack);
        }

        @Test
        void test(LocalGroundTruth stack) {
            saw("own.test", stack);
        }
    }

    static class DedicatedFixture {

        @RegisterExtension
        static LocalGroundTruthExtension local = LocalGroundTruthExtension.dedicated(
                stack -> stack.region("eu-west-1").workers(FIXED_WORKERS));

        @Test
        void first(LocalGroundTruth stack, SnsClient sns) {
            saw("dedicated.first", stack);
            assertThat(local.properties()).containsEntry(LocalGroundTruthProperties.REGION, "eu-west-1");
            assertThat(sns.createTopic(b -> b.name("t")).topicArn()).startsWith("arn:aws:sns:eu-west-1:");
        }

        @Test
        void second(LocalGroundTruth stack) {
            saw("dedicated.second", stack);
        }
    }

    @LocalGroundTruthTest
    abstract static class AnnotatedBase {
    }

    static class SubclassFixture extends AnnotatedBase {

        @RegisterExtension
        static LocalGroundTruthExtension local = LocalGroundTruthExtension.shared().withWorkers(FIXED_WORKERS);

        @Test
        void test(LocalGroundTruth stack) {
            saw("subclass.test", stack);
        }
    }

    @LocalGroundTruthTest
    static class NestedFixture {

        @Test
        void test(LocalGroundTruth stack) {
            saw("outer.test", stack);
        }

        @Nested
        class Inner {

            @RegisterExtension
            LocalGroundTruthExtension local = LocalGroundTruthExtension.shared().withWorkers(FIXED_WORKERS);

            @Test
            void test(LocalGroundTruth stack) {
                saw("inner.test", stack);
            }
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ResetPerClassFixture {

        @RegisterExtension
        static LocalGroundTruthExtension local = LocalGroundTruthExtension.shared()
                .withReset(LocalGroundTruthExtension.Reset.BEFORE_EACH_CLASS);

        @Test
        @Order(1)
        void createsTopic(SnsClient sns) {
            assertThat(sns.listTopics().topics()).isEmpty();
            sns.createTopic(b -> b.name("kept"));
        }

        @Test
        @Order(2)
        void findsIt(SnsClient sns) {
            assertThat(sns.listTopics().topics()).hasSize(1);
        }
    }
}
