package io.github.sagemakerlabeling.local.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.portal.BuiltInTaskUis;
import io.github.sagemakerlabeling.local.portal.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.RenderUiTemplateRequest;
import software.amazon.awssdk.services.sagemaker.model.RenderUiTemplateResponse;
import software.amazon.awssdk.services.sagemaker.model.RenderingError;

/**
 * RenderUiTemplate: previews a worker task template (or a built-in task UI by its {@code HumanTaskUiArn}) with a
 * sample task input, as the worker portal renders it. Template errors come back in {@code Errors} with an empty
 * {@code RenderedContent}, as the service reports them; a request that breaks the API's rules is a
 * ValidationException.
 */
public final class RenderUiTemplateHandler {

    /** The model's limit on {@code UiTemplate.Content} and {@code Task.Input}. */
    private static final int MAX_CONTENT = 128_000;

    private final TemplateRenderer renderer;

    /** @param renderer the portal's Liquid renderer */
    public RenderUiTemplateHandler(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** Renders the request's template with its task input. */
    public RenderUiTemplateResponse render(RenderUiTemplateRequest request) {
        Optional<String> content = Optional.ofNullable(request.uiTemplate()).map(t -> t.content());
        Optional<String> humanTaskUiArn = Optional.ofNullable(request.humanTaskUiArn());
        String input = request.task() == null ? null : request.task().input();
        validate(request, content, humanTaskUiArn, input);
        JsonNode taskInput;
        try {
            taskInput = Json.read(input);
        } catch (JsonProcessingException e) {
            return failed("TaskInputError", "Task.Input is not JSON: " + e.getOriginalMessage());
        }
        Optional<String> template = content.or(() -> humanTaskUiArn.flatMap(BuiltInTaskUis::template));
        if (template.isEmpty()) {
            return failed("HumanTaskUiNotFound", "Local Ground Truth has no built-in task UI "
                    + humanTaskUiArn.orElse("") + "; it has " + BuiltInTaskUis.names());
        }
        TemplateRenderer.Rendered rendered = renderer.render(template.get(), taskInput);
        return RenderUiTemplateResponse.builder().renderedContent(rendered.html())
                .errors(rendered.errors().stream().map(e -> RenderingError.builder().code(e.code())
                        .message(e.message()).build()).toList())
                .build();
    }

    private static RenderUiTemplateResponse failed(String code, String message) {
        return RenderUiTemplateResponse.builder().renderedContent("")
                .errors(RenderingError.builder().code(code).message(message).build()).build();
    }

    private static void validate(RenderUiTemplateRequest request, Optional<String> content,
                                 Optional<String> humanTaskUiArn, String input) {
        List<String> errors = new ArrayList<>();
        if (request.task() == null) {
            errors.add("Value null at 'task' failed to satisfy constraint: Member must not be null");
        } else if (input == null) {
            errors.add("Value null at 'task.input' failed to satisfy constraint: Member must not be null");
        } else if (input.length() > MAX_CONTENT) {
            errors.add("Value at 'task.input' failed to satisfy constraint: Member must have length less than or "
                    + "equal to " + MAX_CONTENT);
        }
        if (request.roleArn() == null) {
            errors.add("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        }
        if (request.uiTemplate() != null && content.isEmpty()) {
            errors.add("Value null at 'uiTemplate.content' failed to satisfy constraint: Member must not be null");
        } else if (content.isPresent() && content.get().length() > MAX_CONTENT) {
            errors.add("Value at 'uiTemplate.content' failed to satisfy constraint: Member must have length less than "
                    + "or equal to " + MAX_CONTENT);
        }
        if (!errors.isEmpty()) {
            throw new SageMakerApiException(SageMakerApiException.VALIDATION, errors.size() + " validation error"
                    + (errors.size() == 1 ? "" : "s") + " detected: " + String.join("; ", errors));
        }
        if (request.uiTemplate() == null && humanTaskUiArn.isEmpty()) {
            throw new SageMakerApiException(SageMakerApiException.VALIDATION,
                    "Provide either UiTemplate or HumanTaskUiArn");
        }
        if (request.uiTemplate() != null && humanTaskUiArn.isPresent()) {
            throw new SageMakerApiException(SageMakerApiException.VALIDATION,
                    "Provide either UiTemplate or HumanTaskUiArn, not both");
        }
    }
}
