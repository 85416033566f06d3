package io.github.sagemakerlabeling.camel.job;

import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;

/** Reads the files job options name ({@code classpath:}, {@code file:} or any other Camel resource URI). */
final class JobResources {

    private final CamelContext context;

    JobResources(CamelContext context) {
        this.context = context;
    }

    /** Whether an option value names a file to upload rather than an S3 or HTTPS location to use as it is. */
    static boolean isResource(String value) {
        return !value.startsWith("s3://") && !value.startsWith("https://");
    }

    byte[] read(String uri) throws IOException {
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, uri)) {
            return in.readAllBytes();
        }
    }
}
