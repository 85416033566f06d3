package io.github.sagemakerlabeling.local.sns;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A FIFO topic's memory of deduplication ids: a repeated id within five minutes is not published again. Its monitor
 * also serialises the topic's publishing.
 */
final class Deduplication {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Map<String, Seen> seen = new HashMap<>();

    /** The result of the earlier publish with this id, if it is still within the window; else {@code null}. */
    synchronized PublishResult previous(String deduplicationId, Instant now) {
        seen.values().removeIf(entry -> !entry.expires().isAfter(now));
        Seen entry = seen.get(deduplicationId);
        return entry == null ? null : entry.result();
    }

    /** Remembers a publish for {@link #WINDOW} from now. */
    synchronized void remember(String deduplicationId, PublishResult result, Instant now) {
        seen.put(deduplicationId, new Seen(result, now.plus(WINDOW)));
    }

    private record Seen(PublishResult result, Instant expires) {
    }
}
