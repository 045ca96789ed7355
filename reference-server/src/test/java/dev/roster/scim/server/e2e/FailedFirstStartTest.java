package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.server.ServerOptions;
import dev.roster.scim.server.StartupFailure;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A first start that cannot take its port stores no secret it never showed and leaves no database behind; the next
 * start on a free port shows the demo token and the generated admin password, and both work.
 */
class FailedFirstStartTest {

    private static final Pattern TOKEN = Pattern.compile("only its hash is kept\\):\\R\\s+(\\S+)");
    private static final Pattern PASSWORD = Pattern.compile("user 'admin', password (\\S+)");

    @TempDir
    Path directory;

    @Test
    void startOnABusyPortFailsInOneLineAndARetryShowsTheSecrets() throws IOException {
        Path database = directory.resolve("first.db");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> TestServer.start(options(database, busy.getLocalPort())))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessage("port " + busy.getLocalPort() + " on 127.0.0.1 is in use");
        }
        try (var files = Files.list(directory)) {
            assertThat(files).as("files left by the failed start").isEmpty();
        }

        try (TestServer server = TestServer.start(options(database, 0))) {
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
    void failedStartWithAGivenPasswordKeepsTheStoredOne() throws IOException {
        Path database = directory.resolve("kept.db");
        try (TestServer first = TestServer.start(options(database, 0, Optional.of("the-first-password")))) {
            first.console();
        }
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> TestServer.start(options(database, busy.getLocalPort(),
                    Optional.of("a-second-password")))).isInstanceOf(StartupFailure.class);
        }
        assertThat(database).as("an existing database stays").exists();

        try (TestServer again = TestServer.start(options(database, 0))) {
            call("GET", again.baseUrl() + "/admin/api/sites")
                    .header("Authorization", TestServer.basic("admin", "the-first-password")).send().expect(200);
            call("GET", again.baseUrl() + "/admin/api/sites")
                    .header("Authorization", TestServer.basic("admin", "a-second-password")).send()
                    .expectScimError(401, null);
        }
    }

    private static ServerOptions options(Path database, int port) {
        return options(database, port, Optional.empty());
    }

    private static ServerOptions options(Path database, int port, Optional<String> password) {
        return new ServerOptions("127.0.0.1", port, database, password, 0, CreationPolicy.JIT_ONLY);
    }
}
