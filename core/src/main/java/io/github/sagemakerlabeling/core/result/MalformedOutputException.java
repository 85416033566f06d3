package io.github.sagemakerlabeling.core.result;

import java.util.Objects;

/**
 * Thrown when a received text is not a Ground Truth output line the parser can read: not JSON, not a JSON object,
 * an SNS envelope whose {@code Message} is not one, no label attribute with its metadata, or a value of the wrong
 * shape. It carries the text exactly as received so the caller can log it or park it in a dead-letter channel.
 */
public class MalformedOutputException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN_LENGTH = 200;

    private final String rawText;

    /**
     * @param reason  what is wrong, naming the place (for example {@code "sport-metadata.class-name is missing"})
     * @param rawText the text as received
     * @param cause   the underlying failure, or {@code null}
     */
    public MalformedOutputException(String reason, String rawText, Throwable cause) {
        super("Malformed Ground Truth output: " + reason + " (received: " + shown(rawText) + ")", cause);
        this.rawText = Objects.requireNonNull(rawText, "rawText");
    }

    /** The text as received, envelope included. */
    public String rawText() {
        return rawText;
    }

    private static String shown(String text) {
        return text.length() <= MAX_SHOWN_LENGTH
                ? text
                : text.substring(0, MAX_SHOWN_LENGTH) + "... (" + text.length() + " characters)";
    }
}
