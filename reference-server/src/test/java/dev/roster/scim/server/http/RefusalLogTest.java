package dev.roster.scim.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A refusal's reason can quote what the client sent; the log gets no line breaks, no controls, and not much. */
class RefusalLogTest {

    @Test
    void refusalReasonsReachTheLogAsAtMost160PrintableCharacters() {
        String reason = "a control character in the value of X-" + "n".repeat(300) + "\r\nInjected: line\u0000";

        String logged = RefusalLog.printable(reason);

        assertThat(logged).hasSize(161).endsWith("…").startsWith("a control character in the value of X-nnn");
        assertThat(logged.substring(0, 160)).matches("[\\x20-\\x7e]{160}");
        assertThat(RefusalLog.printable("line\r\nbreak\u0000")).isEqualTo("line??break?");
    }
}
