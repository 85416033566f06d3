package io.github.sagemakerlabeling.local.portal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.workers.AnnotationTask;
import io.github.sagemakerlabeling.local.workers.PeopleJob;
import io.github.sagemakerlabeling.local.workers.TaskPool;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A task as a worker sees it: the job's UI template (from {@code UiTemplateS3Uri}, or the built-in UI of its
 * {@code HumanTaskUiArn}) rendered with the task's input, in the portal's frame. The template's
 * {@code https://assets.crowd.aws/crowd-html-elements.js} is answered by the portal's own implementation of the crowd
 * elements, so the template stays as it would be on AWS and nothing is loaded from the internet.
 */
final class TaskPage {

    static final String CROWD_ELEMENTS_URL = "https://assets.crowd.aws/crowd-html-elements.js";
    static final String LOCAL_CROWD_ELEMENTS = "/assets/crowd-html-elements.js";

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final TemplateRenderer renderer;
    /** Each job's template, read from S3 once: a job's tasks show the template it had when its first task did. */
    private final Map<PeopleJob, Optional<String>> templates = Collections.synchronizedMap(new WeakHashMap<>());

    TaskPage(S3Client s3, TemplateRenderer renderer) {
        this.s3 = s3;
        this.renderer = renderer;
    }

    /**
     * The task's input, {@code task.input} in the template: the data object's members, {@code taskObject} (its
     * text, or its {@code source-ref}) and {@code labels} (the job's label categories), as the built-in
     * pre-annotation Lambdas give them.
     */
    static ObjectNode taskInput(TaskPool.Assignment task) {
        AnnotationTask object = task.object();
        ObjectNode input = Json.mapper().createObjectNode();
        object.dataObject().attributes().forEach(input::set);
        input.put("taskObject", object.subject());
        ArrayNode labels = input.putArray("labels");
        task.job().labels().forEach(labels::add);
        return input;
    }

    String html(TaskPool.Assignment task) {
        PeopleJob job = task.job();
        Optional<String> template = template(job);
        if (template.isEmpty()) {
            return Html.page(job.title(), Pages.header(task.workerId()) + "<main><p class=\"problem\">Job "
                    + Html.escape(job.jobName()) + " has no template the portal can show (" + Html.escape(job
                    .humanTaskUiArn().orElse("no UiTemplateS3Uri")) + ").</p></main>");
        }
        TemplateRenderer.Rendered rendered = renderer.render(template.get(), taskInput(task));
        if (!rendered.errors().isEmpty()) {
            StringBuilder errors = new StringBuilder("<ul>");
            rendered.errors().forEach(e -> errors.append("<li>").append(Html.escape(e.code() + ": " + e.message()))
                    .append("</li>"));
            return Html.page(job.title(), Pages.header(task.workerId()) + "<main><p class=\"problem\">The job's "
                    + "template could not be rendered:</p>" + errors + "</ul></main>");
        }
        String content = rendered.html().replace(CROWD_ELEMENTS_URL, LOCAL_CROWD_ELEMENTS);
        return Html.page(job.title(), Pages.header(task.workerId())
                + "<div class=\"task-bar\" id=\"task-bar\" data-task=\"" + Html.escape(task.id()) + "\" data-expires=\""
                + task.expiresAt() + "\"><span class=\"task-title\">" + Html.escape(job.title()) + "</span>"
                + "<span class=\"task-meta\">object " + Html.escape(object(task)) + " · submit by <time datetime=\""
                + task.expiresAt() + "\">" + EXPIRY.format(task.expiresAt()) + "</time></span><a href=\"/\">Back to jobs</a></div>"
                + "<main class=\"task\" id=\"task\">" + content + "</main>"
                + (content.contains(LOCAL_CROWD_ELEMENTS) ? ""
                : "<script src=\"" + LOCAL_CROWD_ELEMENTS + "\"></script>"));
    }

    private static String object(TaskPool.Assignment task) {
        return task.object().datasetObjectId();
    }

    private Optional<String> template(PeopleJob job) {
        Optional<String> known = templates.get(job);
        if (known == null) {
            known = read(job);
            templates.put(job, known);
        }
        return known;
    }

    private Optional<String> read(PeopleJob job) {
        if (job.uiTemplateS3Uri().isPresent()) {
            return ReadGrants.S3Object.parse(job.uiTemplateS3Uri().get()).map(o -> s3.getObjectAsBytes(
                    b -> b.bucket(o.bucket()).key(o.key())).asUtf8String());
        }
        return job.humanTaskUiArn().flatMap(BuiltInTaskUis::template);
    }
}
