package io.github.sagemakerlabeling.examples.s3images;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * The images the {@code labeled-images} route has written and announced, with their labels: an event notifier, so
 * the routes need no step of their own for it. Bound in the registry, Camel Main registers it.
 */
final class LabeledImages extends EventNotifierSupport {

    /** The exchange property the routes keep the image's name in. */
    static final String IMAGE_PROPERTY = "image";

    private final Object lock = new Object();
    private final SortedMap<String, String> labels = new TreeMap<>();

    LabeledImages() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeFailedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeCompletedEvent) event).getExchange();
        if (!S3ImagesApp.LABELED_ROUTE.equals(exchange.getFromRouteId()) || exchange.isFailed()) {
            return;
        }
        String image = exchange.getProperty(IMAGE_PROPERTY, String.class);
        String label = exchange.getMessage().getHeader(SageMakerLabelingConstants.CLASS_NAME, String.class);
        synchronized (lock) {
            labels.put(image, label);
            lock.notifyAll();
        }
    }

    /**
     * Waits until every one of {@code images} is labeled.
     *
     * @return every labeled image's label, by image name
     * @throws IllegalStateException naming the images still unlabeled when {@code timeout} has passed
     */
    Map<String, String> await(Collection<String> images, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!labels.keySet().containsAll(images)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    TreeSet<String> missing = new TreeSet<>(images);
                    missing.removeAll(labels.keySet());
                    throw new IllegalStateException("Labeled " + (images.size() - missing.size()) + " of "
                            + images.size() + " images within " + timeout + "; not labeled: " + missing);
                }
                Duration wait = Duration.ofNanos(left);
                lock.wait(Math.max(1, wait.toMillis()));
            }
            return new TreeMap<>(labels);
        }
    }
}
