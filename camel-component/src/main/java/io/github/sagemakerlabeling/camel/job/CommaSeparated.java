package io.github.sagemakerlabeling.camel.job;

import java.util.Arrays;
import java.util.List;

/** Options that hold lists as comma-separated text. */
final class CommaSeparated {

    private CommaSeparated() {
    }

    /** The trimmed, non-empty items; {@code null} when the option is not set. */
    static List<String> list(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
