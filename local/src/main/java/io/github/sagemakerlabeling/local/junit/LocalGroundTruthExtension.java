package io.github.sagemakerlabeling.local.junit;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.EngineSettings;
import io.github.sagemakerlabeling.local.workers.Annotator;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Runs Local Ground Truth for JUnit 5 tests: one stack per test JVM, started on first use and stopped when the JVM's
 * tests are done; reset before each test so every test starts from nothing; and injected into test, lifecycle and
 * constructor parameters of type {@link LocalGroundTruth}, {@link SageMakerClient}, {@link SnsClient},
 * {@link SqsClient} and {@link S3Client}. Injected clients point at the stack and are closed after the test (or,
 * when injected into {@code @BeforeAll}, after the class).
 *
 * <p>The plain way is the {@link LocalGroundTruthTest} annotation:
 *
 * <pre>{@code
 * @LocalGroundTruthTest
 * class LabelingRouteTest {
 *     @Test
 *     void labelsText(SageMakerClient sageMaker, SnsClient sns) { ... }
 * }
 * }</pre>
 *
 * <p>A class that wants other workers or engine timings registers the extension itself, still on the shared stack:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalGroundTruthExtension local = LocalGroundTruthExtension.shared()
 *         .withWorkers(RuleBasedAnnotator.builder().when("delicious", "positive").otherwise("negative").build());
 * }</pre>
 *
 * <p>and a class that needs what a running stack cannot change (region, account, clock, fixed ports, a directory for
 * S3) gets a stack of its own, started before the class and stopped after it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalGroundTruthExtension local = LocalGroundTruthExtension.dedicated(
 *         stack -> stack.region("eu-west-1").clock(SimulationClock.speedUp(60)));
 * }</pre>
 *
 * <p>While a test runs, the stack's endpoints, region and dummy credentials are also system properties (see
 * {@link LocalGroundTruthProperties}), so a Camel route can use {@code {{local-ground-truth.sns}}} as its
 * {@code uriEndpointOverride}.
 *
 * <p>When several of these extensions apply to one test (an annotated base class and a registered field, or an outer
 * and a {@code @Nested} class), the one registered last, that is the most specific, supplies the stack, the settings
 * and the parameters.
 *
 * <p>Tests on the shared stack must not run concurrently with each other, since each one resets it:
 * {@link LocalGroundTruthTest} takes the {@link #SHARED_STACK_LOCK} resource lock; a class registering the extension
 * itself under parallel execution adds {@code @ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)}.
 */
