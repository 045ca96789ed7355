package dev.roster.scim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.model.RateLimit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --default-rate-limit} takes a rate limit in its written form and says what to write for anything else. */
class RateLimitOptionTest {

    @Test
    void aRateWithAnOptionalBurstIsTaken() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--default-rate-limit", "600/min,burst=100");
        assertThat(main.defaultRateLimit).isEqualTo(RateLimit.parse("600/min,burst=100"));
        assertThat(main.defaultRateLimit.text()).isEqualTo("600/min,burst=100");
    }

    @Test
    void withoutTheOptionNewSitesGetNoLimit() {
        Main main = new Main();
        new CommandLine(main).parseArgs();
        assertThat(main.defaultRateLimit).isNull();
    }

    @Test
    void anythingElseIsAUsageErrorThatShowsTheForm() {
        for (String bad : new String[]{"600", "600/day", "0/min", "-5/s", "600/min,burst=0", "fast",
                "2000000/s", "600/min;burst=5"}) {
            assertThatThrownBy(() -> new CommandLine(new Main()).parseArgs("--default-rate-limit", bad))
                    .as(bad).isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageContaining("600/min");
        }
    }
}
