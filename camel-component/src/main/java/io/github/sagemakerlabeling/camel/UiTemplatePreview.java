package io.github.sagemakerlabeling.camel;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.camel.job.DefaultUiTemplates;
import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;
import org.apache.camel.support.ResourceHelper;
import software.amazon.awssdk.services.sagemaker.model.RenderUiTemplateRequest;
import software.amazon.awssdk.services.sagemaker.model.RenderUiTemplateResponse;

/**
 * The {@code renderUiTemplate} operation: renders a worker task template with a sample task input through SageMaker's
 * {@code RenderUiTemplate}, so a route can preview a template before a job uses it. The task input is the
 * {@code CamelSageMakerLabelingTaskInput} header, else the body (JSON text, or a map, list or JSON tree written as
 * JSON); the template is the {@code CamelSageMakerLabelingUiTemplate} header (the template itself, or a
 * {@code HumanTaskUiArn}), else the {@code uiTemplate} option (an ARN, an {@code s3://} URI, or a {@code classpath:}
 * or {@code file:} resource), else the task type's default template. The body becomes the rendered HTML, and
 * AWS's {@code Errors} list goes in the {@code CamelSageMakerLabelingRenderingErrors} header (empty when it rendered).
 */
final class UiTemplatePreview {

    private final SageMakerLabelingEndpoint endpoint;

    UiTemplatePreview(SageMakerLabelingEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void render(Message message) {
        SageMakerLabelingConfiguration options = endpoint.getConfiguration();
        List<Violation> violations = new ArrayList<>();
        String input = taskInput(message);
        if (input == null || input.isBlank()) {
            violations.add(new Violation("body", input, "must hold the task input (JSON) to render the template"
                    + " with, or set the " + SageMakerLabelingConstants.TASK_INPUT + " header"));
        }
        if (options.getRoleArn() == null) {
            violations.add(new Violation("roleArn", null, "is required by RenderUiTemplate: the role that may read"
                    + " the objects the template grants access to"));
        }
        String header = message.getHeader(SageMakerLabelingConstants.UI_TEMPLATE, String.class);
        String template = header != null ? header : options.getUiTemplate();
        if (template == null && options.getTaskType() == null) {
            violations.add(new Violation("uiTemplate", null, "names no template to render: set the option, the "
                    + SageMakerLabelingConstants.UI_TEMPLATE + " header, or taskType for its default template"));
        }
        if (!violations.isEmpty()) {
            throw new LabelingValidationException("renderUiTemplate", violations);
        }
        RenderUiTemplateRequest.Builder request = RenderUiTemplateRequest.builder().roleArn(options.getRoleArn())
                .task(task -> task.input(input));
        if (template != null && template.startsWith("arn:")) {
            request.humanTaskUiArn(template);
        } else {
            String content = header != null ? header
                    : template != null ? read(template) : defaultTemplate(options.getTaskType());
            request.uiTemplate(ui -> ui.content(content));
        }
        RenderUiTemplateResponse rendered = endpoint.sageMaker().renderUiTemplate(request.build());
        message.setHeader(SageMakerLabelingConstants.RENDERING_ERRORS, rendered.errors());
        message.setBody(rendered.renderedContent());
    }

    private static String taskInput(Message message) {
        Object input = message.getHeader(SageMakerLabelingConstants.TASK_INPUT);
        if (input == null) {
            input = message.getBody();
        }
        if (input instanceof Map<?, ?> || input instanceof Collection<?> || input instanceof JsonNode) {
            return Json.write(input);
        }
        return input == null ? null : message.getExchange().getContext().getTypeConverter().convertTo(String.class,
                message.getExchange(), input);
    }

    private String defaultTemplate(String taskTypeName) {
        TaskType taskType = TaskType.fromName(taskTypeName);
        String resource = DefaultUiTemplates.resource(taskType);
        try (InputStream in = UiTemplatePreview.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LabelingValidationException("renderUiTemplate", new Violation("uiTemplate", null,
                        taskType.displayName() + " has no default template here: set the uiTemplate option or the "
                                + SageMakerLabelingConstants.UI_TEMPLATE + " header"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The uiTemplate option's file: from S3 for an s3:// URI, else a Camel resource (classpath:, file:, ...). */
    private String read(String uri) {
        if (uri.startsWith("s3://")) {
            S3Uri location = S3Uri.parse(uri);
            return endpoint.s3().getObjectAsBytes(get -> get.bucket(location.bucket()).key(location.key()))
                    .asUtf8String();
        }
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(endpoint.getCamelContext(), uri)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabelingValidationException("renderUiTemplate", new Violation("uiTemplate", uri,
                    "names no readable file (" + e.getMessage() + "): use classpath:, file: or an s3:// URI"));
        }
    }
}
