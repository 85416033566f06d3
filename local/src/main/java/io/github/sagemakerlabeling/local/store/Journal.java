package io.github.sagemakerlabeling.local.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of JSON lines, one event a line. {@link #append} returns once the line is on disk
 * ({@code FileChannel.force}), so an event a caller acknowledged survives {@code kill -9} and a power cut of the
 * machine alike. When the stack starts, its owner reads {@link #events()} (a last line cut short by a crash is
 * dropped), rebuilds its state and {@link #compact rewrites} the file as that state, so the journal does not grow
 * across restarts. {@link #discarding()} is the journal of a stack without a data directory: it writes nothing.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final Journal DISCARDING = new Journal();

    private final Path file;
    private final List<JsonNode> events;
    private FileChannel channel;

    private Journal() {
        this.file = null;
        this.events = List.of();
    }

    private Journal(Path file) throws IOException {
        this.file = file;
        this.events = read(file);
        this.channel = openForAppend(file);
    }

    /**
     * Opens (or creates) the journal in {@code file} and reads the events it holds.
     *
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static Journal open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new Journal(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file, e);
        }
    }

    /** A journal that keeps nothing: the stack runs in memory. */
    public static Journal discarding() {
        return DISCARDING;
    }

    /** Whether writes reach a file. */
    public boolean durable() {
        return file != null;
    }

    /** The events the file held when it was opened, oldest first. */
    public List<JsonNode> events() {
        return events;
    }

    /** A new, empty event of a type: {@code {"event": type}}; the caller adds its fields and {@link #append}s it. */
    public static ObjectNode event(String type) {
        return Json.mapper().createObjectNode().put("event", type);
    }

    /**
     * Writes one event and forces it to disk before returning.
     *
     * @throws UncheckedIOException when it cannot be written: the caller must not acknowledge what it records
     */
    public synchronized void append(JsonNode event) {
        if (file == null) {
            return;
        }
        try {
            write(channel, List.of(event));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the journal " + file, e);
        }
    }

    /**
     * Replaces the file's content by {@code state} (the events that rebuild the current state): written to a new
     * file, forced to disk and moved over the old one atomically, so a crash leaves either file whole.
     */
    public synchronized void compact(List<? extends JsonNode> state) {
        if (file == null) {
            return;
        }
        Path next = file.resolveSibling(file.getFileName() + ".compacting");
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, state);
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the journal " + file, e);
        }
        try {
            channel.close();
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            channel = openForAppend(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the journal " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("Closing the journal {} failed", file, e);
            }
        }
    }

    private static FileChannel openForAppend(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static void write(FileChannel channel, List<? extends JsonNode> events) throws IOException {
        StringBuilder lines = new StringBuilder();
        events.forEach(event -> lines.append(Json.write(event)).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** The file's events; a last line without its newline (cut short by a crash) or not JSON is dropped. */
    private static List<JsonNode> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<JsonNode> events = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            String line = text.substring(start, end);
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(Json.read(line));
            } catch (JsonProcessingException e) {
                LOG.warn("Journal {}: line {} is not JSON and is skipped", file, events.size() + 1);
            }
        }
        if (start < text.length()) {
            LOG.warn("Journal {}: its last line was cut short (the process ended while writing it) and is dropped",
                    file);
        }
        return List.copyOf(events);
    }
}
