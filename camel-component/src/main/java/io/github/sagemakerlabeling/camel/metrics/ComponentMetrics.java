package io.github.sagemakerlabeling.camel.metrics;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;

/**
 * The component's meters: gives each endpoint the meters of its job, one set a job and registry. Needs Micrometer only
 * when a registry is there to use; without it on the classpath every endpoint gets {@link LabelingMetrics#NONE}.
 */
public final class ComponentMetrics {

    private static final boolean MICROMETER = isOnClasspath("io.micrometer.core.instrument.MeterRegistry");

    /** Each job's meters, keyed by registry and job name; typed Object so this class needs no Micrometer. */
    private final Map<List<Object>, Object> jobs = new ConcurrentHashMap<>();

    /**
     * The meters of an endpoint's job, as its options say.
     *
     * @throws IllegalArgumentException when metricsRegistry is neither a MeterRegistry nor the name of one, or is set
     *                                  without Micrometer on the classpath
     */
    public LabelingMetrics forEndpoint(CamelContext context, String job, SageMakerLabelingConfiguration options) {
        if (!options.isMetrics()) {
            return LabelingMetrics.NONE;
        }
        if (!MICROMETER) {
            if (options.getMetricsRegistry() != null) {
                throw new IllegalArgumentException("metricsRegistry is set, but Micrometer is not on the classpath:"
                        + " add io.micrometer:micrometer-core, or leave the option out");
            }
            return LabelingMetrics.NONE;
        }
        return MicrometerLabelingMetrics.forEndpoint(context, job, options, jobs);
    }

    private static boolean isOnClasspath(String className) {
        try {
            Class.forName(className, false, ComponentMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
