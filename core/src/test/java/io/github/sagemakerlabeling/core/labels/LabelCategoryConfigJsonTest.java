package io.github.sagemakerlabeling.core.labels;

import static io.github.sagemakerlabeling.core.labels.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelCategoryConfigJsonTest {

    @Nested
    class ReferenceExamples {

        @ParameterizedTest
        @ValueSource(strings = {Fixtures.BASIC_2018, Fixtures.NER_2018, Fixtures.ADJUSTMENT_2020})
        void surviveReadWriteRead(String fixture) throws Exception {
            String original = Fixtures.read(fixture);

            LabelCategoryConfig config = LabelCategoryConfig.fromJson(original);
            String written = config.toJson();

            assertThat(LabelCategoryConfig.fromJson(written)).isEqualTo(config);
            assertThat(Json.read(written)).as("same keys, same values").isEqualTo(Json.read(original));
        }

        @ParameterizedTest
        @ValueSource(strings = {Fixtures.BASIC_2018, Fixtures.NER_2018, Fixtures.ADJUSTMENT_2020})
        void areModelledNotMerelyCarried(String fixture) {
            LabelCategoryConfig config = LabelCategoryConfig.fromJson(Fixtures.read(fixture));

            assertThat(config.unknownFields()).isEmpty();
            assertThat(config.labels()).allSatisfy(label -> assertThat(label.unknownFields()).isEmpty());
            config.instructions().ifPresent(instructions -> assertThat(instructions.unknownFields()).isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {Fixtures.BASIC_2018, Fixtures.NER_2018, Fixtures.ADJUSTMENT_2020})
        void areValid(String fixture) {
            assertThat(LabelCategoryConfig.fromJson(Fixtures.read(fixture)).validate()).isEmpty();
        }

        @Test
        void basic2018() {
            LabelCategoryConfig config = LabelCategoryConfig.fromJson(Fixtures.read(Fixtures.BASIC_2018));

            assertThat(config.documentVersion()).isEqualTo(DocumentVersion.V2018_11_28);
            assertThat(config.labelNames()).containsExactly("label_1", "label_2");
            assertThat(config.instructions()).isEmpty();
            assertThat(config).isEqualTo(LabelCategoryConfig.of("label_1", "label_2"));
            assertThat(config.toJson())
                    .isEqualTo("{\"document-version\":\"2018-11-28\",\"labels\":[{\"label\":\"label_1\"},{\"label\":\"label_2\"}]}");
        }

        @Test
        void namedEntityRecognition2018() {
            LabelCategoryConfig config = LabelCategoryConfig.fromJson(Fixtures.read(Fixtures.NER_2018));

            assertThat(config.documentVersion()).isEqualTo(DocumentVersion.V2018_11_28);
            assertThat(config.labels()).containsExactly(LabelCategory.of("label1", "L1"), LabelCategory.of("label2", "L2"));
            assertThat(config.instructions()).contains(new Instructions(
                    "<h1>Add header</h1><p>Add Instructions</p>", "<p>Add additional instructions.</p>"));
            assertThat(config.toJson()).startsWith("{\"document-version\":\"2018-11-28\",")
                    .contains("\"shortDisplayName\":\"L1\"", "\"shortInstruction\":", "\"fullInstruction\":")
                    .doesNotContain("documentVersion");
        }

        @Test
        void adjustment2020() {
            LabelCategoryConfig config = LabelCategoryConfig.fromJson(Fixtures.read(Fixtures.ADJUSTMENT_2020));

            assertThat(config.documentVersion()).isEqualTo(DocumentVersion.V2020_03_01);
            assertThat(config.labels()).containsExactly(
                    LabelCategory.of("Car").withEditsAllowed(EditsAllowed.ANY), LabelCategory.of("Pedestrian"));
            assertThat(config.instructions()).contains(new Instructions("Draw a tight Cuboid", "<html markup>"));
            assertThat(config.auditLabelAttributeName()).contains("myPrevJobLabelAttributeName");
            assertThat(config.toJson()).startsWith("{\"documentVersion\":\"2020-03-01\",")
                    .contains("\"editsAllowed\":\"any\"", "\"auditLabelAttributeName\":\"myPrevJobLabelAttributeName\"")
                    .doesNotContain("document-version");
        }
    }

    @Nested
    class Writer {

        @Test
        void writesPlainLabelsCompactly() {
            assertThat(LabelCategoryConfig.of("a", "b").toJson())
                    .isEqualTo("{\"document-version\":\"2018-11-28\",\"labels\":[{\"label\":\"a\"},{\"label\":\"b\"}]}");
        }

        @Test
        void writesAnEmptyLabelListBecauseLabelsIsRequired() {
            assertThat(LabelCategoryConfig.of().toJson()).isEqualTo("{\"document-version\":\"2018-11-28\",\"labels\":[]}");
        }

        @Test
        void writesEvery2020FieldWithAwsKeyNames() {
            LabelCategoryConfig config = LabelCategoryConfig.builder(DocumentVersion.V2020_03_01)
                    .label(LabelCategory.of("Car").withEditsAllowed(EditsAllowed.NONE).withCategoryAttributes(
                            LabelAttribute.builder("X", AttributeType.NUMBER).description("enter a number")
                                    .minimum(0).maximum(9).editsAllowed(EditsAllowed.ANY).isRequired(true).build()))
                    .categoryGlobalAttribute(LabelAttribute.builder("W", AttributeType.STRING).enumValues("foo", "bar").build())
                    .frameAttribute(LabelAttribute.builder("weather", AttributeType.STRING).description("the sky").build())
                    .annotationType(AnnotationType.POLYLINE)
                    .instructions("short", "full")
                    .auditLabelAttributeName("previous-job")
                    .build();

            String expected = json("{'documentVersion':'2020-03-01',"
                    + "'labels':[{'label':'Car','editsAllowed':'none','categoryAttributes':[{'name':'X',"
                    + "'description':'enter a number','type':'number','minimum':0,'maximum':9,'editsAllowed':'any',"
                    + "'isRequired':true}]}],"
                    + "'categoryGlobalAttributes':[{'name':'W','type':'string','enum':['foo','bar']}],"
                    + "'frameAttributes':[{'name':'weather','description':'the sky','type':'string'}],"
                    + "'annotationType':'Polyline',"
                    + "'instructions':{'shortInstruction':'short','fullInstruction':'full'},"
                    + "'auditLabelAttributeName':'previous-job'}");
            assertThat(config.toJson()).isEqualTo(expected);
            assertThat(LabelCategoryConfig.fromJson(expected)).isEqualTo(config);
        }

        @Test
        void leavesOutAbsentInstructionTexts() {
            LabelCategoryConfig config = LabelCategoryConfig.builder(DocumentVersion.V2018_11_28)
                    .label("a").instructions("only short", null).build();

            assertThat(config.toJson()).isEqualTo(json(
                    "{'document-version':'2018-11-28','labels':[{'label':'a'}],'instructions':{'shortInstruction':'only short'}}"));
        }
    }

    @Nested
    class UnknownKeys {

        private final String document = json("{'document-version':'2018-11-28','x-top':{'a':[1,2]},"
                + "'labels':[{'label':'a','x-label':true}],"
                + "'frameAttributes':[{'name':'f','type':'string','x-attribute':1.5}],"
                + "'instructions':{'shortInstruction':'s','x-instructions':null}}");

        @Test
        void areKeptAtEveryLevelAndWrittenBack() throws Exception {
            LabelCategoryConfig config = LabelCategoryConfig.fromJson(document);

            assertThat(config.unknownFields()).containsOnlyKeys("x-top");
            assertThat(config.labels().get(0).unknownFields()).containsOnlyKeys("x-label");
            assertThat(config.frameAttributes().get(0).unknownFields()).containsOnlyKeys("x-attribute");
            assertThat(config.instructions().orElseThrow().unknownFields()).containsOnlyKeys("x-instructions");
            assertThat(Json.read(config.toJson())).isEqualTo(Json.read(document));
        }

        @Test
        void areWrittenAfterTheKnownKeys() {
            String written = LabelCategoryConfig.fromJson(document).toJson();

            assertThat(written).startsWith(json("{'document-version':'2018-11-28','labels':[{'label':'a','x-label':true}]"))
                    .endsWith(json(",'x-top':{'a':[1,2]}}"));
        }

        @Test
        void cannotBeChangedThroughTheAccessor() {
            LabelCategoryConfig config = LabelCategoryConfig.fromJson(document);

            ((ObjectNode) config.unknownFields().get("x-top")).put("b", 2);

            assertThat(config.unknownFields().get("x-top")).isEqualTo(Json.mapper().createObjectNode()
                    .set("a", Json.mapper().createArrayNode().add(1).add(2)));
        }

        @Test
        void treatANullKnownKeyAsAbsent() {
            LabelCategoryConfig config = LabelCategoryConfig.fromJson(
                    json("{'document-version':'2018-11-28','labels':[{'label':'a','shortDisplayName':null}],'instructions':null}"));

            assertThat(config.labels()).containsExactly(LabelCategory.of("a"));
            assertThat(config.instructions()).isEmpty();
        }
    }

    @Nested
    class Reader {

        @Test
        void acceptsWholeNumbersWrittenWithAFraction() {
            LabelCategoryConfig config = LabelCategoryConfig.fromJson(json("{'documentVersion':'2020-03-01',"
                    + "'labels':[{'label':'a'}],'frameAttributes':[{'name':'n','type':'number','minimum':1.0,'maximum':-3}]}"));

            LabelAttribute attribute = config.frameAttributes().get(0);
            assertThat(attribute.minimum()).isEqualTo(OptionalLong.of(1));
            assertThat(attribute.maximum()).isEqualTo(OptionalLong.of(-3));
        }

        @Test
        void readsEveryAttributeMember() {
            LabelCategoryConfig config = LabelCategoryConfig.fromJson(json("{'documentVersion':'2020-03-01',"
                    + "'labels':[{'label':'a'}],'categoryGlobalAttributes':[{'name':'s','type':'string','enum':['x','y'],"
                    + "'description':'d','editsAllowed':'none','isRequired':false}],'annotationType':'Keypoint'}"));

            assertThat(config.categoryGlobalAttributes()).containsExactly(new LabelAttribute("s", AttributeType.STRING,
                    List.of("x", "y"), Optional.of("d"), OptionalLong.empty(), OptionalLong.empty(),
                    Optional.of(EditsAllowed.NONE), Optional.of(false), Map.of()));
            assertThat(config.annotationType()).contains(AnnotationType.KEYPOINT);
        }

        @Test
        void rejectsMalformedJsonNamingWhere() {
            LabelingValidationException e = catchThrowableOfType(LabelingValidationException.class,
                    () -> LabelCategoryConfig.fromJson("{\"document-version\": \"2018-11-28\", \"labels\": [}"));

            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("document");
                assertThat(v.rule()).startsWith("is not valid JSON: ").contains("line 1, column 47");
            });
            assertThat(e).hasMessageStartingWith("Label category configuration is invalid: document = ");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{} {}", "{\"labels\": [] ", "'labels'"})
        void rejectsAnythingButExactlyOneJsonValue(String text) {
            assertThatThrownBy(() -> LabelCategoryConfig.fromJson(text))
                    .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                            .singleElement().satisfies(v -> assertThat(v.rule()).startsWith("is not valid JSON: ")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "[]", "\"labels\"", "null", "42"})
        void rejectsAnythingButAnObject(String text) {
            assertThatThrownBy(() -> LabelCategoryConfig.fromJson(text))
                    .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                            .containsExactly(new Violation("document", text, "must be a JSON object")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.github.sagemakerlabeling.core.labels.LabelCategoryConfigJsonTest#structuralProblems")
        void rejectsWhatTheModelCannotHold(String document, List<Violation> expected) {
            assertThatThrownBy(() -> LabelCategoryConfig.fromJson(json(document)))
                    .isInstanceOfSatisfying(LabelingValidationException.class,
                            e -> assertThat(e.violations()).containsExactlyElementsOf(expected));
        }

        @Test
        void reportsEveryProblemAtOnce() {
            LabelingValidationException e = catchThrowableOfType(LabelingValidationException.class,
                    () -> LabelCategoryConfig.fromJson(json("{'document-version':'2019-01-01',"
                            + "'labels':[{'label':1},{'shortDisplayName':'x'}],'instructions':'read me'}")));

            assertThat(e.violations()).extracting(Violation::field)
                    .containsExactly("document-version", "labels[0].label", "labels[1].label", "instructions");
            assertThat(e).hasMessageStartingWith("Label category configuration is invalid (4 violations):");
        }
    }

    static Stream<Arguments> structuralProblems() {
        String versions = "use \"document-version\": \"2018-11-28\" or \"documentVersion\": \"2020-03-01\"";
        String v2020 = "'documentVersion':'2020-03-01','labels':[{'label':'a'}],";
        return Stream.of(
                problem("{'labels':[]}",
                        new Violation("document-version", null, "is required: " + versions)),
                problem("{'document-version':null,'labels':[]}",
                        new Violation("document-version", null, "is required: " + versions)),
                problem("{'document-version':'2019-01-01','labels':[]}",
                        new Violation("document-version", "2019-01-01", "is not a known version: " + versions)),
                problem("{'documentVersion':'2020-3-1','labels':[]}",
                        new Violation("documentVersion", "2020-3-1", "is not a known version: " + versions)),
                problem("{'document-version':'2020-03-01','labels':[]}",
                        new Violation("document-version", "2020-03-01",
                                "version 2020-03-01 is given under the key \"documentVersion\", not \"document-version\"")),
                problem("{'documentVersion':'2018-11-28','labels':[]}",
                        new Violation("documentVersion", "2018-11-28",
                                "version 2018-11-28 is given under the key \"document-version\", not \"documentVersion\"")),
                problem("{'document-version':'2018-11-28','documentVersion':'2020-03-01','labels':[]}",
                        new Violation("documentVersion", "2020-03-01",
                                "must not be given together with \"document-version\": a document has one version key")),
                problem("{'document-version':20181128,'labels':[]}",
                        new Violation("document-version", 20181128, "must be a string")),
                problem("{'document-version':'2018-11-28'}",
                        new Violation("labels", null, "is required")),
                problem("{'document-version':'2018-11-28','labels':{'label':'a'}}",
                        new Violation("labels", "{\"label\":\"a\"}", "must be an array of objects")),
                problem("{'document-version':'2018-11-28','labels':['a']}",
                        new Violation("labels[0]", "a", "must be an object")),
                problem("{'document-version':'2018-11-28','labels':[{'label':'a'},{'shortDisplayName':'B'}]}",
                        new Violation("labels[1].label", null, "is required")),
                problem("{'document-version':'2018-11-28','labels':[{'label':true}]}",
                        new Violation("labels[0].label", true, "must be a string")),
                problem("{'document-version':'2018-11-28','labels':[{'label':'a','shortDisplayName':['A']}]}",
                        new Violation("labels[0].shortDisplayName", "[\"A\"]", "must be a string")),
                problem("{'documentVersion':'2020-03-01','labels':[{'label':'a','editsAllowed':'some'}]}",
                        new Violation("labels[0].editsAllowed", "some", "must be one of \"none\", \"any\"")),
                problem("{'documentVersion':'2020-03-01','labels':[{'label':'a','editsAllowed':'Any'}]}",
                        new Violation("labels[0].editsAllowed", "Any", "must be one of \"none\", \"any\"")),
                problem("{'documentVersion':'2020-03-01','labels':[{'label':'a','categoryAttributes':[{'type':'string'}]}]}",
                        new Violation("labels[0].categoryAttributes[0].name", null, "is required")),
                problem("{" + v2020 + "'frameAttributes':[{'name':'f'}]}",
                        new Violation("frameAttributes[0].type", null, "is required")),
                problem("{" + v2020 + "'categoryGlobalAttributes':[{'name':'g','type':'boolean'}]}",
                        new Violation("categoryGlobalAttributes[0].type", "boolean", "must be one of \"string\", \"number\"")),
                problem("{" + v2020 + "'frameAttributes':'f'}",
                        new Violation("frameAttributes", "f", "must be an array of objects")),
                problem("{" + v2020 + "'frameAttributes':[{'name':'f','type':'string','enum':'x'}]}",
                        new Violation("frameAttributes[0].enum", "x", "must be an array of strings")),
                problem("{" + v2020 + "'frameAttributes':[{'name':'f','type':'string','enum':['x',2]}]}",
                        new Violation("frameAttributes[0].enum[1]", 2, "must be a string")),
                problem("{" + v2020 + "'frameAttributes':[{'name':'f','type':'number','minimum':1.5}]}",
                        new Violation("frameAttributes[0].minimum", new BigDecimal("1.5"), "must be a whole number")),
                problem("{" + v2020 + "'frameAttributes':[{'name':'f','type':'number','maximum':'9'}]}",
                        new Violation("frameAttributes[0].maximum", "9", "must be a whole number")),
                problem("{" + v2020 + "'frameAttributes':[{'name':'f','type':'number','maximum':1e30}]}",
                        new Violation("frameAttributes[0].maximum", new BigDecimal("1e30"),
                                "is out of range for a whole number")),
                problem("{" + v2020 + "'frameAttributes':[{'name':'f','type':'string','isRequired':'yes'}]}",
                        new Violation("frameAttributes[0].isRequired", "yes", "must be true or false")),
                problem("{" + v2020 + "'annotationType':'Box'}",
                        new Violation("annotationType", "Box",
                                "must be one of \"BoundingBox\", \"Polyline\", \"Polygon\", \"Keypoint\"")),
                problem("{" + v2020 + "'instructions':['read me']}",
                        new Violation("instructions", "[\"read me\"]", "must be an object")),
                problem("{" + v2020 + "'instructions':{'shortInstruction':1,'fullInstruction':'f'}}",
                        new Violation("instructions.shortInstruction", 1, "must be a string")),
                problem("{" + v2020 + "'auditLabelAttributeName':{}}",
                        new Violation("auditLabelAttributeName", "{}", "must be a string")));
    }

    private static Arguments problem(String document, Violation... expected) {
        return Arguments.of(document, List.of(expected));
    }
}
