package io.github.sagemakerlabeling.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LabelEnumsTest {

    @Test
    void documentVersionsHaveTheirOwnKeys() {
        assertThat(DocumentVersion.V2018_11_28.value()).isEqualTo("2018-11-28");
        assertThat(DocumentVersion.V2018_11_28.jsonKey()).isEqualTo("document-version");
        assertThat(DocumentVersion.V2020_03_01.value()).isEqualTo("2020-03-01");
        assertThat(DocumentVersion.V2020_03_01.jsonKey()).isEqualTo("documentVersion");
    }

    @ParameterizedTest
    @EnumSource(DocumentVersion.class)
    void documentVersionFromItsValue(DocumentVersion version) {
        assertThat(DocumentVersion.fromValue(version.value())).isSameAs(version);
    }

    @Test
    void unknownDocumentVersionNamesTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> DocumentVersion.fromValue("2019-01-01")).withMessage(
                "unknown label category configuration version '2019-01-01'; expected one of \"2018-11-28\", \"2020-03-01\"");
    }

    @Test
    void wireValuesAreExact() {
        assertThat(EditsAllowed.NONE.value()).isEqualTo("none");
        assertThat(EditsAllowed.ANY.value()).isEqualTo("any");
        assertThat(AttributeType.STRING.value()).isEqualTo("string");
        assertThat(AttributeType.NUMBER.value()).isEqualTo("number");
        assertThat(AnnotationType.values()).extracting(AnnotationType::value)
                .containsExactly("BoundingBox", "Polyline", "Polygon", "Keypoint");
    }

    @ParameterizedTest
    @EnumSource(EditsAllowed.class)
    void editsAllowedFromItsValue(EditsAllowed value) {
        assertThat(EditsAllowed.fromValue(value.value())).isSameAs(value);
    }

    @ParameterizedTest
    @EnumSource(AttributeType.class)
    void attributeTypeFromItsValue(AttributeType value) {
        assertThat(AttributeType.fromValue(value.value())).isSameAs(value);
    }

    @ParameterizedTest
    @EnumSource(AnnotationType.class)
    void annotationTypeFromItsValue(AnnotationType value) {
        assertThat(AnnotationType.fromValue(value.value())).isSameAs(value);
    }

    @Test
    void lookupsAreCaseSensitive() {
        assertThatIllegalArgumentException().isThrownBy(() -> EditsAllowed.fromValue("ANY"))
                .withMessage("unknown editsAllowed value 'ANY'; expected one of \"none\", \"any\"");
        assertThatIllegalArgumentException().isThrownBy(() -> AttributeType.fromValue("String"));
        assertThatIllegalArgumentException().isThrownBy(() -> AnnotationType.fromValue("boundingbox"));
    }
}
