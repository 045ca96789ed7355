package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.roster.scim.core.model.TokenHash;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Bearer tokens and the admin password are kept only as hashes and never logged: after real traffic, neither is in
 * the SQLite files (database and WAL) nor in any log event, while the token's hash is, which shows the scan reads
 * the data.
 */
class SecretsAreNotKeptInClearTest {

    @TempDir
    Path directory;

    private static final String IDP_PASSWORD = "idp-sent-Pa55word";

    @Test
    void tokensAndTheAdminPasswordAppearNeitherInTheDatabaseFilesNorInTheLog() throws IOException {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        String token;
        try (TestServer server = TestServer.start(directory.resolve("secrets.db"))) {
            token = server.createScimReadySite("secrets");
            for (String presented : new String[]{token, token + "x"}) {
                server.send(HttpRequest.newBuilder(URI.create(server.scimBase("secrets") + "/Users?filter="
                                + "userName%20eq%20%22ann%22"))
                        .header("Authorization", "Bearer " + presented).GET().build());
            }
            // A password an IdP sends reaches the request inspector's table only masked.
            server.send(HttpRequest.newBuilder(URI.create(server.scimBase("secrets") + "/Users"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:"
                            + "2.0:User\"],\"userName\":\"ann\",\"password\":\"" + IDP_PASSWORD + "\"}"))
                    .build());
            server.admin("GET", "/c/secrets/admin/api/settings", "", 200);
        } finally {
            root.detachAppender(log);
        }

        String files = allDatabaseBytes();
        assertThat(files).contains(TokenHash.of(token).hex());
        assertThat(files).doesNotContain(token).doesNotContain(TestServer.ADMIN_PASSWORD).doesNotContain(IDP_PASSWORD);
        assertThat(files).contains("[redacted]");
        assertThat(log.list).isNotEmpty();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains(token) || message.contains(TestServer.ADMIN_PASSWORD));
    }

    private String allDatabaseBytes() throws IOException {
        StringBuilder content = new StringBuilder();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("secrets.db")).toList()) {
                content.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return content.toString();
    }
}
