package io.github.sagemakerlabeling.quarkus.deployment;

import io.github.sagemakerlabeling.local.launcher.LauncherOptions;
import io.github.sagemakerlabeling.local.workers.Annotator;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;

/**
 * Reads {@code quarkus.camel.sagemaker-labeling.devservices.workers}: the launcher's {@code --workers} specs
 * ({@code random[:...]}, {@code first-label}) and {@code keywords:word=label,...,*=label} for tests that expect
 * given labels.
 */
final class WorkersSpec {

    static final String PROPERTY = "quarkus.camel.sagemaker-labeling.devservices.workers";
    private static final String KEYWORDS = "keywords:";

    private WorkersSpec() {
    }

    static Annotator parse(String spec) {
        if (!spec.startsWith(KEYWORDS)) {
            return LauncherOptions.parse("--workers", spec).annotator();
        }
        RuleBasedAnnotator.Builder rules = RuleBasedAnnotator.builder();
        for (String rule : spec.substring(KEYWORDS.length()).split(",")) {
            String[] keywordLabel = rule.split("=", 2);
            if (keywordLabel.length != 2 || keywordLabel[0].isBlank() || keywordLabel[1].isBlank()) {
                throw new IllegalArgumentException(PROPERTY + " must be keywords:word=label,...[,*=label], was "
                        + spec + " (rule '" + rule + "' is not word=label)");
            }
            String keyword = keywordLabel[0].strip();
            String label = keywordLabel[1].strip();
            if (keyword.equals("*")) {
                rules.otherwise(label);
            } else {
                rules.when(keyword, label);
            }
        }
        return rules.build();
    }
}
