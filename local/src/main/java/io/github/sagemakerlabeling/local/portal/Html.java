package io.github.sagemakerlabeling.local.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML text escaping for the portal's own pages. */
final class Html {

    private Html() {
    }

    /** The text with {@code & < > " '} escaped, safe in element content and quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final Pattern ROOT_RELATIVE =
            Pattern.compile("(\\s(?:href|src|action|data-source))=\"/(?!/)");

    /**
     * The page with its root-relative {@code href}, {@code src}, {@code action} and {@code data-source} paths under
     * {@code prefix}, and the prefix as the {@code html} element's {@code data-base} for scripts; unchanged for none.
     */
    static String underPrefix(String html, String prefix) {
        if (prefix.isEmpty()) {
            return html;
        }
        String moved = ROOT_RELATIVE.matcher(html).replaceAll("$1=\"" + Matcher.quoteReplacement(prefix) + "/");
        return moved.replaceFirst("<html lang=\"en\">", "<html lang=\"en\" data-base=\"" + escape(prefix) + "\">");
    }

    /** A page of the portal with its stylesheet, title and body. */
    static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · Local Ground Truth</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/portal.css\"></head>\n<body>" + body + "</body></html>\n";
    }
}
