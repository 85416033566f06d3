package io.github.sagemakerlabeling.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.workers.RandomAnnotator;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import org.junit.jupiter.api.Test;

class WorkersSpecTest {

    @Test
    void readsTheLaunchersSpecsAndKeywordRules() {
        assertThat(WorkersSpec.parse("random:seed=7,disagreement=0.2")).isInstanceOf(RandomAnnotator.class);
        assertThat(WorkersSpec.parse("first-label")).isInstanceOf(RuleBasedAnnotator.class);
        assertThat(WorkersSpec.parse("keywords:delicious=positive,*=negative")).isInstanceOf(RuleBasedAnnotator.class);
    }

    @Test
    void aRuleWithoutALabelIsRefusedNamingThePropertyAndTheRule() {
        assertThatThrownBy(() -> WorkersSpec.parse("keywords:delicious"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quarkus.camel.sagemaker-labeling.devservices.workers")
                .hasMessageContaining("rule 'delicious' is not word=label");
        assertThatThrownBy(() -> WorkersSpec.parse("everyone"))
                .hasMessageContaining("--workers must be first-label or random");
    }
}
