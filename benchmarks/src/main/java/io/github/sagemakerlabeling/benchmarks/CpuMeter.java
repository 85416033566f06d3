package io.github.sagemakerlabeling.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM, split by who spent it: the benchmark's client threads, the SNS server, ElasticMQ, the
 * streaming engine, S3Proxy, the rest of the threads, and the JVM itself (GC, JIT; process CPU time that no Java
 * thread accounts for). On a shared 2-core machine the wall-clock rate moves with the neighbours' load; CPU time per message does
 * much less, and it says where the time goes.
 */
final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU time per thread id and the process total, at one moment. */
    record Snapshot(Map<Long, String> names, Map<Long, Long> cpu, long process) {
    }

    static Snapshot snapshot() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long time = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] != null && time >= 0) {
                names.put(ids[i], infos[i].getThreadName());
                cpu.put(ids[i], time);
            }
        }
        return new Snapshot(names, cpu, OS.getProcessCpuTime());
    }

    /** This thread's CPU time so far, for threads that end before the next snapshot. */
    static long currentThread() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * CPU nanoseconds spent between two snapshots, by group; {@code clientNanos} is the CPU of client threads that
     * ended in between (they are missing from {@code after}).
     */
    static Map<String, Long> byGroup(Snapshot before, Snapshot after, long clientNanos) {
        Map<String, Long> groups = new LinkedHashMap<>();
        groups.put("client", clientNanos);
        groups.put("SNS", 0L);
        groups.put("ElasticMQ", 0L);
        groups.put("engine", 0L);
        groups.put("S3", 0L);
        groups.put("other", 0L);
        long threads = clientNanos;
        for (Map.Entry<Long, Long> entry : after.cpu().entrySet()) {
            long delta = entry.getValue() - before.cpu().getOrDefault(entry.getKey(), 0L);
            String group = group(after.names().get(entry.getKey()));
            groups.merge(group, delta, Long::sum);
            threads += delta;
        }
        groups.put("GC/JIT/VM", Math.max(0, after.process() - before.process() - threads));
        return groups;
    }

    /** {@code 300 = client 50 + SNS 120 + ElasticMQ 80 + ...}: microseconds per unit of work. */
    static String perUnit(Map<String, Long> groups, long units) {
        long total = groups.values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "%d = ", total / 1000 / units) + groups.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> String.format(Locale.ROOT, "%s %d", e.getKey(), e.getValue() / 1000 / units))
                .collect(Collectors.joining(" + "));
    }

    static long total(Map<String, Long> groups) {
        return groups.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String group(String thread) {
        if (thread == null) {
            return "other";
        }
        if (thread.startsWith("bench-") || thread.equals("main")) {
            return "client";
        }
        // The SNS server's handler threads (which also make the SQS delivery calls) and the JDK HTTP dispatcher.
        if (thread.startsWith("local-sns-") || thread.startsWith("HTTP-Dispatcher")) {
            return "SNS";
        }
        if (thread.startsWith("local-sqs-")) {
            return "ElasticMQ";
        }
        if (thread.startsWith("local-ground-truth-") || thread.startsWith("local-sagemaker")) {
            return "engine";
        }
        if (thread.startsWith("S3Proxy")) {
            return "S3";
        }
        return "other";
    }
}
