package io.github.sagemakerlabeling.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Durations in nanoseconds, summarised by nearest-rank percentiles. */
final class Samples {

    private final long[] sorted;

    Samples(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile, {@code q} in (0, 1], in nanoseconds. */
    long percentile(double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long median() {
        return percentile(0.5);
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    long min() {
        return sorted.length == 0 ? 0 : sorted[0];
    }

    /** {@code p50 / p90 / p99 / max} in milliseconds. */
    String summaryMillis() {
        return String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  max %s ms (n=%d)", millis(median()),
                millis(percentile(0.9)), millis(percentile(0.99)), millis(max()), count());
    }

    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    static long medianOf(long... values) {
        return new Samples(values).median();
    }
}
