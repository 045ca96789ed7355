package dev.roster.scim.core.filter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** SCIM dateTime values (RFC 7643 §2.3.5, an {@code xsd:dateTime}) as instants, so that they compare in time. */
final class DateTimes {

    private DateTimes() {
    }

    /**
     * {@code 2011-05-13T04:42:34Z}, {@code 2011-05-13T06:42:34.5+02:00}; xsd:dateTime lets the offset out, and such
     * a value is taken as UTC, which is what Roster writes.
     */
    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADateTime) {
                return Optional.empty();
            }
        }
    }
}
