package io.github.sagemakerlabeling.core.tasktype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The region table of reference §5.2 and the workforce ARNs of §6. */
class GroundTruthRegionsTest {

    @Test
    void supportsExactlyTheTwelveDocumentedRegionsInOrder() {
        assertThat(GroundTruthRegions.supportedRegions()).containsExactly(
                "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
                "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2",
                "us-east-1", "us-east-2", "us-west-2");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            us-east-1,      432418664414
            us-east-2,      266458841044
            us-west-2,      081040173940
            ca-central-1,   918755190332
            eu-west-1,      568282634449
            eu-west-2,      487402164563
            eu-central-1,   203001061592
            ap-northeast-1, 477331159723
            ap-northeast-2, 845288260483
            ap-south-1,     565803892007
            ap-southeast-1, 377565633583
            ap-southeast-2, 454466003867
            """)
    void lambdaAccountPerRegion(String region, String account) {
        assertThat(GroundTruthRegions.isSupported(region)).isTrue();
        assertThat(GroundTruthRegions.lambdaAccount(region)).isEqualTo(account);
    }

    @Test
    void euCentral1UsesItsOwnAccountNotTheOneUsersOftenCopy() {
        assertThat(GroundTruthRegions.lambdaAccount("eu-central-1"))
                .isEqualTo("203001061592")
                .isNotEqualTo("326177286064");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"us-west-1", "eu-north-1", "sa-east-1", "US-EAST-1", " us-east-1", "useast1"})
    void unsupportedRegionIsAViolationListingTheSupportedOnes(String region) {
        assertThat(GroundTruthRegions.isSupported(region)).isFalse();

        LabelingValidationException error =
                catchThrowableOfType(LabelingValidationException.class, () -> GroundTruthRegions.lambdaAccount(region));

        assertThat(error).isNotNull();
        assertThat(error.violations()).hasSize(1);
        Violation violation = error.violations().get(0);
        assertThat(violation.field()).isEqualTo("region");
        assertThat(violation.value()).isEqualTo(region);
        assertThat(violation.rule()).contains(GroundTruthRegions.supportedRegions());
    }

    @Test
    void publicWorkforceArnUsesTheHumanTaskUiAccount() {
        assertThat(GroundTruthRegions.publicWorkforceArn("us-east-2"))
                .isEqualTo("arn:aws:sagemaker:us-east-2:394669845002:workteam/public-crowd/default");
        assertThat(GroundTruthRegions.HUMAN_TASK_UI_ACCOUNT).isEqualTo("394669845002");
    }

    @Test
    void publicWorkforceArnRejectsUnsupportedRegion() {
        assertThatThrownBy(() -> GroundTruthRegions.publicWorkforceArn("us-west-1"))
                .isInstanceOf(LabelingValidationException.class)
                .hasMessageContaining("region")
                .hasMessageContaining("us-west-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default",
            "arn:aws:sagemaker:eu-central-1:394669845002:workteam/public-crowd/default"})
    void detectsThePublicWorkforce(String arn) {
        assertThat(GroundTruthRegions.isPublicWorkforce(arn)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "arn:aws:sagemaker:us-east-2:111122223333:workteam/private-crowd/Sample-labeling-team",
            "arn:aws:sagemaker:us-east-1:111122223333:workteam/vendor-crowd/some-vendor",
            "arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/public-crowd",
            "arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/",
            "workteam/public-crowd/default"})
    void privateAndVendorTeamsAreNotPublic(String arn) {
        assertThat(GroundTruthRegions.isPublicWorkforce(arn)).isFalse();
    }
}
