package io.github.sagemakerlabeling.core.dataobject;

import io.github.sagemakerlabeling.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the JSON fixtures under {@code src/test/resources/dataobject}. */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dataobject/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as one compact line, the way the codec writes it. */
    static String compact(String name) {
        try {
            return Json.write(Json.read(read(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
