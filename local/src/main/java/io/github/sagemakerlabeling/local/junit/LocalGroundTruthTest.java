package io.github.sagemakerlabeling.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs the annotated test class on the JVM-wide Local Ground Truth stack, reset before each test, with
 * {@code LocalGroundTruth}, {@code SageMakerClient}, {@code SnsClient}, {@code SqsClient} and {@code S3Client}
 * parameters injected. Takes the {@link LocalGroundTruthExtension#SHARED_STACK_LOCK} resource lock, so under parallel
 * execution such classes never run at the same time.
 *
 * <pre>{@code
 * @LocalGroundTruthTest
 * class LabelingRouteTest {
 *     @Test
 *     void createsTheInputTopic(SnsClient sns) {
 *         sns.createTopic(b -> b.name("GroundTruth-in"));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>For other workers, engine timings or a stack of the class's own, register {@link LocalGroundTruthExtension}
 * in a static field instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalGroundTruthExtension.class)
@ResourceLock(LocalGroundTruthExtension.SHARED_STACK_LOCK)
public @interface LocalGroundTruthTest {
}
