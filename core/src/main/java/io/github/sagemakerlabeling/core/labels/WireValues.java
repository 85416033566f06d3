package io.github.sagemakerlabeling.core.labels;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps the enums of this package to and from the exact strings a label category configuration file uses. */
final class WireValues {

    private WireValues() {
    }

    /** The constant whose wire string equals {@code value} exactly (case-sensitive), if any. */
    static <E> Optional<E> find(E[] constants, Function<E, String> wire, String value) {
        return Arrays.stream(constants).filter(c -> wire.apply(c).equals(value)).findFirst();
    }

    /** The wire strings of all constants, for messages: {@code "none", "any"}. */
    static <E> String list(E[] constants, Function<E, String> wire) {
        return Arrays.stream(constants).map(c -> '"' + wire.apply(c) + '"').collect(Collectors.joining(", "));
    }

    /** Like {@link #find} but throws {@link IllegalArgumentException} naming the allowed strings. */
    static <E> E parse(E[] constants, Function<E, String> wire, String value, String what) {
        return find(constants, wire, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown " + what + " '" + value + "'; expected one of " + list(constants, wire)));
    }
}
