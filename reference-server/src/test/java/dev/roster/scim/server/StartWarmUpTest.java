package dev.roster.scim.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/**
 * Main's warm-up thread (ADR 053) loads the SQLite driver and Jackson beside the start: a start right after it, on a
 * real server, answers SCIM; and a start on PostgreSQL, told by {@code --db} or {@code ROSTER_DB}, loads no SQLite.
 */
class StartWarmUpTest {

    @TempDir
    Path directory;

    @Test
    void aServerStartedBesideTheWarmUpAnswersScim() {
        Path database = directory.resolve("roster.db");
        StartWarmUp.begin(new String[] {"--db", database.toString()}, Map.of());
        try (TestServer server = TestServer.start(database)) {
            String token = server.createScimReadySite("acme");
            HttpResponse<String> users = server.send(HttpRequest.newBuilder(
                    URI.create(server.scimBase("acme") + "/Users?count=0"))
                    .header("Authorization", "Bearer " + token).GET().build());
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).contains("\"totalResults\":0");
        }
    }

    @Test
    void onlyASqliteStartPreloadsTheSqliteDriver() {
        String postgres = "jdbc:postgresql://db:5432/roster";
        assertThat(StartWarmUp.needsSqlite(new String[0], Map.of())).as("the default file").isTrue();
        assertThat(StartWarmUp.needsSqlite(new String[] {"--db", "roster.db"}, Map.of())).isTrue();
        assertThat(StartWarmUp.needsSqlite(new String[] {"--db", postgres}, Map.of())).isFalse();
        assertThat(StartWarmUp.needsSqlite(new String[] {"--db=" + postgres}, Map.of())).isFalse();
        assertThat(StartWarmUp.needsSqlite(new String[0], Map.of(DatabaseLocation.VARIABLE, postgres))).isFalse();
        assertThat(StartWarmUp.needsSqlite(new String[] {"--db", "roster.db"},
                Map.of(DatabaseLocation.VARIABLE, postgres))).as("--db before ROSTER_DB").isTrue();
        assertThat(StartWarmUp.needsSqlite(new String[] {"--port", "8080"}, Map.of(DatabaseLocation.VARIABLE,
                "roster.db"))).isTrue();
    }
}
