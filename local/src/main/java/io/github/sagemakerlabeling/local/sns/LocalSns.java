package io.github.sagemakerlabeling.local.sns;

import com.sun.net.httpserver.HttpServer;
import io.github.sagemakerlabeling.local.LocalAwsClients;
import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.LocalService;
import io.github.sagemakerlabeling.local.faults.FaultInjector;
import io.github.sagemakerlabeling.local.http.HttpServers;
import io.github.sagemakerlabeling.local.http.RequestGuard;
import io.github.sagemakerlabeling.local.sqs.QueuePolicies;
import io.github.sagemakerlabeling.local.store.Journal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNS on 127.0.0.1, on the SNS query protocol, delivering to SQS queues through the AWS SDK's {@code SqsClient}.
 *
 * <pre>{@code
 * try (LocalSqs sqs = LocalSqs.builder().start();
 *      LocalSns sns = LocalSns.builder(sqs.endpoint()).start();
 *      SnsClient client = LocalAwsClients.sns(sns.endpoint(), sns.region())) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Actions: {@code CreateTopic}, {@code DeleteTopic}, {@code ListTopics}, {@code GetTopicAttributes},
 * {@code SetTopicAttributes}, {@code Subscribe} (protocol {@code sqs}, endpoint a queue ARN, confirmed at once),
 * {@code Unsubscribe}, {@code ListSubscriptions}, {@code ListSubscriptionsByTopic},
 * {@code GetSubscriptionAttributes}, {@code SetSubscriptionAttributes} ({@code RawMessageDelivery},
 * {@code FilterPolicy}, {@code FilterPolicyScope}), {@code Publish} and {@code PublishBatch}. FIFO topics
 * deduplicate for five minutes and pass group and deduplication ids on to FIFO queues; standard topics pass an
 * optional group id on to standard queues (SQS fair queues).
 *
 * <p>Delivery happens before {@code Publish} answers, in publish order; the messages of a {@code PublishBatch} go to
 * each queue in {@code SendMessageBatch} calls. A failed delivery is logged, not reported to the publisher, as in SNS.
 *
 * <p>Requests pass a {@link RequestGuard} (loopback {@code Host}, no foreign browser {@code Origin}, a body of at
 * most 1 MiB) and are handled by at most 8 threads; see {@link HttpServers#configure()} for the JDK server's
 * settings this class makes before its first server starts.
 */
public final class LocalSns implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSns.class);
    private static final int THREADS = 8;
    private static final int QUEUED_REQUESTS = 256;
    /** Publish takes 256 KiB, PublishBatch 256 KiB in all; form encoding may triple that. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    static {
        HttpServers.configure();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final SqsDelivery delivery;
    private final URI endpoint;
    private final String region;
    private final String accountId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalSns(Builder builder) {
        this.region = builder.region;
        this.accountId = builder.accountId;
        try {
            this.server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName(LocalDefaults.HOST), builder.port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + LocalDefaults.HOST + ":" + builder.port, e);
        }
        this.endpoint = URI.create("http://" + LocalDefaults.HOST + ":" + server.getAddress().getPort());
        this.delivery = new SqsDelivery(LocalAwsClients.sqs(builder.sqsEndpoint, region),
                new NotificationEnvelope(endpoint), builder.queuePolicies);
        TopicRegistry registry = new TopicRegistry(region, accountId, builder.journal);
        Map<String, ActionHandler> handlers = new HashMap<>();
        new TopicActions(registry).registerWith(handlers);
        new SubscriptionActions(registry).registerWith(handlers);
        new PublishActions(registry, new Publisher(registry, delivery, builder.clock)).registerWith(handlers);
        server.createContext("/", new SnsHttpHandler(handlers, builder.faults)).getFilters().add(
                new RequestGuard(MAX_BODY_BYTES, () -> server.getAddress().getPort(), SnsHttpHandler::refuse));
        this.executor = HttpServers.boundedPool("local-sns-" + INSTANCES.incrementAndGet(), THREADS, QUEUED_REQUESTS);
        server.setExecutor(executor);
        server.start();
        LOG.info("Local SNS listening on {}, delivering to SQS at {}", endpoint, builder.sqsEndpoint);
    }

    /**
     * A builder for a server on a free port, region {@code us-east-1}, account {@code 000000000000}.
     *
     * @param sqsEndpoint the SQS endpoint that subscribed queues live on, e.g. a {@code LocalSqs}'s
     */
    public static Builder builder(URI sqsEndpoint) {
        return new Builder(Objects.requireNonNull(sqsEndpoint, "sqsEndpoint"));
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The region in topic ARNs. */
    public String region() {
        return region;
    }

    /** The account id in topic ARNs. */
    public String accountId() {
        return accountId;
    }

    /** The ARN {@code CreateTopic} gives a topic of this name. */
    public String topicArn(String topicName) {
        return "arn:aws:sns:" + region + ":" + accountId + ":" + topicName;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        delivery.close();
        LOG.info("Local SNS on {} stopped", endpoint);
    }

    /** Settings of a {@link LocalSns}; {@link #start()} starts the server. */
    public static final class Builder {

        private final URI sqsEndpoint;
        private int port;
        private String region = LocalDefaults.REGION;
        private String accountId = LocalDefaults.ACCOUNT_ID;
        private Clock clock = Clock.systemUTC();
        private FaultInjector faults = new FaultInjector();
        private QueuePolicies queuePolicies = new QueuePolicies();
        private Journal journal = Journal.discarding();

        private Builder(URI sqsEndpoint) {
            this.sqsEndpoint = sqsEndpoint;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        /**
         * Keeps topics and subscriptions in {@code journal} and starts from what it holds (see
         * {@link io.github.sagemakerlabeling.local.store.DataDirectory}); default: in memory.
         */
        public Builder journal(Journal journal) {
            this.journal = journal;
            return this;
        }

        public Builder port(int port) {
            this.port = LocalDefaults.requirePort(port);
            return this;
        }

        /** The region in topic ARNs, also used to call SQS; default {@code us-east-1}. */
        public Builder region(String region) {
            this.region = LocalDefaults.requireRegion(region);
            return this;
        }

        /** The account id in topic ARNs; default {@code 000000000000}. */
        public Builder accountId(String accountId) {
            this.accountId = LocalDefaults.requireAccountId(accountId);
            return this;
        }

        /** The clock for message timestamps and the FIFO deduplication window; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where faults for requests come from (see {@link FaultInjector}); default an injector of this server's
         * own, without faults. Requests carrying {@link FaultInjector#INTERNAL_CALLER_HEADER} are never faulted.
         */
        public Builder faults(FaultInjector faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /**
         * The queues' access policies (see {@link QueuePolicies}): a queue with a policy gets a topic's messages only
         * if the policy lets SNS send them; a denied delivery is dropped and logged, as in SNS. Default: a store of
         * this server's own, without policies, so every queue takes every topic's messages.
         */
        public Builder queuePolicies(QueuePolicies queuePolicies) {
            this.queuePolicies = Objects.requireNonNull(queuePolicies, "queuePolicies");
            return this;
        }

        /**
         * Starts the server; it listens when this returns.
         *
         * @throws IllegalStateException if it cannot listen, e.g. because the fixed port is taken
         */
        public LocalSns start() {
            return new LocalSns(this);
        }
    }
}
