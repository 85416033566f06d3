package io.github.sagemakerlabeling.camel.producer;

import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.UPLOAD_EXISTED;
import static io.github.sagemakerlabeling.camel.SageMakerLabelingConstants.UPLOAD_URI;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerlabeling.local.LocalAwsClients;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * Issue 11, item 10: uploads by an app without {@code s3:ListBucket}. AWS then answers HeadObject on a missing key
 * with 403 rather than 404; the component's S3 client here sees S3 as such an app would (its 404s become 403s).
 */
class LeastPrivilegeUploadTest extends ProducerTestSupport {

    private static final AtomicInteger FORBIDDEN_HEADS = new AtomicInteger();
    private static S3Client withoutListBucket;

    @BeforeAll
    static void s3ClientWithoutListBucket() {
        withoutListBucket = LocalAwsClients.configure(S3Client.builder(), LOCAL.groundTruth().s3Endpoint(),
                        LOCAL.groundTruth().region())
                .forcePathStyle(true)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
                                                              ExecutionAttributes attributes) {
                        if (context.request() instanceof HeadObjectRequest
                                && context.httpResponse().statusCode() == 404) {
                            FORBIDDEN_HEADS.incrementAndGet();
                            return context.httpResponse().toBuilder().statusCode(403).statusText("Forbidden").build();
                        }
                        return context.httpResponse();
                    }
                }))
                .build();
    }

    @AfterAll
    static void closeS3Client() {
        withoutListBucket.close();
    }

    @Override
    S3Client s3Client() {
        return withoutListBucket;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("sagemaker-labeling:images?uploadBucket=labeling&uploadPrefix=input/");
            }
        };
    }

    @Test
    void theFirstUploadOfNewBytesSucceedsWhenHeadObjectAnswers403() {
        LabelingJobFixture job = startJob("images");
        byte[] image = "bytes no one uploaded before".getBytes(StandardCharsets.UTF_8);

        Exchange first = template.request("direct:send", e -> e.getMessage().setBody(image));
        Exchange again = template.request("direct:send", e -> e.getMessage().setBody(image));

        assertThat(first.getException()).isNull();
        assertThat(FORBIDDEN_HEADS).as("HeadObject answered 403 for the missing key").hasPositiveValue();
        assertThat(first.getMessage().getHeader(UPLOAD_EXISTED, Boolean.class)).isFalse();
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(UPLOAD_EXISTED, Boolean.class)).as("found by HeadObject").isTrue();
        String uri = first.getMessage().getHeader(UPLOAD_URI, String.class);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("labeling").key(uri.substring("s3://labeling/".length())))
                .asByteArray()).isEqualTo(image);
        assertThat(job.awaitLabeledExactly(1)).extracting(result -> result.sourceRef().orElseThrow())
                .containsExactly(uri);
    }
}
