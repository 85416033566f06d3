package io.github.sagemakerlabeling.local.sns;

import java.util.Map;

/** Appends XML elements with escaped text: the result part of a query-protocol response. */
final class XmlWriter {

    private final StringBuilder xml = new StringBuilder();

    /** Opens an element. */
    XmlWriter start(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    /** Closes an element. */
    XmlWriter end(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    /** Writes {@code <name>text</name>}; nothing when the text is {@code null}. */
    XmlWriter element(String name, String text) {
        if (text != null) {
            start(name);
            escape(text);
            end(name);
        }
        return this;
    }

    /** Writes a string map as {@code <name><entry><key>..</key><value>..</value></entry>...</name>}. */
    XmlWriter map(String name, Map<String, String> map) {
        start(name);
        map.forEach((key, value) -> start("entry").element("key", key).element("value", value).end("entry"));
        return end(name);
    }

    /** Appends XML that is already well-formed. */
    XmlWriter raw(String wellFormedXml) {
        xml.append(wellFormedXml);
        return this;
    }

    boolean isEmpty() {
        return xml.length() == 0;
    }

    @Override
    public String toString() {
        return xml.toString();
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                case '\r' -> xml.append("&#13;");
                default -> xml.append(c);
            }
        }
    }
}
