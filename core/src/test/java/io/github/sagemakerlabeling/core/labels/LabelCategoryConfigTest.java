package io.github.sagemakerlabeling.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelCategoryConfigTest {

    @Test
    void ofMakesA2018DocumentWithPlainLabelsInOrder() {
        LabelCategoryConfig config = LabelCategoryConfig.of("b", "a");

        assertThat(config.documentVersion()).isEqualTo(DocumentVersion.V2018_11_28);
        assertThat(config.labels()).containsExactly(LabelCategory.of("b"), LabelCategory.of("a"));
        assertThat(config.labelNames()).containsExactly("b", "a");
        assertThat(config.instructions()).isEmpty();
        assertThat(config.auditLabelAttributeName()).isEmpty();
        assertThat(config.annotationType()).isEmpty();
        assertThat(config.categoryGlobalAttributes()).isEmpty();
        assertThat(config.frameAttributes()).isEmpty();
        assertThat(LabelCategoryConfig.of(List.of("b", "a"))).isEqualTo(config).hasSameHashCodeAs(config);
    }

    @Test
    void builderSetsEveryField() {
        LabelAttribute global = LabelAttribute.builder("g", AttributeType.STRING).build();
        LabelAttribute frame = LabelAttribute.builder("f", AttributeType.STRING).description("d").build();
        LabelCategoryConfig config = LabelCategoryConfig.builder(DocumentVersion.V2020_03_01)
                .label("Car").label("Truck", "T")
                .categoryGlobalAttribute(global).frameAttribute(frame)
                .annotationType(AnnotationType.POLYGON)
                .instructions(new Instructions("s", "f"))
                .auditLabelAttributeName("earlier")
                .unknownField("x-extra", TextNode.valueOf("kept"))
                .build();

        assertThat(config.labels()).containsExactly(LabelCategory.of("Car"), LabelCategory.of("Truck", "T"));
        assertThat(config.categoryGlobalAttributes()).containsExactly(global);
        assertThat(config.frameAttributes()).containsExactly(frame);
        assertThat(config.annotationType()).contains(AnnotationType.POLYGON);
        assertThat(config.instructions()).contains(new Instructions("s", "f"));
        assertThat(config.auditLabelAttributeName()).contains("earlier");
        assertThat(config.unknownFields()).containsExactly(Map.entry("x-extra", TextNode.valueOf("kept")));
    }

    @Test
    void differsFromADocumentThatDiffersInAnyField() {
        LabelCategoryConfig base = LabelCategoryConfig.of("a");

        assertThat(base).isNotEqualTo(LabelCategoryConfig.builder(DocumentVersion.V2020_03_01).label("a").build())
                .isNotEqualTo(LabelCategoryConfig.of("b"))
                .isNotEqualTo(LabelCategoryConfig.builder(DocumentVersion.V2018_11_28).label("a").instructions("s", "f").build())
                .isNotEqualTo(LabelCategoryConfig.builder(DocumentVersion.V2018_11_28).label("a").auditLabelAttributeName("x").build())
                .isNotEqualTo(LabelCategoryConfig.builder(DocumentVersion.V2018_11_28).label("a")
                        .unknownField("x", TextNode.valueOf("y")).build());
    }

    @Test
    void isImmutable() {
        List<String> names = new ArrayList<>(List.of("a"));
        LabelCategoryConfig config = LabelCategoryConfig.of(names);
        names.add("b");
        LabelCategoryConfig.Builder builder = LabelCategoryConfig.builder(DocumentVersion.V2018_11_28).label("a");
        LabelCategoryConfig built = builder.build();
        builder.label("b");

        assertThat(config.labelNames()).containsExactly("a");
        assertThat(built.labelNames()).containsExactly("a");
        assertThatThrownBy(() -> config.labels().add(LabelCategory.of("c"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.unknownFields().put("k", TextNode.valueOf("v")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsAModelledKeyAsAnUnknownOne() {
        LabelCategoryConfig.Builder builder = LabelCategoryConfig.builder(DocumentVersion.V2018_11_28).label("a")
                .unknownField("documentVersion", TextNode.valueOf("2020-03-01"));

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("'documentVersion'");
        assertThatIllegalArgumentException().isThrownBy(() -> new LabelCategory("a", Optional.empty(),
                Optional.empty(), List.of(), Map.of("label", TextNode.valueOf("b"))));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Instructions("s", "f", Map.of("fullInstruction", TextNode.valueOf("g"))));
    }

    @Test
    void rejectsMissingRequiredParts() {
        assertThatNullPointerException().isThrownBy(() -> LabelCategoryConfig.builder(null));
        assertThatNullPointerException().isThrownBy(() -> LabelCategory.of(null));
        assertThatNullPointerException().isThrownBy(() -> LabelAttribute.builder("n", null));
        assertThatNullPointerException().isThrownBy(() -> LabelCategoryConfig.fromJson(null));
    }

    @Test
    void labelWithersKeepTheOtherFields() {
        LabelAttribute attribute = LabelAttribute.builder("a", AttributeType.STRING).build();
        LabelCategory label = LabelCategory.of("Car", "C").withEditsAllowed(EditsAllowed.NONE)
                .withCategoryAttributes(attribute);

        assertThat(label).isEqualTo(new LabelCategory("Car", Optional.of("C"), Optional.of(EditsAllowed.NONE),
                List.of(attribute), Map.of()));
    }

    @Test
    void showsItsJsonInToString() {
        assertThat(LabelCategoryConfig.of("a")).hasToString(
                "LabelCategoryConfig{\"document-version\":\"2018-11-28\",\"labels\":[{\"label\":\"a\"}]}");
    }
}
