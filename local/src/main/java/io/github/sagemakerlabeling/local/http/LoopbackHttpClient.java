package io.github.sagemakerlabeling.local.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A minimal HTTP/1.1 client for one loopback server, keeping connections alive and reusing them: what the SQS fault
 * proxy and the edge endpoint forward with ({@link Forwarding}). It exists because {@code java.net.http.HttpClient} cannot be closed on Java 17 (its selector
 * thread lives on until the client is garbage collected) and Local Ground Truth promises that {@code close()} leaves
 * no thread behind; {@link #close()} here closes every connection at once, also those in use.
 *
 * <p>Requests carry a {@code Content-Length} body; responses may use {@code Content-Length}, chunked encoding or
 * end with the connection. A request that finds a pooled connection closed by the server (nothing of a response
 * read yet) is sent again on a new connection, as HTTP clients do. Reads time out after two minutes, far beyond
 * SQS's longest long poll (20 s).
 */
public final class LoopbackHttpClient implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 120_000;
    private static final int MAX_LINE = 64 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final InetSocketAddress address;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A client of the server at this endpoint; it connects on the first request. */
    public LoopbackHttpClient(URI server) {
        this.address = new InetSocketAddress(server.getHost(), server.getPort());
    }

    /** A response: status, headers in order (name as sent), body. */
    public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /**
     * Sends a request and reads the whole response.
     *
     * @param method  the method, e.g. {@code POST}
     * @param target  the request target: path and query
     * @param headers the headers to send, without {@code Content-Length}, {@code Connection} or
     *                {@code Transfer-Encoding} (this client sets them)
     * @param body    the body, possibly empty
     */
    public Response send(String method, String target, List<Map.Entry<String, String>> headers, byte[] body)
            throws IOException {
        while (true) {
            if (closed) {
                throw new IOException("client closed");
            }
            Connection connection = idle.pollFirst();
            boolean reused = connection != null;
            if (!reused) {
                connection = new Connection();
            }
            try {
                connection.write(method, target, headers, body);
                Response response = connection.read(method);
                if (connection.reusable && !closed) {
                    idle.offerFirst(connection);
                } else {
                    connection.close();
                }
                return response;
            } catch (IOException e) {
                connection.close();
                if (!reused || connection.responseStarted || closed) {
                    throw e;
                }
                // The server closed this pooled connection while it was idle: go again on another one.
            }
        }
    }

    /** Closes every connection, idle or in use; requests in flight fail. */
    @Override
    public void close() {
        closed = true;
        open.forEach(Connection::close);
        idle.clear();
    }

    /** One connection to the server. */
    private final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean reusable;
        private boolean responseStarted;

        Connection() throws IOException {
            socket = new Socket();
            open.add(this);
            try {
                socket.setTcpNoDelay(true);
                socket.setKeepAlive(true);
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                in = new BufferedInputStream(socket.getInputStream(), BUFFER);
                out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        void write(String method, String target, List<Map.Entry<String, String>> headers, byte[] body)
                throws IOException {
            responseStarted = false;
            StringBuilder head = new StringBuilder(512).append(method).append(' ').append(target)
                    .append(" HTTP/1.1\r\n");
            for (Map.Entry<String, String> header : headers) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        }

        Response read(String method) throws IOException {
            String statusLine = readLine();
            if (statusLine == null) {
                throw new EOFException("the server closed the connection before answering");
            }
            responseStarted = true;
            int status;
            List<Map.Entry<String, String>> headers;
            while (true) {
                status = parseStatus(statusLine);
                headers = readHeaders();
                if (status >= 200 || status == 101) {
                    break;
                }
                statusLine = readLine(); // an interim 1xx response: the real one follows
                if (statusLine == null) {
                    throw new EOFException("the connection ended after an interim response");
                }
            }
            String connectionHeader = header(headers, "Connection");
            boolean keepAlive = statusLine.startsWith("HTTP/1.1")
                    ? !containsToken(connectionHeader, "close")
                    : containsToken(connectionHeader, "keep-alive");
            byte[] body;
            if ("HEAD".equals(method) || status == 204 || status == 304) {
                body = new byte[0];
            } else if (containsToken(header(headers, "Transfer-Encoding"), "chunked")) {
                body = readChunked();
            } else if (header(headers, "Content-Length") != null) {
                int length = Integer.parseInt(header(headers, "Content-Length").trim());
                body = in.readNBytes(length);
                if (body.length < length) {
                    throw new EOFException("the response body ended after " + body.length + " of " + length + " bytes");
                }
            } else {
                body = in.readAllBytes();
                keepAlive = false;
            }
            reusable = keepAlive;
            return new Response(status, headers, body);
        }

        private List<Map.Entry<String, String>> readHeaders() throws IOException {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            String line;
            while ((line = readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
                }
            }
            if (line == null) {
                throw new EOFException("the connection ended within the response headers");
            }
            return headers;
        }

        private byte[] readChunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine();
                if (sizeLine == null) {
                    throw new EOFException("the connection ended within a chunked body");
                }
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    String trailer;
                    while ((trailer = readLine()) != null && !trailer.isEmpty()) {
                        // trailers are dropped
                    }
                    return body.toByteArray();
                }
                byte[] chunk = in.readNBytes(size);
                if (chunk.length < size) {
                    throw new EOFException("the connection ended within a chunk");
                }
                body.write(chunk);
                readLine(); // the CRLF after the chunk
            }
        }

        /** A line without its CR LF, or {@code null} at the end of the stream before any byte. */
        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
                }
                if (line.size() >= MAX_LINE) {
                    throw new IOException("a response line is longer than " + MAX_LINE + " bytes");
                }
                line.write(b);
            }
            if (line.size() == 0) {
                return null;
            }
            throw new EOFException("the connection ended within a line");
        }

        void close() {
            open.remove(this);
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static int parseStatus(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status line: " + statusLine, e);
        }
    }

    /** The first value of a header, by case-insensitive name, or {@code null}. */
    static String header(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static boolean containsToken(String value, String token) {
        if (value == null) {
            return false;
        }
        for (String part : value.split(",")) {
            if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
                return true;
            }
        }
        return false;
    }
}
