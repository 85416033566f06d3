package io.github.sagemakerlabeling.quarkus.deployment;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/** What the test app's output route received: each labeled text with its label. */
@ApplicationScoped
public class LabeledTexts {

    private final Map<String, String> labels = new ConcurrentHashMap<>();

    /** Records one labeled result (a route's processor). */
    public void record(Exchange exchange) {
        Map<String, Object> headers = exchange.getMessage().getHeaders();
        labels.put((String) headers.get(SageMakerLabelingConstants.SOURCE),
                (String) headers.get(SageMakerLabelingConstants.CLASS_NAME));
    }

    /** A copy of every text received so far, mapped to its label. */
    public Map<String, String> labels() {
        return Map.copyOf(labels);
    }
}
