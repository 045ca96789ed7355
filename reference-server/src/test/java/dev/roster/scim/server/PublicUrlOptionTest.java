package dev.roster.scim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.URI;

/** {@code --public-url} takes an absolute http(s) URL and nothing else, at parse time. */
class PublicUrlOptionTest {

    @Test
    void anAbsoluteHttpsUrlIsTakenAsTheBase() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--public-url", "https://scim.example.com/roster");
        assertThat(main.publicUrl).isEqualTo(URI.create("https://scim.example.com/roster/"));
    }

    @Test
    void anythingElseIsAUsageError() {
        for (String bad : new String[]{"scim.example.com", "ftp://scim.example.com", "https://x.example/?a=b",
                "https://user:pw@x.example/", "http://"}) {
            assertThatThrownBy(() -> new CommandLine(new Main()).parseArgs("--public-url", bad))
                    .as(bad).isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageContaining("absolute http(s) URL");
        }
    }
}
