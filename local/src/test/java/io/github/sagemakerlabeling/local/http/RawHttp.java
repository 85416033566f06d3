package io.github.sagemakerlabeling.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client sends: a foreign {@code Host}, a broken body, a body that
 * never ends. Each request asks for {@code Connection: close}; the answer is read to the end of the connection.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A response: the status code and everything after the headers. */
    record Response(int status, String body) {
    }

    /** Sends a request with the given head lines (request line and headers, no blank line) and body. */
    static Response send(URI endpoint, String head, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String request = head + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = connect(endpoint)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** A POST of a form to {@code /} with the given extra header lines (each ending in CRLF, or empty). */
    static Response postForm(URI endpoint, String extraHeaders, String form) throws IOException {
        return send(endpoint, "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + endpoint.getPort() + "\r\n" + extraHeaders
                + "Content-Type: application/x-www-form-urlencoded; charset=utf-8", form);
    }

    static Socket connect(URI endpoint) throws IOException {
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        socket.setSoTimeout(60_000);
        return socket;
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int status = Integer.parseInt(text.substring(9, 12));
        int blank = text.indexOf("\r\n\r\n");
        return new Response(status, blank < 0 ? "" : text.substring(blank + 4));
    }
}