public final class LocalGroundTruthExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** The {@code @ResourceLock} name that serializes the tests sharing the JVM-wide stack. */
    public static final String SHARED_STACK_LOCK = "io.github.sagemakerlabeling.local.junit.shared-stack";

    /** When the stack forgets its jobs, topics, queues and buckets. */
    public enum Reset {
        /**
         * Before each test: every test starts from nothing (the default). What {@code @BeforeAll} methods create is
         * gone too: create it in the test or in {@code @BeforeEach}, or reset {@link #BEFORE_EACH_CLASS}.
         */
        BEFORE_EACH_TEST,
        /** Before the first test of each class: tests of a class see what earlier ones left. */
        BEFORE_EACH_CLASS,
        /**
         * Never: for an application that outlives test classes (a cached Spring context whose routes hold queues and
         * topics). Tests then use names of their own.
         */
        NEVER
    }

    private static final Namespace NAMESPACE = Namespace.create(LocalGroundTruthExtension.class);
    private static final String SHARED_STACK = "shared-stack";
    private static final String ACTIVE = "active-extension";
    private static final Set<Class<?>> INJECTABLE = Set.of(LocalGroundTruth.class, SageMakerClient.class,
            SnsClient.class, SqsClient.class, S3Client.class);

    /** How to build a dedicated stack; {@code null} for the shared one. */
    private final Consumer<LocalGroundTruth.Builder> dedicated;
    /** The engine settings each test starts with; {@code null} for those the stack started with. */
    private final EngineSettings engineSettings;
    /** The workers each test starts with; {@code null} for those of the engine settings. */
    private final Annotator workers;
    private final Reset reset;
    /** The workforce plan each test starts with; {@code null} for that of the engine settings. */
    private final WorkforcePlan workforces;
    private volatile LocalGroundTruth current;

    /**
     * The extension that {@link LocalGroundTruthTest} and {@code @ExtendWith(LocalGroundTruthExtension.class)}
     * register: the shared stack with its default settings, reset before each test.
     */
    public LocalGroundTruthExtension() {
        this(null, null, null, Reset.BEFORE_EACH_TEST, null);
    }

    private LocalGroundTruthExtension(Consumer<LocalGroundTruth.Builder> dedicated, EngineSettings engineSettings,
                                      Annotator workers, Reset reset, WorkforcePlan workforces) {
        this.workforces = workforces;
        this.dedicated = dedicated;
        this.engineSettings = engineSettings;
        this.workers = workers;
        this.reset = reset;
    }

    /**
     * The JVM-wide stack: free ports, {@code us-east-1}, account {@code 000000000000}, real time, the engine's
     * {@linkplain EngineSettings#defaults() default settings}. Shared with every other test class in the JVM that
     * uses it.
     */
    public static LocalGroundTruthExtension shared() {
        return new LocalGroundTruthExtension();
    }

    /**
     * A stack of the test class's own, configured on a fresh {@link LocalGroundTruth#builder()}: started before the
     * class (or, registered in an instance field, before each test) and stopped after it. Resets return the engine to
     * the settings given to the builder.
     *
     * @param configuration sets region, account, ports, clock, S3 directory, engine settings or workers
     */
    public static LocalGroundTruthExtension dedicated(Consumer<LocalGroundTruth.Builder> configuration) {
        return new LocalGroundTruthExtension(Objects.requireNonNull(configuration, "configuration"), null, null,
                Reset.BEFORE_EACH_TEST, null);
    }

    /** The engine settings (timings and workers) every test starts with. */
    public LocalGroundTruthExtension withEngineSettings(EngineSettings settings) {
        return new LocalGroundTruthExtension(dedicated, Objects.requireNonNull(settings, "settings"), workers, reset,
                workforces);
    }

    /** The simulated workers every test starts with, over the other engine settings. */
    public LocalGroundTruthExtension withWorkers(Annotator annotator) {
        return new LocalGroundTruthExtension(dedicated, engineSettings, Objects.requireNonNull(annotator, "workers"),
                reset, workforces);
    }

    /** When the stack is reset; {@link Reset#BEFORE_EACH_TEST} unless set. */
    public LocalGroundTruthExtension withReset(Reset when) {
        return new LocalGroundTruthExtension(dedicated, engineSettings, workers, Objects.requireNonNull(when, "reset"),
                workforces);
    }

    /**
     * Which work teams label with simulated workers, people in the worker portal, or both, in every test, e.g.
     * {@code withWorkforces(WorkforcePlan.of(WorkforceMode.PEOPLE))}.
     */
    public LocalGroundTruthExtension withWorkforces(WorkforcePlan plan) {
        return new LocalGroundTruthExtension(dedicated, engineSettings, workers, reset,
                Objects.requireNonNull(plan, "workforces"));
    }

    /**
     * The stack this extension runs its tests on, for code that cannot take it as a parameter.
     *
     * @throws IllegalStateException before the extension's first callback, that is outside a test of its class
     */
    public LocalGroundTruth groundTruth() {
        LocalGroundTruth groundTruth = current;
        if (groundTruth == null) {
            throw new IllegalStateException("Local Ground Truth is not started yet: the extension starts it before "
                    + "@BeforeAll methods when registered in a static field, before @BeforeEach methods otherwise");
        }
        return groundTruth;
    }

    /** The stack's endpoints, region and dummy credentials as properties, see {@link LocalGroundTruthProperties}. */
    public Map<String, String> properties() {
        return LocalGroundTruthProperties.of(groundTruth());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Stack stack = activate(context);
        if (reset == Reset.BEFORE_EACH_CLASS) {
            resetOncePerClass(context, stack);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Stack stack = activate(context);
        if (reset == Reset.BEFORE_EACH_TEST) {
            stack.groundTruth().reset(settings(stack));
        } else if (reset == Reset.BEFORE_EACH_CLASS) {
            resetOncePerClass(classContext(context), stack);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTABLE.contains(parameter.getParameter().getType()) && isActive(context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalGroundTruth groundTruth = stack(context).groundTruth();
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalGroundTruth.class) {
            return groundTruth;
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(new ClientKey(type, groundTruth),
                key -> new OpenClient(newClient(type, groundTruth)), OpenClient.class).client();
    }

    /**
     * Makes this extension the one that serves {@code context} and what runs inside it: starts its stack if needed,
     * applies its settings and publishes the system properties.
     */
    private Stack activate(ExtensionContext context) {
        Stack stack = stack(context);
        Store store = context.getStore(NAMESPACE);
        store.put(ACTIVE, this);
        current = stack.groundTruth();
        stack.groundTruth().engineSettings(settings(stack));
        Map<String, String> properties = LocalGroundTruthProperties.of(stack.groundTruth());
        store.getOrComputeIfAbsent(new PropertiesKey(context.getUniqueId()),
                key -> SystemProperties.snapshot(properties.keySet()), SystemProperties.class);
        properties.forEach(System::setProperty);
        return stack;
    }

    private boolean isActive(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(ACTIVE) == this;
    }

    private Stack stack(ExtensionContext context) {
        if (dedicated == null) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SHARED_STACK, key -> Stack.start(LocalGroundTruth.builder()), Stack.class);
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(new DedicatedKey(this), key -> {
            LocalGroundTruth.Builder builder = LocalGroundTruth.builder();
            dedicated.accept(builder);
            return Stack.start(builder);
        }, Stack.class);
    }

    private EngineSettings settings(Stack stack) {
        EngineSettings settings = engineSettings != null ? engineSettings : stack.initialSettings();
        settings = workforces != null ? settings.withWorkforces(workforces) : settings;
        return workers != null ? settings.withAnnotator(workers) : settings;
    }

    /** The context of the test's class: a test template's invocations sit one level below their method. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext;
    }

    private void resetOncePerClass(ExtensionContext classContext, Stack stack) {
        classContext.getStore(NAMESPACE).getOrComputeIfAbsent(new ClassResetKey(classContext.getUniqueId(), this),
                key -> {
                    stack.groundTruth().reset(settings(stack));
                    return Boolean.TRUE;
                });
    }

    private static SdkAutoCloseable newClient(Class<?> type, LocalGroundTruth groundTruth) {
        if (type == SageMakerClient.class) {
            return groundTruth.sageMakerClient();
        } else if (type == SnsClient.class) {
            return groundTruth.snsClient();
        } else if (type == SqsClient.class) {
            return groundTruth.sqsClient();
        } else if (type == S3Client.class) {
            return groundTruth.s3Client();
        }
        throw new ParameterResolutionException("Local Ground Truth cannot supply a " + type.getName());
    }

    private record DedicatedKey(LocalGroundTruthExtension extension) {
    }

    private record ClientKey(Class<?> type, LocalGroundTruth groundTruth) {
    }

    private record PropertiesKey(String contextId) {
    }

    private record ClassResetKey(String contextId, LocalGroundTruthExtension extension) {
    }

    /**
     * A started stack with the engine settings it started with, closed with the store that holds it. Both
     * {@code AutoCloseable} (JUnit 5.13 and later) and {@code CloseableResource} (earlier versions): JUnit closes it
     * once either way.
     */
    @SuppressWarnings("deprecation")
    private record Stack(LocalGroundTruth groundTruth, EngineSettings initialSettings)
            implements Store.CloseableResource, AutoCloseable {

        static Stack start(LocalGroundTruth.Builder builder) {
            LocalGroundTruth groundTruth = builder.start();
            return new Stack(groundTruth, groundTruth.engineSettings());
        }

        @Override
        public void close() {
            groundTruth.close();
        }
    }

    /** An injected client, closed with the store of the test (or class) that asked for it. */
    @SuppressWarnings("deprecation")
    private record OpenClient(SdkAutoCloseable client) implements Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    /** The values some system properties had before the extension set them, put back when the test (or class) ends. */
    @SuppressWarnings("deprecation")
    private record SystemProperties(Map<String, String> previous) implements Store.CloseableResource, AutoCloseable {

        static SystemProperties snapshot(Set<String> names) {
            Map<String, String> previous = new HashMap<>();
            names.forEach(name -> previous.put(name, System.getProperty(name)));
            return new SystemProperties(previous);
        }

        @Override
        public void close() {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }
}
