package io.github.sagemakerlabeling.camel.batch;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.Service;
import org.apache.camel.spi.ShutdownPrepared;
import org.apache.camel.spi.UnitOfWork;

/**
 * Tells a batching producer that the route it sends from began to stop (or to suspend).
 *
 * <p>Camel's shutdown strategy prepares a route's services for shutdown before it waits for the exchanges in flight,
 * but it reaches only what the route's processors navigate to, never the producer behind a {@code to(...)}. And a
 * route fed from {@code direct:} keeps taking exchanges while it stops (the direct consumer defers its shutdown), so
 * a producer that never hears of the stop keeps the route busy until Camel's shutdown timeout, after which Camel
 * rejects the exchanges still in flight, published ones included. So the producer registers this watch as a service
 * of its route, with the first exchange that comes through it, and asks it before every object.
 */
public final class RouteStopWatch implements Service, ShutdownPrepared {

    private volatile boolean watching;
    private volatile boolean stopping;
    private volatile boolean suspending;

    /** Watches the route the exchange is on, the first time one comes (exchanges sent without a route are not). */
    public void watch(Exchange exchange) {
        if (watching) {
            return;
        }
        UnitOfWork unitOfWork = exchange.getUnitOfWork();
        Route route = unitOfWork == null ? null : unitOfWork.getRoute();
        if (route != null) {
            synchronized (this) {
                if (!watching) {
                    route.addService(this);
                    watching = true;
                }
            }
        }
    }

    /** Whether the route began to stop: it takes no more data objects. */
    public boolean isStopping() {
        return stopping;
    }

    /** Whether the route began to stop or to suspend: batches should go out without waiting to fill. */
    public boolean isWindingDown() {
        return stopping || suspending;
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        if (suspendOnly) {
            suspending = true;
        } else {
            stopping = true;
        }
    }

    @Override
    public void start() {
        suspending = false; // a resumed route is running again
    }

    @Override
    public void stop() {
        // nothing to release; the producer makes a new watch when it starts again
    }
}
