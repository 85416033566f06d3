/**
 * JUnit 5 support for Local Ground Truth: {@link io.github.sagemakerlabeling.local.junit.LocalGroundTruthTest} and
 * {@link io.github.sagemakerlabeling.local.junit.LocalGroundTruthExtension} run tests on one stack per test JVM,
 * reset between tests, with AWS SDK clients injected; {@link
 * io.github.sagemakerlabeling.local.junit.LocalGroundTruthProperties} names the system properties that carry its
 * endpoints.
 *
 * <p>JUnit Jupiter is an optional dependency of this module: it is on the classpath of any test that uses it.
 */
package io.github.sagemakerlabeling.local.junit;
