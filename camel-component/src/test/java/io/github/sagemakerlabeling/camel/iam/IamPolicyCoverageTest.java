package io.github.sagemakerlabeling.camel.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConstants;
import io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Issue 11, item 10: the shipped least-privilege policy ({@code docs/iam/component-policy.json}) allows every AWS
 * operation the component called in this test JVM. {@link AwsOperationRecorder} refuses a call outside the policy
 * where it happens; this class runs last ({@code junit-platform.properties} orders classes by {@link Order}) and
 * checks that none was refused, even by a test that expected some failure, and writes what was called to
 * {@code target/aws-operations.txt}.
 */
@Order(Integer.MAX_VALUE)
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
class IamPolicyCoverageTest extends CamelTestSupport {

    @RegisterExtension
    static final LocalGroundTruthExtension LOCAL = LocalGroundTruthExtension.shared();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String region = LOCAL.groundTruth().region();
        String topic = "arn:aws:sns:" + region + ":" + LOCAL.groundTruth().accountId() + ":GroundTruth-iam-in";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:iam?inputTopic=" + topic + "&region=" + region
                        + "&accessKey=test&secretKey=test&overrideEndpoint=true&uriEndpointOverride="
                        + LOCAL.groundTruth().snsEndpoint());
            }
        };
    }

    @Test
    void theRecorderSeesTheComponentsCallsButNotTheTestsOwn(SnsClient sns) {
        sns.createTopic(b -> b.name("GroundTruth-iam-in"));
        sns.listSubscriptions(); // an operation the component never calls

        Exchange sent = template.request("direct:send", e -> e.getMessage().setBody("a text for the policy check"));

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(SageMakerLabelingConstants.MESSAGE_ID, String.class)).isNotBlank();
        assertThat(AwsOperationRecorder.recorded()).containsEntry("sns:Publish", "Sns.Publish")
                .as("the test's own calls are not the component's").doesNotContainKey("sns:ListSubscriptions");
    }

    @Test
    void thePolicyAllowsEveryOperationTheComponentCalledInThisTestRun() throws IOException {
        Files.writeString(Path.of("target", "aws-operations.txt"), AwsOperationRecorder.recorded().entrySet().stream()
                .map(call -> call.getKey() + " (" + call.getValue() + ")").collect(Collectors.joining("\n", "", "\n")));

        assertThat(AwsOperationRecorder.refused()).as("calls refused for want of their action in the policy")
                .isEmpty();
    }

    @Test
    void thePolicyAllowsNoMoreThanItLists() {
        IamPolicy policy = IamPolicy.shipped();

        assertThat(policy.allows("sns:Publish")).isTrue();
        assertThat(policy.allows("sns:DeleteTopic")).isFalse();
        assertThat(policy.allows("sqs:DeleteQueue")).isFalse();
        assertThat(policy.allows("s3:ListBucket")).as("uploads need no ListBucket").isFalse();
        assertThat(policy.allows("sagemaker:DeleteWorkteam")).isFalse();
    }
}
