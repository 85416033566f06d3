package io.github.sagemakerlabeling.examples.springboot.local;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Local Ground Truth's simulated workers label reviews: the first keyword found in a review picks its label,
 * the others get {@code otherwise}.
 *
 * @param keywords  keyword to label, checked in order, ignoring case
 * @param otherwise the label of reviews no keyword matches
 */
@ConfigurationProperties("local-ground-truth.workers")
public record SimulatedWorkers(Map<String, String> keywords, String otherwise) {
}
