package dev.roster.scim.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Base64;

/** The stored form of the admin password: PBKDF2-HMAC-SHA256, 210,000 iterations, a fresh 128-bit salt. */
class AdminPasswordTest {

    @Test
    void theStoredFormIsPbkdf2WithTheDocumentedIterationsSaltAndLength() {
        String stored = AdminPassword.hash("correct horse").stored();

        String[] parts = stored.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo("210000");
        assertThat(Base64.getDecoder().decode(parts[2])).as("salt").hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).as("derived key").hasSize(32);
        assertThat(stored).doesNotContain("correct horse");
    }

    @Test
    void eachHashHasItsOwnSaltAndOnlyThePasswordMatches() {
        AdminPassword first = AdminPassword.hash("correct horse");
        AdminPassword second = AdminPassword.hash("correct horse");

        assertThat(first.stored()).isNotEqualTo(second.stored());
        assertThat(AdminPassword.fromStored(first.stored()).matches("correct horse")).isTrue();
        assertThat(first.matches("correct horse ")).isFalse();
        assertThat(first.matches("Correct horse")).isFalse();
        assertThat(first.toString()).doesNotContain(first.stored());
    }
}
