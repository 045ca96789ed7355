package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.mybatis.RosterStorageException;
import dev.roster.scim.mybatis.testing.TestPostgres;
import dev.roster.scim.server.DatabaseLocation;
import dev.roster.scim.server.ServerOptions;
import dev.roster.scim.server.StartupFailure;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts on PostgreSQL that fail: the database unreachable or the password wrong (one clear line, no password in
 * it), and the port taken (nothing dropped, nothing stored that was not shown: the next start shows the secrets).
 */
class PostgresStartupTest {

    private static final Pattern TOKEN = Pattern.compile("only its hash is kept\\):\\R\\s+(\\S+)");
    private static final Pattern PASSWORD = Pattern.compile("user 'admin', password (\\S+)");

    @Test
    void anUnreachableDatabaseFailsTheStartWithTheReasonAndWithoutThePassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        DatabaseLocation nowhere = DatabaseLocation.parse("jdbc:postgresql://127.0.0.1:" + closedPort
                + "/roster?password=do-not-print&connectTimeout=5", Map.of());

        assertThatThrownBy(() -> TestServer.start(TestServer.options(nowhere)))
                .isInstanceOf(RosterStorageException.class)
                .hasMessageStartingWith("Cannot connect to the PostgreSQL database jdbc:postgresql://127.0.0.1:"
                        + closedPort + "/roster?…: ")
                .hasMessageNotContaining("do-not-print");
    }

    @Test
    void aWrongPasswordFailsTheStartSayingSoWithoutThePassword() {
        TestPostgres.PasswordDatabase database = TestPostgres.newSchemaOfPasswordUser();
        DatabaseLocation wrong = DatabaseLocation.parse(database.url(), Map.of("ROSTER_DB_USER", database.user(),
                "ROSTER_DB_PASSWORD", "not-" + database.password()));

        assertThatThrownBy(() -> TestServer.start(TestServer.options(wrong)))
                .isInstanceOf(RosterStorageException.class)
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining(database.password());
    }

    @Test
    void aFirstStartOnATakenPortStoresNothingAndTheNextStartShowsTheSecrets() throws IOException {
        DatabaseLocation database = TestServer.newPostgresDatabase();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> TestServer.start(firstStart(database, busy.getLocalPort())))
                    .isInstanceOf(StartupFailure.class);
        }

        try (TestServer server = TestServer.start(firstStart(database, 0))) {
            Matcher token = TOKEN.matcher(server.console());
            Matcher password = PASSWORD.matcher(server.console());
            assertThat(token.find()).as("token in %s", server.console()).isTrue();
            assertThat(password.find()).as("password in %s", server.console()).isTrue();
            call("GET", server.scimBase("demo") + "/Users").bearer(token.group(1)).send().expect(200);
            call("GET", server.baseUrl() + "/admin/api/sites")
                    .header("Authorization", TestServer.basic("admin", password.group(1))).send().expect(200);
        }
    }

    @Test
    void aFailedStartBesideARunningServerDropsNothing() throws IOException {
        DatabaseLocation database = TestServer.newPostgresDatabase();
        try (TestServer running = TestServer.start(TestServer.options(database))) {
            String token = running.createScimReadySite("acme");
            try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThatThrownBy(() -> TestServer.start(new ServerOptions("127.0.0.1", busy.getLocalPort(),
                        database, Optional.of(TestServer.ADMIN_PASSWORD), 0, CreationPolicy.DEFAULT,
                        Optional.empty()))).isInstanceOf(StartupFailure.class);
            }

            call("GET", running.scimBase("acme") + "/Users").bearer(token).send().expect(200);
            assertThat(running.admin("GET", "/admin/api/sites", "", 200).path("sites")).hasSize(2);
        }
    }

    private static ServerOptions firstStart(DatabaseLocation database, int port) {
        return new ServerOptions("127.0.0.1", port, database, Optional.empty(), 0, CreationPolicy.DEFAULT,
                Optional.empty());
    }
}
