package io.github.sagemakerlabeling.local.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** One person at the worker portal, over raw HTTP with their own cookies. */
public final class PortalClient {

    private final URI portal;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private PortalClient(URI portal) {
        this.portal = portal;
    }

    /** A visitor who has not signed in. */
    static PortalClient anonymous(URI portal) {
        return new PortalClient(portal);
    }

    /** A worker signed in under a name; {@code portal} may be a prefix ending in {@code /}. */
    public static PortalClient signIn(URI portal, String name) throws IOException, InterruptedException {
        PortalClient client = new PortalClient(portal);
        // relative under a prefix (the edge's: http://127.0.0.1:PORT/_local-ground-truth/portal/)
        HttpResponse<String> response = client.post(portal.getPath().endsWith("/") ? "sign-in" : "/sign-in",
                "application/x-www-form-urlencoded",
                "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in answered " + response.statusCode() + ": " + response.body());
        }
        return client;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(portal.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(portal.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST as a page of another origin would send it. */
    HttpResponse<String> postFrom(String path, String origin) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(portal.resolve(path)).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Mallory")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST /api/jobs/{job}/take. */
    public HttpResponse<String> take(String job) throws IOException, InterruptedException {
        return post("/api/jobs/" + job + "/take", "application/json", "");
    }

    /** The task taken, which must be there. */
    public JsonNode takeTask(String job) throws Exception {
        HttpResponse<String> response = take(job);
        if (response.statusCode() != 200) {
            throw new AssertionError("take answered " + response.statusCode() + ": " + response.body());
        }
        return Json.read(response.body());
    }

    /** POST /api/tasks/{id}/submit with an answerContent. */
    public HttpResponse<String> submit(String taskId, String answerContentJson) throws IOException, InterruptedException {
        return post("/api/tasks/" + taskId + "/submit", "application/json",
                "{\"answerContent\":" + answerContentJson + "}");
    }
}
