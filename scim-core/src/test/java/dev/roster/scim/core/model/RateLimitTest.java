package dev.roster.scim.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

class RateLimitTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "600/min            | 600     | PT1M | 600     | 600/min",
            "600/min,burst=50   | 600     | PT1M | 50      | 600/min,burst=50",
            "' 5 / S , Burst = 9' | 5     | PT1S | 9       | 5/s,burst=9",
            "10/second          | 10      | PT1S | 10      | 10/s",
            "1/hour             | 1       | PT1H | 1       | 1/h",
            "7/minute,burst=7   | 7       | PT1M | 7       | 7/min",
            "1000000/h          | 1000000 | PT1H | 1000000 | 1000000/h"})
    void theWrittenFormIsReadAndWrittenBack(String text, int requests, String period, int burst, String canonical) {
        RateLimit limit = RateLimit.parse(text);

        assertThat(limit).isEqualTo(new RateLimit(requests, Duration.parse(period), burst));
        assertThat(limit.text()).isEqualTo(canonical);
        assertThat(RateLimit.parse(limit.text())).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "600", "/min", "600/", "600/day", "600/min,", "600/min,burst", "0/min",
            "600/min,burst=0", "1000001/s", "600/min,burst=1000001", "99999999999/s", "-1/s", "600 per minute",
            "600/min;burst=5", "600/min,rate=5"})
    void anythingElseIsInvalidValueSayingWhatToWrite(String text) {
        assertThatThrownBy(() -> RateLimit.parse(text)).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
            assertThat(e.getMessage()).contains("'600/min'", "'600/min,burst=50'");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000600/min", "600/min\n<script>"})
    void whatIsRefusedIsNotEchoedWithControlCharacters(String text) {
        assertThatThrownBy(() -> RateLimit.parse(text)).isInstanceOfSatisfying(ScimException.class, e ->
                assertThat(e.getMessage()).doesNotContain("\u0000", "\n"));
    }

    @Test
    void theIntervalIsThePeriodOverTheRequests() {
        assertThat(RateLimit.parse("600/min").interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(RateLimit.parse("3/s").interval()).isEqualTo(Duration.ofNanos(333_333_333));
    }
}
