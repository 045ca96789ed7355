package dev.roster.scim.core.schema;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SCIM {@code dateTime} type, read and written in one place: filters compare with it, input validation checks
 * with it, {@code meta.created}/{@code meta.lastModified} print with it, and the stores push comparisons down with
 * it.
 *
 * <p>RFC 7643 §2.3.5: "A DateTime value (e.g., 2008-01-23T04:56:22Z). The attribute value MUST be encoded as a valid
 * xsd:dateTime as specified in Section 3.3.7 of [XML-Schema] and MUST include both a date and a time." So Roster
 * reads the lexical form of XML Schema 1.1 Part 2 §3.3.8 ({@code dateTime}):
 * {@code yyyy '-' mm '-' dd 'T' hh ':' mm ':' ss ('.' s+)? (zzzzzz)?}, with the zone {@code Z} or {@code (+|-)hh:mm}
 * up to 14:00, and
 * <ul>
 *   <li><b>no offset</b> ({@code 2011-05-13T04:42:34}, which xsd:dateTime allows): taken as UTC, the zone Roster
 *       writes every value in, rather than refused;</li>
 *   <li><b>fractional seconds</b>: read to the nanosecond, so {@code lastModified gt "2011-05-13T04:42:34.0001Z"}
 *       compares exactly against a stored value; more than nine digits is refused (XML Schema asks a processor to
 *       support milliseconds at least). Roster keeps and writes time at millisecond precision ({@link #keptPrecision},
 *       {@link #print});</li>
 *   <li>refused, although some parsers take them: years other than four digits (xsd's negative and five-digit
 *       years; no user was created then), {@code 24:00:00}, a missing seconds field, lower-case {@code t} or
 *       {@code z}, offsets with seconds, and a date that does not exist ({@code 2011-02-30}).</li>
 * </ul>
 *
 * <pre>{@code
 * ScimDateTime.parse("2011-05-13T06:42:34.5+02:00");   // Optional[2011-05-13T04:42:34.500Z]
 * ScimDateTime.print(Instant.parse("2011-05-13T04:42:34.500123Z"));   // "2011-05-13T04:42:34.500Z"
 * }</pre>
 */
public final class ScimDateTime {

    private static final Pattern LEXICAL = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})?");
    private static final int MAX_OFFSET_MINUTES = 14 * 60;

    private static final long SECONDS_PER_DAY = 86_400;
    /** 1000-01-01T00:00:00Z and 10000-01-01T00:00:00Z, in seconds since the epoch. */
    private static final long FIRST_FOUR_DIGIT_YEAR = -30_610_224_000L;
    private static final long FIRST_FIVE_DIGIT_YEAR = 253_402_300_800L;

    private ScimDateTime() {
    }

    /**
     * The instant the text names.
     *
     * @param text a dateTime as a client or a store wrote it
     * @return the instant, to the nanosecond; empty when it is no xsd:dateTime by the rules above
     */
    public static Optional<Instant> parse(String text) {
        Matcher m = LEXICAL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
            LocalTime time = LocalTime.of(number(m, 4), number(m, 5), number(m, 6), nanos(m.group(7)));
            return offset(m.group(8)).map(offset -> date.atTime(time).toInstant(offset));
        } catch (DateTimeException noSuchDate) {
            return Optional.empty();
        }
    }

    /**
     * Whether the text is an xsd:dateTime Roster reads.
     *
     * @param text any text
     * @return {@code true} if {@link #parse} reads it
     */
    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /**
     * The text SCIM resources carry: UTC with {@code Z}, at millisecond precision (finer parts are dropped), with no
     * fraction when it is zero and three digits otherwise, e.g. {@code 2026-03-01T09:00:00.123Z}.
     *
     * @param instant the time
     * @return its text, as {@code meta.created} and {@code meta.lastModified} show it
     */
    public static String print(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_YEAR || seconds >= FIRST_FIVE_DIGIT_YEAR) {
            return instant.truncatedTo(ChronoUnit.MILLIS).toString();
        }
        // Instant.toString's text for years 1000 to 9999, written directly: two of them in every rendering of a
        // user, and DateTimeFormatter allocated about a kilobyte per PATCH for them (issue 12).
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int millis = instant.getNano() / 1_000_000;
        // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted), in eras of 400 years.
        long shifted = days + 719_468;
        long era = Math.floorDiv(shifted, 146_097);
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        char[] text = new char[millis == 0 ? 20 : 24];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        if (millis != 0) {
            text[19] = '.';
            digits(text, 20, millis, 3);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The instant at the precision Roster keeps and prints: milliseconds.
     *
     * @param instant the time, such as a clock's
     * @return the time truncated to the millisecond
     */
    public static Instant keptPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The text as milliseconds since the epoch, when it names a whole millisecond: what stores that keep
     * {@code meta} times as epoch milliseconds can compare in SQL. Empty otherwise (the comparison is then left to
     * the core's evaluator).
     *
     * @param text a dateTime, such as a filter's literal
     * @return its epoch milliseconds; empty for no xsd:dateTime, a time between two milliseconds, or one beyond
     *         what a {@code long} of milliseconds holds
     */
    public static Optional<Long> epochMillis(String text) {
        return parse(text).filter(instant -> instant.getNano() % 1_000_000 == 0).flatMap(instant -> {
            try {
                return Optional.of(instant.toEpochMilli());
            } catch (ArithmeticException outOfRange) {
                return Optional.empty();
            }
        });
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "00000000").substring(0, 9));
    }

    private static Optional<ZoneOffset> offset(String zone) {
        if (zone == null || zone.equals("Z")) {
            return Optional.of(ZoneOffset.UTC);
        }
        int hours = Integer.parseInt(zone.substring(1, 3));
        int minutes = Integer.parseInt(zone.substring(4, 6));
        int total = hours * 60 + minutes;
        if (minutes > 59 || total > MAX_OFFSET_MINUTES) {
            return Optional.empty();
        }
        return Optional.of(ZoneOffset.ofTotalSeconds((zone.charAt(0) == '-' ? -total : total) * 60));
    }
}
