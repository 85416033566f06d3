package io.github.sagemakerlabeling.local.portal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** The portal's worker names: what a name may be, and how it travels in the worker cookie and in paths. */
final class Workers {

    /** A name is the worker's id in the output: letters, digits, spaces and {@code . _ @ -}, 1 to 64 characters. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@-]{0,63}");

    private Workers() {
    }

    /** What is wrong with a name, if anything. */
    static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("Enter your name to sign in.");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("A name starts with a letter or digit and has up to 64 letters, digits, spaces and . _ @ -");
        }
        return Optional.empty();
    }

    static String cookieValue(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** The name in a cookie value, if it is a valid name. */
    static Optional<String> fromCookieValue(String value) {
        try {
            String name = URLDecoder.decode(value, StandardCharsets.UTF_8);
            return problem(name).isEmpty() ? Optional.of(name) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A job name (or other path segment) encoded for a URL path. */
    static String pathPart(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
