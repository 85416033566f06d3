package io.github.sagemakerlabeling.core.result;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads the {@code creation-date} of the label metadata. Ground Truth writes it without a zone and with six fraction
 * digits ({@code 2018-10-18T22:18:13.527256}); this reader also takes zero to nine fraction digits and an optional
 * offset ({@code Z}, {@code +00:00} or {@code +0000}, as one AWS example shows). A date with an offset is converted to
 * UTC, the zone the zone-less dates are taken to be in.
 */
final class CreationDates {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private CreationDates() {
    }

    static LocalDateTime parse(String text, String path) {
        try {
            TemporalAccessor parsed = FORMAT.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime withOffset) {
                return withOffset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return (LocalDateTime) parsed;
        } catch (DateTimeParseException e) {
            throw new OutputShapeException(path + " must be a date-time like 2018-10-18T22:18:13.527256, got '"
                    + text + "'", e);
        }
    }
}
