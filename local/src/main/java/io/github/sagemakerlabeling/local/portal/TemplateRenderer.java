package io.github.sagemakerlabeling.local.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.filters.Filter;

/**
 * Renders a Ground Truth worker task template as the service does: Liquid with the task's input as
 * {@code task.input}, output HTML-escaped unless the expression says {@code escape}, {@code escape_once} or
 * {@code skip_autoescape}, and Ground Truth's own filters:
 * <ul>
 *   <li>{@code grant_read_access} (and its older name {@code s3_presign}): an {@code s3://} URI becomes a URL that
 *       reads the object ({@link ReadGrants});</li>
 *   <li>{@code to_json}: the value as JSON;</li>
 *   <li>{@code skip_autoescape}: the value as it is, for content meant as HTML.</li>
 * </ul>
 * Liquid's standard tags and filters work as in liqp. Rendering is bounded (time, iterations, output size), since
 * templates come from API callers.
 *
 * <p>Parsed templates are kept (the last {@value #CACHED_TEMPLATES} sources), since a job's tasks all render the same
 * template: parsing is most of a rendering's cost. A liqp {@link Template} keeps the context of the rendering under
 * way in a field, so renderings of one parsed template take turns; a rendering that times out drops its template
 * from the cache, so the next one gets a template of its own.
 */
public final class TemplateRenderer {

    /** Filters after which Ground Truth does not escape the output again. */
    private static final Set<String> ESCAPING = Set.of("escape", "escape_once", "skip_autoescape");
    private static final int MAX_RENDERED_CHARS = 4 * 1024 * 1024;
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|#39|#x27);");

    private static final int CACHED_TEMPLATES = 64;
    private static final long MAX_RENDER_MILLIS = 5_000;

    private final TemplateParser parser;
    private final Map<String, Template> parsed = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
                    return size() > CACHED_TEMPLATES;
                }
            });
    /** Runs renderings under their time limit; liqp would start a thread for each one. */
    private final ExecutorService rendering = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-template-rendering");
        thread.setDaemon(true);
        return thread;
    });

    /** @param readAccess what {@code grant_read_access} makes of a value */
    public TemplateRenderer(UnaryOperator<String> readAccess) {
        this.parser = new TemplateParser.Builder()
                .withFilter(filter("grant_read_access", value -> readAccess.apply(String.valueOf(value))))
                .withFilter(filter("s3_presign", value -> readAccess.apply(String.valueOf(value))))
                .withFilter(filter("to_json", TemplateRenderer::toJson))
                .withFilter(filter("skip_autoescape", value -> value))
                // Liquid's own escape (Ruby's CGI.escapeHTML) escapes ' too, which single-quoted attributes need
                .withFilter(filter("escape", value -> value == null ? "" : Html.escape(String.valueOf(value))))
                .withFilter(filter("escape_once", value -> value == null ? ""
                        : Html.escape(ENTITY.matcher(String.valueOf(value)).replaceAll(TemplateRenderer::unescape))))
                .withMaxRenderTimeMillis(MAX_RENDER_MILLIS)
                .withMaxIterations(100_000)
                .withMaxSizeRenderedString(MAX_RENDERED_CHARS)
                .withMaxTemplateSizeBytes(1024 * 1024)
                .build();
    }

    /**
     * The result of a rendering.
     *
     * @param html   the rendered page, empty when rendering failed
     * @param errors what went wrong, each with a code and a message
     */
    public record Rendered(String html, List<Error> errors) {
        public Rendered {
            errors = List.copyOf(errors);
        }
    }

    /**
     * A rendering error.
     *
     * @param code    {@code TemplateSyntaxError} or {@code TemplateRenderError} (Local Ground Truth's own codes)
     * @param message what failed, from the Liquid parser or renderer
     */
    public record Error(String code, String message) {
    }

    /**
     * Renders a template for a task input.
     *
     * @param template  the template's source
     * @param taskInput the task's input, {@code task.input} in the template
     */
    public Rendered render(String template, JsonNode taskInput) {
        Template liquid;
        try {
            liquid = parsed(template);
        } catch (RuntimeException e) {
            return new Rendered("", List.of(new Error("TemplateSyntaxError", message(e))));
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("input", Json.mapper().convertValue(taskInput, new TypeReference<Object>() { }));
        variables.put("task", task);
        synchronized (liquid) {
            try {
                return new Rendered(liquid.render(variables, rendering, false), List.of());
            } catch (RuntimeException e) {
                parsed.remove(template, liquid); // it may still be rendering: the next rendering parses anew
                return new Rendered("", List.of(new Error("TemplateRenderError", message(e))));
            }
        }
    }

    private Template parsed(String template) {
        Template cached = parsed.get(template);
        if (cached != null) {
            return cached;
        }
        Template liquid = parser.parse(autoescape(template));
        parsed.put(template, liquid);
        return liquid;
    }

    /**
     * The template with {@code | escape} added to every output expression ({@code {{ ... }}}) that does not escape
     * itself or ask not to be escaped; text inside {@code {% raw %}} stays as it is.
     */
    static String autoescape(String template) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int at = 0;
        while (at < template.length()) {
            int raw = template.indexOf("{% raw %}", at);
            int open = template.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            if (raw >= 0 && raw < open) {
                int end = template.indexOf("{% endraw %}", raw);
                int stop = end < 0 ? template.length() : end + "{% endraw %}".length();
                out.append(template, at, stop);
                at = stop;
                continue;
            }
            int close = closing(template, open + 2);
            if (close < 0) {
                break;
            }
            int innerEnd = template.charAt(close - 1) == '-' ? close - 1 : close;
            String inner = template.substring(open + 2, innerEnd);
            out.append(template, at, open + 2).append(inner);
            if (!filters(inner).stream().anyMatch(ESCAPING::contains)) {
                out.append(" | escape ");
            }
            out.append(template, innerEnd, close + 2);
            at = close + 2;
        }
        out.append(template.substring(Math.min(at, template.length())));
        return out.toString();
    }

    /** Where the {@code }}} closing an output expression starts, skipping quoted strings; -1 if none. */
    private static int closing(String template, int from) {
        char quote = 0;
        for (int i = from; i < template.length() - 1; i++) {
            char c = template.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '}' && template.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    /** The names of the filters of an output expression, in order. */
    private static List<String> filters(String expression) {
        List<String> names = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '|') {
                int start = i + 1;
                while (start < expression.length() && Character.isWhitespace(expression.charAt(start))) {
                    start++;
                }
                int end = start;
                while (end < expression.length()
                        && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_')) {
                    end++;
                }
                names.add(expression.substring(start, end));
            }
        }
        return names;
    }

    private static Object toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("to_json cannot write " + value + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The character of one of the entities {@link Html#escape} writes, so escape_once does not escape it twice. */
    private static String unescape(MatchResult entity) {
        String character = switch (entity.group(1)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            default -> "'";
        };
        return Matcher.quoteReplacement(character);
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static Filter filter(String name, UnaryOperator<Object> function) {
        return new Filter(name) {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                return function.apply(value);
            }
        };
    }
}
