/**
 * The component's Micrometer meters: what its producers published, retried, failed and uploaded, what its consumers
 * received and routed, and each job's label counters. The producer, consumer and endpoint each call
 * {@link io.github.sagemakerlabeling.camel.metrics.LabelingMetrics} once, which does nothing when Micrometer or a
 * {@code MeterRegistry} is missing: Micrometer is an optional dependency, and only the classes whose names start
 * with {@code Micrometer} touch it.
 */
package io.github.sagemakerlabeling.camel.metrics;
