package io.github.sagemakerlabeling.camel.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.apache.camel.CamelContext;

/**
 * Finds the MeterRegistry as camel-micrometer does: the one the metricsRegistry option gives (a registry, or the name
 * of one bound in Camel's registry), else the one bound as {@value #DEFAULT_NAME}, else the only one bound.
 */
final class MicrometerRegistries {

    /** The bean name camel-micrometer looks for first. */
    static final String DEFAULT_NAME = "metricsRegistry";

    private MicrometerRegistries() {
    }

    static Optional<MeterRegistry> find(CamelContext context, Object configured) {
        if (configured instanceof MeterRegistry registry) {
            return Optional.of(registry);
        }
        if (configured instanceof String name) {
            MeterRegistry named = context.getRegistry().lookupByNameAndType(name, MeterRegistry.class);
            if (named == null) {
                throw new IllegalArgumentException("metricsRegistry '" + name + "' names no MeterRegistry bound in"
                        + " the registry: bind one under that name, or leave the option out to use the only one bound");
            }
            return Optional.of(named);
        }
        if (configured != null) {
            throw new IllegalArgumentException("metricsRegistry must be an io.micrometer.core.instrument.MeterRegistry"
                    + " or the name of one, was a " + configured.getClass().getName());
        }
        MeterRegistry named = context.getRegistry().lookupByNameAndType(DEFAULT_NAME, MeterRegistry.class);
        return Optional.ofNullable(named != null ? named
                : context.getRegistry().findSingleByType(MeterRegistry.class));
    }
}
