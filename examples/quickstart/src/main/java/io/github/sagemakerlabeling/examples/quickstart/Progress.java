package io.github.sagemakerlabeling.examples.quickstart;

import io.github.sagemakerlabeling.core.result.LabelingResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what was sent and what came back labeled, and shows it on one live line. The routes call it as the bean
 * {@code progress}. A result that comes back twice (delivery is at least once) is counted once, by its text.
 */
public final class Progress implements AutoCloseable {

    private final int total;
    private final PrintStream out;
    private final boolean console;
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, LabelingResult> labeled = new ConcurrentHashMap<>();
    private final CountDownLatch allLabeled;
    private final ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "quickstart-progress");
        thread.setDaemon(true);
        return thread;
    });
    private String lastLine = "";
    private volatile boolean shown;

    /**
     * @param total   how many distinct texts are to be labeled
     * @param out     where the progress line goes
     * @param console whether {@code out} is a terminal: then one line is rewritten in place, else a line is printed
     *                whenever the counts changed, every few seconds
     */
    Progress(int total, PrintStream out, boolean console) {
        this.total = total;
        this.out = out;
        this.console = console;
        this.allLabeled = new CountDownLatch(total);
    }

    /** Starts showing the progress line. */
    void show() {
        shown = true;
        printer.scheduleAtFixedRate(this::print, 0, console ? 200 : 2000, TimeUnit.MILLISECONDS);
    }

    /** Called by the feeding route for each text published to the job. */
    public void sent() {
        sent.incrementAndGet();
    }

    /** Called by the output route for each labeled result. */
    public void labeled(LabelingResult result) {
        String text = result.source().orElseGet(() -> result.sourceRef().orElse(""));
        if (labeled.putIfAbsent(text, result) == null) {
            allLabeled.countDown();
        }
    }

    /** Waits until every text came back labeled; false when {@code timeout} passed first. */
    boolean awaitAllLabeled(Duration timeout) throws InterruptedException {
        return allLabeled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int sentCount() {
        return sent.get();
    }

    int labeledCount() {
        return labeled.size();
    }

    /** How many texts got each label, by label. */
    Map<String, Integer> countPerLabel() {
        Map<String, Integer> counts = new TreeMap<>();
        labeled.values().forEach(result -> counts.merge(classNameOf(result), 1, Integer::sum));
        return counts;
    }

    /** The mean consolidated confidence, when the results carry one. */
    OptionalDouble meanConfidence() {
        return labeled.values().stream().map(LabelingResult::confidence).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).average();
    }

    /** Stops the live line and ends it with the final counts. */
    @Override
    public void close() {
        printer.shutdownNow();
        if (!shown) {
            return;
        }
        shown = false;
        print();
        if (console) {
            out.println();
        }
    }

    private synchronized void print() {
        String line = String.format("  sent %d / labeled %d / total %d", sent.get(), labeled.size(), total);
        if (console) {
            out.print("\r" + line);
            out.flush();
        } else if (!line.equals(lastLine)) {
            out.println(line);
        }
        lastLine = line;
    }

    private static String classNameOf(LabelingResult result) {
        return result.metadata().path("class-name").asText("(none)");
    }
}
