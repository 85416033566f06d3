package io.github.sagemakerlabeling.local.s3;

import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.LocalService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3 on 127.0.0.1: an embedded S3Proxy server without authentication (any credentials are accepted).
 *
 * <p>Objects live in memory by default, or in a directory ({@link Builder#directory(Path)}): one sub-directory per
 * bucket, kept across restarts. Clients must use path-style addressing, as {@code LocalAwsClients.s3} does.
 */
public final class LocalS3 implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(LocalS3.class);
    /** How long Jetty lets requests in flight finish on close. */
    private static final long STOP_TIMEOUT_MILLIS = 1_000;

    private final BlobStore blobStore;
    private final S3Proxy proxy;
    private final URI endpoint;
    private final Path directory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalS3(Builder builder) {
        this.directory = builder.directory;
        this.blobStore = createBlobStore(directory);
        this.proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://" + LocalDefaults.HOST + ":" + builder.port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .stopTimeout(STOP_TIMEOUT_MILLIS)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException("cannot start S3Proxy on " + LocalDefaults.HOST + ":" + builder.port, e);
        }
        this.endpoint = URI.create("http://" + LocalDefaults.HOST + ":" + proxy.getPort());
        LOG.info("Local S3 (S3Proxy, {}) listening on {}", directory == null ? "in memory" : directory, endpoint);
    }

    /** A builder for an in-memory server on a free port. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The directory that holds the buckets, or empty for an in-memory store. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopQuietly();
            LOG.info("Local S3 on {} stopped", endpoint);
        }
    }

    private void stopQuietly() {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("S3Proxy did not stop cleanly", e);
        } finally {
            blobStore.close();
        }
    }

    private static BlobStore createBlobStore(Path directory) {
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", "");
        properties.setProperty("jclouds.credential", "");
        if (directory == null) {
            return BlobStores.create("transient-nio2", properties);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 store directory " + directory, e);
        }
        properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
        return new AcceptingServerSideEncryption(BlobStores.create("filesystem-nio2", properties));
    }

    /**
     * The on-disk store with the in-memory one's leniency about server-side encryption: S3Proxy answers 501 to a
     * request with {@code x-amz-server-side-encryption*} headers unless the store says it supports them, which the
     * filesystem store does not, though it keeps them with the object's other metadata as the in-memory store does.
     * Nothing is encrypted either way; a stack on a directory takes the same requests as one in memory.
     */
    private static final class AcceptingServerSideEncryption extends ForwardingBlobStore {
        AcceptingServerSideEncryption(BlobStore store) {
            super(store);
        }

        @Override
        public boolean supportsServerSideEncryption() {
            return true;
        }
    }

    /** Settings of a {@link LocalS3}; {@link #start()} starts the server. */
    public static final class Builder {

        private int port;
        private Path directory;

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = LocalDefaults.requirePort(port);
            return this;
        }

        /**
         * Keeps buckets and objects in this directory (created if missing) instead of in memory.
         *
         * @param directory the store's base directory; {@code null} for the in-memory store
         */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /**
         * Starts the server; it listens when this returns.
         *
         * @throws IllegalStateException if it cannot listen, e.g. because the fixed port is taken
         */
        public LocalS3 start() {
            return new LocalS3(this);
        }
    }
}
