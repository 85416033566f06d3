package io.github.sagemakerlabeling.local.sagemaker.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The excerpt of SageMaker's service model that requests are validated against: the input shapes of the operations
 * Local Ground Truth serves, as botocore's {@code sagemaker/2017-07-24/service-2.json} defines them. The excerpt is
 * written by {@code local/src/build/sagemaker-model-excerpt.py}, never by hand; its {@code origin} names the botocore
 * version and licence.
 */
final class ServiceModel {

    private static final String RESOURCE = "sagemaker-model-excerpt.json";
    private static final ServiceModel SAGEMAKER = load();

    private final JsonNode model;

    private ServiceModel(JsonNode model) {
        this.model = model;
    }

    /** The SageMaker excerpt, read once. */
    static ServiceModel sageMaker() {
        return SAGEMAKER;
    }

    /** The input shape of an operation, when the excerpt has it. */
    Optional<String> inputShape(String operation) {
        return Optional.ofNullable(model.path("operations").path(operation).path("input").textValue());
    }

    /** A shape by name. */
    JsonNode shape(String name) {
        JsonNode shape = model.path("shapes").get(name);
        if (shape == null) {
            throw new IllegalStateException("The SageMaker model excerpt has no shape " + name);
        }
        return shape;
    }

    private static ServiceModel load() {
        try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing");
            }
            return new ServiceModel(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
