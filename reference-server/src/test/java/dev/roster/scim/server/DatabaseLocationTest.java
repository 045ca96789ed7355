package dev.roster.scim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** What {@code --db} and {@code ROSTER_DB} accept. */
class DatabaseLocationTest {

    @Test
    void aPathIsASqliteFile() {
        assertThat(DatabaseLocation.parse("./data/roster.db", Map.of()))
                .isEqualTo(DatabaseLocation.sqlite(Path.of("./data/roster.db")));
    }

    @Test
    void aPostgresqlUrlTakesItsCredentialsFromTheEnvironmentWhenGiven() {
        DatabaseLocation location = DatabaseLocation.parse("jdbc:postgresql://db:5432/app?currentSchema=roster",
                Map.of("ROSTER_DB_USER", "roster", "ROSTER_DB_PASSWORD", "s3cret"));

        assertThat(location).isInstanceOfSatisfying(DatabaseLocation.PostgreSql.class, postgres -> {
            assertThat(postgres.settings().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app?currentSchema=roster");
            assertThat(postgres.settings().user()).contains("roster");
            assertThat(postgres.settings().password()).contains("s3cret");
        });
        assertThat(location.exists()).as("never created, so never removed by a failed start").isTrue();
    }

    @Test
    void withoutThoseVariablesTheUrlsOwnCredentialsApply() {
        DatabaseLocation location = DatabaseLocation.parse(
                "jdbc:postgresql://db/app?user=roster&password=s3cret", Map.of("ROSTER_DB_USER", " "));

        assertThat(location).isInstanceOfSatisfying(DatabaseLocation.PostgreSql.class, postgres -> {
            assertThat(postgres.settings().user()).isEqualTo(Optional.empty());
            assertThat(postgres.settings().password()).isEqualTo(Optional.empty());
        });
    }

    @Test
    void poolSizeAndStatementTimeoutComeFromTheEnvironment() {
        DatabaseLocation location = DatabaseLocation.parse("jdbc:postgresql://db/app",
                Map.of("ROSTER_DB_POOL_SIZE", "25", "ROSTER_DB_STATEMENT_TIMEOUT", "5"));

        assertThat(location).isInstanceOfSatisfying(DatabaseLocation.PostgreSql.class, postgres -> {
            assertThat(postgres.settings().maximumPoolSize()).isEqualTo(25);
            assertThat(postgres.settings().statementTimeout()).isEqualTo(Duration.ofSeconds(5));
        });
        assertThatThrownBy(() -> DatabaseLocation.parse("jdbc:postgresql://db/app",
                Map.of("ROSTER_DB_POOL_SIZE", "0"))).hasMessage("ROSTER_DB_POOL_SIZE must be a positive whole "
                + "number, not '0'");
    }

    @Test
    void theDescriptionShowsNoPassword() {
        DatabaseLocation location = DatabaseLocation.parse("jdbc:postgresql://db/app?user=roster&password=s3cret",
                Map.of("ROSTER_DB_PASSWORD", "other-secret"));

        assertThat(location.description()).isEqualTo("PostgreSQL jdbc:postgresql://db/app?…")
                .doesNotContain("s3cret", "other-secret");
        assertThat(location.toString()).doesNotContain("s3cret", "other-secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://db/app", "postgres://db/app", "jdbc:mysql://db/app?password=x", " "})
    void otherUrlsAreRefusedWithWhatToWrite(String text) {
        assertThatThrownBy(() -> DatabaseLocation.parse(text, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/database")
                .hasMessageNotContaining("password=x");
    }
}
