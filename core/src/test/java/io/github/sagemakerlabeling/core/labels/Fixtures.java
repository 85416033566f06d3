package io.github.sagemakerlabeling.core.labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures and JSON shorthands. */
final class Fixtures {

    /** §5.4 of the dossier, version 2018-11-28, plain labels. */
    static final String BASIC_2018 = "basic-2018-11-28.json";
    /** §5.4 of the dossier, version 2018-11-28, named entity recognition with short names and instructions. */
    static final String NER_2018 = "named-entity-recognition-2018-11-28.json";
    /** §5.4 of the dossier, version 2020-03-01, trimmed adjustment example. */
    static final String ADJUSTMENT_2020 = "adjustment-2020-03-01.json";

    private Fixtures() {
    }

    /** The text of {@code src/test/resources/labels/<name>}. */
    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/labels/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON written with single quotes for readability. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** A string of {@code length} copies of {@code c}. */
    static String text(int length, char c) {
        return String.valueOf(c).repeat(length);
    }
}
