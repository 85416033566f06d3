package io.github.sagemakerlabeling.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

/** Credentials given as endpoint options never show in what Camel logs about the endpoint. */
class SecretOptionsTest {

    private static final String ACCESS_KEY = "AKIAEXAMPLEACCESS01";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";

    @Test
    void credentialsAreMaskedInTheEndpointAndItsUri() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            String uri = "sagemaker-labeling:reviews?region=us-east-1&accessKey=" + ACCESS_KEY + "&secretKey=RAW("
                    + SECRET_KEY + ")&sessionToken=" + SESSION_TOKEN + "&useSessionCredentials=true";
            SageMakerLabelingEndpoint endpoint = context.getEndpoint(uri, SageMakerLabelingEndpoint.class);

            assertThat(endpoint.getConfiguration().getSecretKey()).isEqualTo(SECRET_KEY);
            assertThat(endpoint.getConfiguration().getSessionToken()).isEqualTo(SESSION_TOKEN);
            for (String shown : new String[] { endpoint.toString(), URISupport.sanitizeUri(endpoint.getEndpointUri()) }) {
                assertThat(shown).doesNotContain(ACCESS_KEY).doesNotContain(SECRET_KEY).doesNotContain(SESSION_TOKEN);
            }
            assertThat(endpoint.toString()).contains("sagemaker-labeling://reviews").contains("xxxxxx");
        }
    }

    /**
     * Camel masks an option in URIs, logs and dev consoles when its catalog entry says it is secret; the credentials
     * must say so both as component and as endpoint options.
     */
    @Test
    void credentialOptionsAreSecretInTheCatalog() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/io/github/sagemakerlabeling/camel/sagemaker-labeling.json")) {
            catalog = new ObjectMapper().readTree(in);
        }

        for (String kind : new String[] {"componentProperties", "properties"}) {
            for (String option : new String[] {"accessKey", "secretKey", "sessionToken"}) {
                assertThat(catalog.path(kind).path(option).path("secret").asBoolean()).as(kind + "." + option)
                        .isTrue();
            }
        }
    }
}
