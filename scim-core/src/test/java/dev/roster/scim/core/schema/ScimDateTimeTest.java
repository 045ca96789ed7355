package dev.roster.scim.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

class ScimDateTimeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2008-01-23T04:56:22Z, 2008-01-23T04:56:22Z",
            "2011-05-13T06:42:34.5+02:00, 2011-05-13T04:42:34.500Z",
            "2011-05-13T00:00:00-14:00, 2011-05-13T14:00:00Z",
            "2011-05-13T04:42:34+14:00, 2011-05-12T14:42:34Z",
            // No offset: xsd:dateTime allows it; Roster reads it as UTC, the zone it writes.
            "2011-05-13T04:42:34, 2011-05-13T04:42:34Z",
            // Finer than milliseconds is kept, to the nanosecond, so comparisons stay exact.
            "2011-05-13T04:42:34.000100Z, 2011-05-13T04:42:34.000100Z",
            "2011-05-13T04:42:34.123456789Z, 2011-05-13T04:42:34.123456789Z",
            "2012-02-29T23:59:59.999Z, 2012-02-29T23:59:59.999Z"})
    void readsTheXsdDateTimeLexicalForm(String text, String instant) {
        assertThat(ScimDateTime.parse(text)).contains(Instant.parse(instant));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "2011-05-13", "2011-05-13T04:42Z", "2011-05-13 04:42:34Z", "2011-05-13t04:42:34z",
            "2011-05-13T04:42:34.Z", "2011-05-13T04:42:34.1234567891Z", "2011-02-30T00:00:00Z", "2011-13-01T00:00:00Z",
            "2011-05-13T24:00:00Z", "2011-05-13T23:59:60Z", "2011-05-13T04:42:34+14:01", "2011-05-13T04:42:34+02:60",
            "2011-05-13T04:42:34+0200", "2011-05-13T04:42:34+02:00:00", "12011-05-13T04:42:34Z", "-2011-05-13T04:42:34Z",
            "11-05-13T04:42:34Z", "2011-05-13T04:42:34ZZ", " 2011-05-13T04:42:34Z", "２０11-05-13T04:42:34Z"})
    void refusesWhatIsNoXsdDateTime(String text) {
        assertThat(ScimDateTime.parse(text)).isEmpty();
        assertThat(ScimDateTime.isValid(text)).isFalse();
    }

    @Test
    void printsUtcAtTheMillisecondRosterKeeps() {
        assertThat(ScimDateTime.print(Instant.parse("2026-03-01T09:00:00.123456789Z"))).isEqualTo("2026-03-01T09:00:00.123Z");
        assertThat(ScimDateTime.print(Instant.parse("2026-03-01T09:00:00Z"))).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(ScimDateTime.keptPrecision(Instant.parse("2026-03-01T09:00:00.123456789Z")))
                .isEqualTo(Instant.parse("2026-03-01T09:00:00.123Z"));
    }

    @Test
    void whatItPrintsItReadsBack() {
        Instant instant = Instant.parse("2026-03-01T09:00:00.120Z");

        assertThat(ScimDateTime.parse(ScimDateTime.print(instant))).contains(instant);
    }

    @Test
    void epochMillisOnlyForWholeMilliseconds() {
        assertThat(ScimDateTime.epochMillis("1970-01-01T00:00:01.5+00:00")).contains(1500L);
        assertThat(ScimDateTime.epochMillis("1970-01-01T00:00:01.0005Z")).isEmpty();
        assertThat(ScimDateTime.epochMillis("not a time")).isEqualTo(Optional.empty());
    }

    /** The text written directly for four-digit years is Instant's own, truncated to the millisecond. */
    @Property(tries = 5000)
    void printsWhatInstantPrintsAtMillisecondPrecision(
            @ForAll @LongRange(min = -40_000_000_000L, max = 260_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(epochSecond, nanos);

        assertThat(ScimDateTime.print(instant)).isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2000-02-29T12:00:00.100Z",
            "2024-02-29T23:59:59.001Z", "2100-03-01T00:00:00Z", "1000-01-01T00:00:00Z", "0999-12-31T23:59:59.999Z",
            "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "2026-12-02T13:20:47.918Z"})
    void printsTheEdgesOfMonthsYearsAndTheFourDigitRangeAsInstantDoes(String text) {
        assertThat(ScimDateTime.print(Instant.parse(text))).isEqualTo(text);
    }
}
