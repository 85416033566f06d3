package io.github.sagemakerlabeling.examples.quarkus;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same test against the packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar}, default profile, as
 * it would run against AWS) in a process of its own: it catches what only the production classpath lacks.
 */
@QuarkusIntegrationTest
@WithTestResource(LabelingDirectoriesResource.class)
class LabelingAppIT extends LabelingAppTest {
}
