package dev.roster.scim.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class SessionCookieTest {

    @Test
    void cookieOverTlsOrAnHttpsPublicUrlIsSecure() {
        assertThat(SessionCookie.issue("abc", Duration.ofHours(8), true))
                .isEqualTo("roster_admin_session=abc; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure");
        assertThat(SessionCookie.cleared(true)).contains("Max-Age=0", "; Secure");
    }

    @Test
    void cookieOverPlainHttpIsNotSecureOrBrowsersWouldDropIt() {
        assertThat(SessionCookie.issue("abc", Duration.ofHours(8), false))
                .isEqualTo("roster_admin_session=abc; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict");
    }
}
