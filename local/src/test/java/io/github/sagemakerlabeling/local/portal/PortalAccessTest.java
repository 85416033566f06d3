package io.github.sagemakerlabeling.local.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.engine.GroundTruthTestKit;
import io.github.sagemakerlabeling.local.launcher.LauncherOptionException;
import io.github.sagemakerlabeling.local.launcher.LauncherOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who reaches the worker portal: 127.0.0.1 by default; any other bind address only with an access token, which every
 * request must carry. Only 127.0.0.0/8 is used here: 127.0.0.2 plays the explicit address another machine would use.
 */
class PortalAccessTest {

    private static final String TOKEN = "tok-0123456789abcdef";
    private static GroundTruthTestKit kit;
    private static URI portal;

    @BeforeAll
    static void startStack() {
        kit = GroundTruthTestKit.start(builder -> builder.portalAccess("127.0.0.2", TOKEN));
        portal = kit.local.portalEndpoint();
    }

    @AfterAll
    static void stopStack() {
        kit.close();
    }

    @Test
    void anExplicitBindAddressNeedsAToken() {
        assertThatThrownBy(() -> LocalGroundTruth.builder().portalAccess("127.0.0.2", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("binds 127.0.0.2, not 127.0.0.1: an access token is required");
        assertThatThrownBy(() -> LocalGroundTruth.builder().portalAccess("0.0.0.0", "short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 characters");
        assertThat(LauncherOptions.parse("--portal-bind", "127.0.0.2").portalAccess().token())
                .as("the launcher makes a token when none is given").hasValueSatisfying(token ->
                        assertThat(token).hasSizeGreaterThanOrEqualTo(PortalAccess.MIN_TOKEN_LENGTH));
        assertThat(LauncherOptions.parse().portalAccess()).isEqualTo(PortalAccess.loopback());
        assertThatThrownBy(() -> LauncherOptions.parse("--portal-bind=0.0.0.0", "--portal-token=a b"))
                .isInstanceOf(LauncherOptionException.class).hasMessageStartingWith("--portal-bind: portal access");
    }

    @Test
    void theTokenIsCheckedOnEveryRequestAndAFirstVisitSetsItAsACookie() throws Exception {
        assertThat(portal.getHost()).isEqualTo("127.0.0.2");
        assertThat(kit.local.portalEntryUrl()).isEqualTo(URI.create(portal + "/?token=" + TOKEN));
        HttpClient stranger = client();
        for (String path : new String[] {"/", "/dashboard", "/api/dashboard", "/assets/portal.css",
            "/s3/b/k?grant=x"}) {
            assertThat(get(stranger, path).statusCode()).as(path + " without the token").isEqualTo(401);
        }
        assertThat(get(stranger, "/?token=tok-wrong-wrong-wrong").statusCode()).isEqualTo(401);
        assertThat(post(stranger, "/sign-in", "name=Mallory").statusCode()).isEqualTo(401);

        HttpClient person = client();
        HttpResponse<String> first = get(person, "/dashboard?token=" + TOKEN);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).as("the token leaves the address bar")
                .hasValue("/dashboard");
        assertThat(first.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith(PortalAccess.TOKEN_COOKIE + "=" + TOKEN).contains("HttpOnly",
                        "SameSite=Strict"));
        assertThat(get(person, "/api/dashboard").statusCode()).isEqualTo(200);
        assertThat(post(person, "/sign-in", "name=Ann").statusCode()).isEqualTo(303);
        assertThat(get(person, "/").body()).contains("Signed in as <strong id=\"worker\">Ann");
    }

    @Test
    void theGuardTakesTheBoundAddressAsHostAndRefusesOthers() throws Exception {
        String cookie = PortalAccess.TOKEN_COOKIE + "=" + TOKEN;
        assertThat(rawGet(portal, "127.0.0.2:" + portal.getPort(), cookie, null)).startsWith("HTTP/1.1 200");
        assertThat(rawGet(portal, "evil.example", cookie, null)).as("DNS rebinding").startsWith("HTTP/1.1 403");
        assertThat(rawGet(portal, "127.0.0.2:" + portal.getPort(), cookie, "http://evil.example"))
                .as("a page of another origin").startsWith("HTTP/1.1 403");
    }

    @Test
    void theDefaultPortalIsOnLoopbackWithoutATokenAndGuarded() throws Exception {
        try (LocalGroundTruth local = LocalGroundTruth.builder().start()) {
            URI loopback = local.portalEndpoint();
            assertThat(loopback.getHost()).isEqualTo("127.0.0.1");
            assertThat(local.portalEntryUrl()).isEqualTo(loopback);
            assertThat(rawGet(loopback, "127.0.0.1:" + loopback.getPort(), null, null)).startsWith("HTTP/1.1 200");
            assertThat(rawGet(loopback, "attacker.example:" + loopback.getPort(), null, null))
                    .as("the portal adopts the request guard").startsWith("HTTP/1.1 403");
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(portal.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String path, String form)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(portal.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of /api/dashboard with a Host of our choice, which java.net.http does not let us set. */
    private static String rawGet(URI server, String host, String cookie, String origin) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET /api/dashboard HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
