package io.github.sagemakerlabeling.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (a query string or a form body), refusing what is not
 * well formed with a {@link MalformedRequestException} rather than the JDK's bare {@code IllegalArgumentException}.
 */
public final class FormDecoder {

    private FormDecoder() {
    }

    /**
     * Adds the form's parameters to {@code params}; a name already there keeps its first value.
     *
     * @param form the encoded text, possibly {@code null} or empty
     * @throws MalformedRequestException if a {@code %} is not followed by two hexadecimal digits
     */
    public static void decodeInto(String form, Map<String, String> params) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
    }

    /** The parameters of a query string and then a form body, in order; see {@link #decodeInto}. */
    public static Map<String, String> parameters(String query, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        decodeInto(query, params);
        decodeInto(body, params);
        return params;
    }

    /**
     * Decodes one name or value ({@code +} is a space).
     *
     * @throws MalformedRequestException if a {@code %} is not followed by two hexadecimal digits
     */
    public static String decode(String text) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                String escape = text.substring(i, Math.min(text.length(), i + 3));
                throw new MalformedRequestException("The query string or form body is malformed: '" + escape
                        + "' at offset " + i + " is not a percent-escape (% and two hexadecimal digits)");
            }
        }
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
