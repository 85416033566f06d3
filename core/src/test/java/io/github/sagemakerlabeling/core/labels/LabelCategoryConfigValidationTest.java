package io.github.sagemakerlabeling.core.labels;

import static io.github.sagemakerlabeling.core.labels.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LabelCategoryConfigValidationTest {

    private static final String NUMBER_ONLY = "is only allowed when type is \"number\"";

    private static LabelCategoryConfig.Builder v2020() {
        return LabelCategoryConfig.builder(DocumentVersion.V2020_03_01);
    }

    private static LabelAttribute choice(String name, String... values) {
        return LabelAttribute.builder(name, AttributeType.STRING).description("d").enumValues(values).build();
    }

    private static LabelAttribute freeText(String name) {
        return LabelAttribute.builder(name, AttributeType.STRING).description("d").build();
    }

    private static LabelAttribute[] choices(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> choice(prefix + i, "x")).toArray(LabelAttribute[]::new);
    }

    private static LabelAttribute[] freeTexts(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> freeText(prefix + i)).toArray(LabelAttribute[]::new);
    }

    @Nested
    class LabelNames {

        @ParameterizedTest
        @EnumSource(DocumentVersion.class)
        void mustBeUnique(DocumentVersion version) {
            LabelCategoryConfig config = LabelCategoryConfig.builder(version)
                    .label("cat").label("dog").label("cat").label("dog").build();

            assertThat(config.validate()).containsExactly(
                    new Violation("labels[2].label", "cat", "must be unique among labels, but labels[0].label has the same value"),
                    new Violation("labels[3].label", "dog", "must be unique among labels, but labels[1].label has the same value"));
        }

        @Test
        void areComparedExactly() {
            assertThat(LabelCategoryConfig.of("Cat", "cat", "cat ").validate()).isEmpty();
        }

        @Test
        void haveAtMost256CharactersIn2018() {
            LabelCategoryConfig config = LabelCategoryConfig.of(text(256, 'a'), text(257, 'b'));

            assertThat(config.validate()).containsExactly(
                    new Violation("labels[1].label", text(257, 'b'), "must be 1 to 256 characters long"));
        }

        @Test
        void countCharactersAsCodePoints() {
            String emoji = "\uD83D\uDE97";

            assertThat(LabelCategoryConfig.of(emoji.repeat(256)).validate()).isEmpty();
            assertThat(v2020().label(emoji.repeat(16)).build().validate()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(DocumentVersion.class)
        void mustNotBeEmpty(DocumentVersion version) {
            LabelCategoryConfig config = LabelCategoryConfig.builder(version).label("").build();

            assertThat(config.validate()).singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("labels[0].label"))
                    .satisfies(v -> assertThat(v.rule()).startsWith("must be 1 to "));
        }

        @Test
        void haveAtMost16CharactersIn2020() {
            LabelCategoryConfig config = v2020().label(text(16, 'a')).label(text(17, 'b')).build();

            assertThat(config.validate()).containsExactly(
                    new Violation("labels[1].label", text(17, 'b'), "must be 1 to 16 characters long"));
        }
    }

    @Nested
    class LabelCount {

        @Test
        void isNotADocumentRuleIn2018() {
            assertThat(LabelCategoryConfig.of().validate()).isEmpty();
        }

        @Test
        void isAtLeastOneIn2020() {
            assertThat(v2020().build().validate()).containsExactly(
                    new Violation("labels", 0, "at least 1 label is required in document version 2020-03-01"));
        }

        @Test
        void isAtMost30In2020() {
            LabelCategoryConfig.Builder builder = v2020();
            IntStream.range(0, 30).forEach(i -> builder.label("l" + i));
            assertThat(builder.build().validate()).isEmpty();

            builder.label("l30");
            assertThat(builder.build().validate()).containsExactly(
                    new Violation("labels", 31, "at most 30 labels are allowed in document version 2020-03-01"));
        }

        @Test
        void belowATaskTypeMinimumIsReportedWithItsPurpose() {
            assertThat(LabelCategoryConfig.of("only").validateLabelCount(2, OptionalInt.empty(), "text classification"))
                    .containsExactly(new Violation("labels", 1, "at least 2 labels are required for text classification"));
        }

        @Test
        void aboveATaskTypeMaximumIsReported() {
            List<String> labels = IntStream.range(0, 51).mapToObj(i -> "l" + i).toList();

            assertThat(LabelCategoryConfig.of(labels).validateLabelCount(1, OptionalInt.of(50)))
                    .containsExactly(new Violation("labels", 51, "at most 50 labels are allowed"));
            assertThat(LabelCategoryConfig.of(labels.subList(0, 50)).validateLabelCount(1, OptionalInt.of(50))).isEmpty();
        }

        @Test
        void usesTheSingularForOne() {
            assertThat(LabelCategoryConfig.of().validateLabelCount(1, OptionalInt.empty()))
                    .containsExactly(new Violation("labels", 0, "at least 1 label is required"));
            assertThat(LabelCategoryConfig.of("a", "b").validateLabelCount(0, OptionalInt.of(1)))
                    .containsExactly(new Violation("labels", 2, "at most 1 label is allowed"));
        }

        @Test
        void withinBoundsIsFine() {
            assertThat(LabelCategoryConfig.of("a", "b").validateLabelCount(2, OptionalInt.of(2))).isEmpty();
        }

        @Test
        void rejectsImpossibleBounds() {
            LabelCategoryConfig config = LabelCategoryConfig.of("a");

            assertThatIllegalArgumentException().isThrownBy(() -> config.validateLabelCount(-1, OptionalInt.empty()));
            assertThatIllegalArgumentException().isThrownBy(() -> config.validateLabelCount(3, OptionalInt.of(2)));
        }
    }

    @Nested
    class InstructionsRules {

        @Test
        void haveNoDocumentedLimitsIn2018() {
            LabelCategoryConfig config = LabelCategoryConfig.builder(DocumentVersion.V2018_11_28)
                    .label("a").instructions(text(5000, 's'), null).build();

            assertThat(config.validate()).isEmpty();
        }

        @Test
        void shortInstructionIsUnder255CharactersIn2020() {
            assertThat(v2020().label("a").instructions(text(254, 's'), "f").build().validate()).isEmpty();
            assertThat(v2020().label("a").instructions(text(255, 's'), "f").build().validate()).containsExactly(
                    new Violation("instructions.shortInstruction", text(255, 's'), "must be at most 254 characters long"));
        }

        @Test
        void fullInstructionIsUnder2048CharactersIn2020() {
            assertThat(v2020().label("a").instructions("s", text(2047, 'f')).build().validate()).isEmpty();
            assertThat(v2020().label("a").instructions("s", text(2048, 'f')).build().validate()).containsExactly(
                    new Violation("instructions.fullInstruction", text(2048, 'f'), "must be at most 2047 characters long"));
        }

        @Test
        void needBothTextsIn2020() {
            assertThat(v2020().label("a").instructions(null, null).build().validate()).containsExactly(
                    new Violation("instructions.shortInstruction", null,
                            "is required in instructions of document version 2020-03-01"),
                    new Violation("instructions.fullInstruction", null,
                            "is required in instructions of document version 2020-03-01"));
        }
    }

    @Nested
    class Attributes {

        @Test
        void aValidDocumentWithEveryKindOfAttributeHasNoViolations() {
            LabelCategoryConfig config = v2020()
                    .label(LabelCategory.of("Car").withCategoryAttributes(
                            LabelAttribute.builder("X", AttributeType.NUMBER).minimum(-1).maximum(1).build(),
                            choice("Y", "y1", "y2"), freeText("Z")))
                    .label(LabelCategory.of("Pedestrian").withCategoryAttributes(choice("Y", "y1")))
                    .categoryGlobalAttribute(choice("W", "foo", "buzz", "biz"))
                    .frameAttribute(LabelAttribute.builder("count players", AttributeType.NUMBER)
                            .description("How many players?").minimum(0).maximum(0).build())
                    .frameAttribute(choice("select one", "clear", "blurry"))
                    .build();

            assertThat(config.validate()).isEmpty();
        }

        @Test
        void areNotCheckedIn2018WhereTheyHaveNoMeaning() {
            LabelCategoryConfig config = LabelCategoryConfig.builder(DocumentVersion.V2018_11_28).label("a")
                    .frameAttribute(LabelAttribute.builder("n", AttributeType.NUMBER).build()).build();

            assertThat(config.validate()).isEmpty();
        }

        @Test
        void nameHas1To16Characters() {
            LabelCategoryConfig config = v2020().label("a")
                    .frameAttribute(freeText(text(16, 'n')))
                    .frameAttribute(freeText(text(17, 'n')))
                    .categoryGlobalAttribute(freeText(""))
                    .build();

            assertThat(config.validate()).containsExactly(
                    new Violation("categoryGlobalAttributes[0].name", "", "must be 1 to 16 characters long"),
                    new Violation("frameAttributes[1].name", text(17, 'n'), "must be 1 to 16 characters long"));
        }

        @Test
        void descriptionIsRequiredForFrameAttributesOnly() {
            LabelAttribute undescribed = LabelAttribute.builder("u", AttributeType.STRING).build();
            LabelCategoryConfig config = v2020().label(LabelCategory.of("a").withCategoryAttributes(undescribed))
                    .categoryGlobalAttribute(LabelAttribute.builder("g", AttributeType.STRING).build())
                    .frameAttribute(undescribed)
                    .build();

            assertThat(config.validate()).containsExactly(
                    new Violation("frameAttributes[0].description", null, "is required for frame attributes"));
        }

        @Test
        void descriptionHasAtMost128Characters() {
            LabelCategoryConfig config = v2020().label("a")
                    .categoryGlobalAttribute(LabelAttribute.builder("ok", AttributeType.STRING).description(text(128, 'd')).build())
                    .categoryGlobalAttribute(LabelAttribute.builder("long", AttributeType.STRING).description(text(129, 'd')).build())
                    .build();

            assertThat(config.validate()).containsExactly(new Violation(
                    "categoryGlobalAttributes[1].description", text(129, 'd'), "must be at most 128 characters long"));
        }

        @Test
        void numberNeedsMinimumAndMaximum() {
            LabelCategoryConfig config = v2020().label("a")
                    .frameAttribute(LabelAttribute.builder("n", AttributeType.NUMBER).description("d").build())
                    .build();

            assertThat(config.validate()).containsExactly(
                    new Violation("frameAttributes[0].minimum", null, "is required when type is \"number\""),
                    new Violation("frameAttributes[0].maximum", null, "is required when type is \"number\""));
        }

        @Test
        void minimumIsNotGreaterThanMaximum() {
            LabelCategoryConfig config = v2020().label("a")
                    .categoryGlobalAttribute(LabelAttribute.builder("n", AttributeType.NUMBER).minimum(5).maximum(4).build())
                    .build();

            assertThat(config.validate()).containsExactly(new Violation(
                    "categoryGlobalAttributes[0].minimum", 5L, "must not be greater than maximum (4)"));
        }

        @Test
        void enumIsOnlyForStrings() {
            LabelCategoryConfig config = v2020().label("a")
                    .categoryGlobalAttribute(LabelAttribute.builder("n", AttributeType.NUMBER)
                            .minimum(0).maximum(1).enumValues("0", "1").build())
                    .build();

            assertThat(config.validate()).containsExactly(new Violation(
                    "categoryGlobalAttributes[0].enum", List.of("0", "1"), "is only allowed when type is \"string\""));
        }

        @Test
        void minimumAndMaximumAreOnlyForNumbers() {
            LabelCategoryConfig config = v2020().label("a")
                    .categoryGlobalAttribute(LabelAttribute.builder("s", AttributeType.STRING).minimum(0).maximum(1).build())
                    .build();

            assertThat(config.validate()).containsExactly(
                    new Violation("categoryGlobalAttributes[0].minimum", 0L, NUMBER_ONLY),
                    new Violation("categoryGlobalAttributes[0].maximum", 1L, NUMBER_ONLY));
        }

        @Test
        void enumHasAtMost10Values() {
            String[] ten = IntStream.range(0, 10).mapToObj(i -> "v" + i).toArray(String[]::new);
            String[] eleven = IntStream.range(0, 11).mapToObj(i -> "v" + i).toArray(String[]::new);
            LabelCategoryConfig config = v2020().label("a")
                    .frameAttribute(choice("ten", ten)).frameAttribute(choice("eleven", eleven)).build();

            assertThat(config.validate()).containsExactly(
                    new Violation("frameAttributes[1].enum", 11, "must have at most 10 values"));
        }

        @Test
        void enumValuesHave1To16Characters() {
            LabelCategoryConfig config = v2020()
                    .label(LabelCategory.of("a").withCategoryAttributes(choice("c", text(16, 'v'), "", text(17, 'v'))))
                    .build();

            assertThat(config.validate()).containsExactly(
                    new Violation("labels[0].categoryAttributes[0].enum[1]", "", "must be 1 to 16 characters long"),
                    new Violation("labels[0].categoryAttributes[0].enum[2]", text(17, 'v'), "must be 1 to 16 characters long"));
        }

        @Test
        void atMost10FrameAttributes() {
            assertThat(v2020().label("a").build().validate()).isEmpty();
            LabelCategoryConfig.Builder builder = v2020().label("a");
            List.of(choices("f", 11)).forEach(builder::frameAttribute);

            assertThat(builder.build().validate()).containsExactly(
                    new Violation("frameAttributes", 11, "at most 10 attributes are allowed in frameAttributes"));
        }

        @Test
        void atMost5FreeTextFrameAttributes() {
            LabelCategoryConfig.Builder builder = v2020().label("a");
            List.of(freeTexts("f", 5)).forEach(builder::frameAttribute);
            assertThat(builder.build().validate()).isEmpty();

            builder.frameAttribute(freeText("f5"));
            assertThat(builder.build().validate()).containsExactly(new Violation("frameAttributes", 6L,
                    "at most 5 free-form text attributes (type \"string\" without enum) are allowed in frameAttributes"));
        }

        @Test
        void atMost10AttributesPerLabelCountingGlobalOnes() {
            LabelCategoryConfig.Builder builder = v2020()
                    .label(LabelCategory.of("ten").withCategoryAttributes(choices("t", 6)))
                    .label(LabelCategory.of("eleven").withCategoryAttributes(choices("e", 7)))
                    .label("none");
            List.of(choices("g", 4)).forEach(builder::categoryGlobalAttribute);

            assertThat(builder.build().validate()).containsExactly(new Violation("labels[1].categoryAttributes", 11,
                    "at most 10 attributes are allowed per label, counting categoryGlobalAttributes"));
        }

        @Test
        void atMost10GlobalAttributesReportedOnceNotPerLabel() {
            LabelCategoryConfig.Builder builder = v2020().label("a").label("b");
            List.of(choices("g", 11)).forEach(builder::categoryGlobalAttribute);

            assertThat(builder.build().validate()).containsExactly(new Violation("categoryGlobalAttributes", 11,
                    "at most 10 attributes are allowed per label, and these apply to every label"));
        }

        @Test
        void atMost5FreeTextAttributesPerLabelCountingGlobalOnes() {
            LabelCategoryConfig.Builder builder = v2020()
                    .label(LabelCategory.of("five").withCategoryAttributes(freeTexts("f", 2)))
                    .label(LabelCategory.of("six").withCategoryAttributes(freeTexts("s", 3)));
            List.of(freeTexts("g", 3)).forEach(builder::categoryGlobalAttribute);

            assertThat(builder.build().validate()).containsExactly(new Violation("labels[1].categoryAttributes", 6L,
                    "at most 5 free-form text attributes (type \"string\" without enum) are allowed per label, "
                            + "counting categoryGlobalAttributes"));
        }

        @Test
        void frameAttributeNamesAreUnique() {
            LabelCategoryConfig config = v2020().label("a")
                    .frameAttribute(freeText("n")).frameAttribute(choice("n", "x")).build();

            assertThat(config.validate()).containsExactly(new Violation("frameAttributes[1].name", "n",
                    "must be unique among frameAttributes, but frameAttributes[0].name has the same value"));
        }

        @Test
        void globalAttributeNamesAreUnique() {
            LabelCategoryConfig config = v2020().label(LabelCategory.of("a").withCategoryAttributes(freeText("own")))
                    .categoryGlobalAttribute(freeText("g")).categoryGlobalAttribute(freeText("g")).build();

            assertThat(config.validate()).containsExactly(new Violation("categoryGlobalAttributes[1].name", "g",
                    "must be unique among categoryGlobalAttributes, but categoryGlobalAttributes[0].name has the same value"));
        }

        @Test
        void aLabelsAttributeNamesAreUniqueIncludingGlobalOnes() {
            LabelCategoryConfig config = v2020()
                    .label(LabelCategory.of("Car").withCategoryAttributes(freeText("W"), freeText("X"), freeText("X")))
                    .categoryGlobalAttribute(freeText("W"))
                    .build();

            String scope = "must be unique among the attributes of label 'Car', categoryGlobalAttributes included, but ";
            assertThat(config.validate()).containsExactly(
                    new Violation("labels[0].categoryAttributes[0].name", "W",
                            scope + "categoryGlobalAttributes[0].name has the same value"),
                    new Violation("labels[0].categoryAttributes[2].name", "X",
                            scope + "labels[0].categoryAttributes[1].name has the same value"));
        }

        @Test
        void differentLabelsMayUseTheSameAttributeName() {
            LabelCategoryConfig config = v2020()
                    .label(LabelCategory.of("Car").withCategoryAttributes(choice("occluded", "yes", "no")))
                    .label(LabelCategory.of("Bike").withCategoryAttributes(choice("occluded", "yes", "no")))
                    .frameAttribute(choice("occluded", "yes", "no"))
                    .build();

            assertThat(config.validate()).isEmpty();
        }
    }
}
