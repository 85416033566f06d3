package io.github.sagemakerlabeling.camel.health;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * A health check in the context's registry for as long as its consumer runs. Without a registry (camel-health
 * absent, or health checks turned off) it does nothing.
 */
public final class HealthCheckRegistration {

    /** No check: what a consumer holds before it registers one. */
    public static final HealthCheckRegistration NONE = new HealthCheckRegistration(null, null);

    private final HealthCheckRegistry registry;
    private final HealthCheck check;

    private HealthCheckRegistration(HealthCheckRegistry registry, HealthCheck check) {
        this.registry = registry;
        this.check = check;
    }

    /** Registers the check in the context's health check registry, if it has one. */
    public static HealthCheckRegistration register(CamelContext context, HealthCheck check) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            registry.register(check);
        }
        return new HealthCheckRegistration(registry, check);
    }

    /** Removes the check again; doing it twice does no harm. */
    public void unregister() {
        if (registry != null) {
            registry.unregister(check);
        }
    }
}
