package io.github.sagemakerlabeling.local;

import java.net.URI;

/**
 * A running local stand-in for one AWS service, bound to 127.0.0.1.
 *
 * <p>{@link #close()} stops the server and releases its port and threads; it is idempotent.
 */
public interface LocalService extends AutoCloseable {

    /** The endpoint to hand to an AWS SDK client's {@code endpointOverride}, e.g. {@code http://127.0.0.1:41234}. */
    URI endpoint();

    /** Stops the server and releases its port and threads. Calling it again does nothing. */
    @Override
    void close();
}
