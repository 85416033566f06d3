package io.github.sagemakerlabeling.local.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.LocalService;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.util.NowProvider;
import scala.Option;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQS on 127.0.0.1: an embedded ElasticMQ server (SQS JSON and query protocols, long polling, FIFO queues).
 *
 * <pre>{@code
 * try (LocalSqs sqs = LocalSqs.builder().start();
 *      SqsClient client = LocalAwsClients.sqs(sqs.endpoint(), sqs.region())) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Queue ARNs carry the configured region and account id; queue URLs are {@code <endpoint>/<account>/<queue>},
 * or {@code <public endpoint>/<account>/<queue>} when clients reach the server through a proxy (see
 * {@link Builder#publicEndpoint(URI)}).
 */
public final class LocalSqs implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSqs.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Above the longest long poll (20 s) plus any delay a test injects. */
    private static final String REQUEST_TIMEOUT = "100 s";
    /** ElasticMQ registers this MBean for the first server in a JVM and never removes it. */
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
    private static final String METRICS_MBEAN = "org.elasticmq:name=Queues";

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final URI endpoint;
    private final String region;
    private final String accountId;
    private final boolean ownsMetricsBean;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalSqs(Builder builder) {
        this.region = builder.region;
        this.accountId = builder.accountId;
        // The server gets its own actor system so that close() can end every thread it started. Pekko HTTP's default
        // request timeout (20 s) equals SQS's longest long poll: a ReceiveMessage of 20 s then got a 503 while
        // ElasticMQ still handed it messages, which stayed invisible until their visibility timeout ran out.
        Config config = ConfigFactory.parseString("pekko.http.server.request-timeout = " + REQUEST_TIMEOUT)
                .withFallback(ConfigFactory.load());
        this.actorSystem = ActorSystem.create("local-sqs-" + INSTANCES.incrementAndGet(), config);
        boolean beanBefore = metricsBeanRegistered();
        try {
            TheSQSRestServerBuilder serverBuilder = SQSRestServerBuilder.withActorSystem(actorSystem)
                    .withInterface(LocalDefaults.HOST)
                    .withPort(builder.port)
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId);
            if (builder.messageStore != null) {
                serverBuilder = persistent(serverBuilder, builder.messageStore);
            }
            if (builder.publicEndpoint != null) {
                URI url = builder.publicEndpoint;
                serverBuilder = serverBuilder.withServerAddress(NodeAddress.apply(url.getScheme(), url.getHost(),
                        url.getPort(), ""));
            }
            this.server = serverBuilder.start();
            int port = server.waitUntilStarted().localAddress().getPort();
            if (builder.messageStore != null) {
                restore(serverBuilder);
            }
            this.endpoint = URI.create("http://" + LocalDefaults.HOST + ":" + port);
        } catch (RuntimeException e) {
            terminateActorSystem();
            throw new IllegalStateException("cannot start ElasticMQ on " + LocalDefaults.HOST + ":" + builder.port, e);
        }
        this.ownsMetricsBean = !beanBefore && metricsBeanRegistered();
        LOG.info("Local SQS (ElasticMQ) listening on {}", endpoint);
    }

    /**
     * Makes ElasticMQ keep queues and messages in an H2 database under {@code directory}, through its own SQL
     * persistence: every queue event (created, message added, changed, deleted) is written before ElasticMQ answers
     * the request that caused it.
     */
    private TheSQSRestServerBuilder persistent(TheSQSRestServerBuilder serverBuilder, Path directory) {
        // WRITE_DELAY=0: H2 commits each write to its file at once instead of within half a second, so a message
        // whose SendMessage was answered survives kill -9.
        String uri = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("elasticmq") + ";WRITE_DELAY=0";
        SqlQueuePersistenceConfig config = SqlQueuePersistenceConfig.apply(true, "org.h2.Driver", uri, "", "",
                false);
        ActorRef store = actorSystem.actorOf(Props.create(SqlQueuePersistenceActor.class, config,
                scala.collection.immutable.List$.MODULE$.empty()));
        ActorRef queues = actorSystem.actorOf(Props.create(QueueManagerActor.class, new NowProvider(),
                serverBuilder.sqsLimits(), Option.apply(store)));
        return serverBuilder.withQueueManagerActor(queues).withQueueEventListener(store);
    }

    /** Loads the stored queues and messages into ElasticMQ. */
    private static void restore(TheSQSRestServerBuilder serverBuilder) {
        ActorRef store = serverBuilder.queueEventListener().get();
        ActorRef queues = serverBuilder.providedQueueManagerActor().get();
        try {
            Object result = Patterns.ask(store, new QueueEvent.Restore(queues), RESTORE_TIMEOUT)
                    .toCompletableFuture().get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (result instanceof scala.util.Left<?, ?> errors) {
                throw new IllegalStateException("ElasticMQ could not restore its queues: " + errors.value());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ElasticMQ restored its queues", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ElasticMQ could not restore its queues", e);
        }
    }

    /** A builder for a server on a free port, region {@code us-east-1}, account {@code 000000000000}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The region in queue ARNs. */
    public String region() {
        return region;
    }

    /** The account id in queue ARNs and URLs. */
    public String accountId() {
        return accountId;
    }

    /** The ARN of the queue with the given name, as {@code GetQueueAttributes(QueueArn)} reports it. */
    public String queueArn(String queueName) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + queueName;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stopAndWait();
        } catch (RuntimeException e) {
            LOG.warn("ElasticMQ did not stop cleanly", e);
        }
        terminateActorSystem();
        if (ownsMetricsBean) {
            unregisterMetricsBean();
        }
        LOG.info("Local SQS on {} stopped", endpoint);
    }

    private void terminateActorSystem() {
        actorSystem.terminate();
        try {
            actorSystem.getWhenTerminated().toCompletableFuture().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("ElasticMQ's actor system did not terminate within {}", STOP_TIMEOUT, e);
        }
    }

    private static boolean metricsBeanRegistered() {
        try {
            return platformMBeanServer().isRegistered(new ObjectName(METRICS_MBEAN));
        } catch (JMException e) {
            return false;
        }
    }

    private static void unregisterMetricsBean() {
        try {
            platformMBeanServer().unregisterMBean(new ObjectName(METRICS_MBEAN));
        } catch (JMException e) {
            LOG.debug("ElasticMQ's metrics MBean was already gone", e);
        }
    }

    private static MBeanServer platformMBeanServer() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    /** Settings of a {@link LocalSqs}; {@link #start()} starts the server. */
    public static final class Builder {

        private int port;
        private String region = LocalDefaults.REGION;
        private String accountId = LocalDefaults.ACCOUNT_ID;
        private URI publicEndpoint;
        private Path messageStore;

        private Builder() {
        }

        /**
         * Keeps queues and their messages in {@code directory} (created if missing), so they outlive the process;
         * default: in memory.
         */
        public Builder messageStore(Path directory) {
            this.messageStore = directory;
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = LocalDefaults.requirePort(port);
            return this;
        }

        /** The region in queue ARNs; default {@code us-east-1}. */
        public Builder region(String region) {
            this.region = LocalDefaults.requireRegion(region);
            return this;
        }

        /** The account id in queue ARNs and URLs; default {@code 000000000000}. */
        public Builder accountId(String accountId) {
            this.accountId = LocalDefaults.requireAccountId(accountId);
            return this;
        }

        /**
         * The endpoint clients reach the server at when it is not its own, e.g. a fault proxy's: queue URLs name it
         * instead of the server's. The server itself still listens on {@link #port(int)}. Default: none.
         */
        public Builder publicEndpoint(URI endpoint) {
            if (endpoint != null && (endpoint.getHost() == null || endpoint.getPort() < 0)) {
                throw new IllegalArgumentException("public endpoint needs a host and a port, was " + endpoint);
            }
            this.publicEndpoint = endpoint;
            return this;
        }

        /**
         * Starts the server and waits until it listens.
         *
         * @throws IllegalStateException if it cannot listen, e.g. because the fixed port is taken
         */
        public LocalSqs start() {
            return new LocalSqs(this);
        }
    }
}
