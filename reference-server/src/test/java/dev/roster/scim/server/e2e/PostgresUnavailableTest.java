package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.mybatis.PostgreSqlSettings;
import dev.roster.scim.mybatis.testing.TestPostgres;
import dev.roster.scim.server.DatabaseLocation;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A server whose database has no connection free answers {@code 503} with {@code Retry-After}, as a SCIM error:
 * the failure is transient and the request may be sent again. Before ADR 032 HikariCP's timeout, which carries no
 * SQLSTATE, was "SQLite error 0" and a {@code 500}.
 */
class PostgresUnavailableTest {

    private static final int POOL = 2;

    private final ExecutorService clients = Executors.newFixedThreadPool(POOL);
    private TestServer server;

    @AfterEach
    void stop() {
        clients.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRequestThatFindsNoConnectionFreeIsAnswered503WithRetryAfter() throws Exception {
        // Two: Flyway's migration takes two connections at start.
        PostgreSqlSettings settings = TestPostgres.newSchema().withMaximumPoolSize(POOL);
        server = TestServer.start(TestServer.options(new DatabaseLocation.PostgreSql(settings)));
        String token = server.createScimReadySite("acme");
        String id = call("POST", server.scimBase("acme") + "/Users").bearer(token)
                .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ann\"}")
                .send().expect(201).path("id").asText();

        try (Connection locker = DriverManager.getConnection(settings.jdbcUrl())) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
            }
            // Each connection of the pool now waits for the lock, under a request of its own.
            List<CompletableFuture<Http.Reply>> blocked = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                blocked.add(CompletableFuture.supplyAsync(
                        () -> call("GET", server.scimBase("acme") + "/Users/" + id).bearer(token).send(), clients));
            }
            awaitRosterWaitingForTheLock(locker);

            Http.Reply second = call("GET", server.scimBase("acme") + "/Users/" + id).bearer(token).send();

            JsonNode error = second.expectScimError(503, null);
            assertThat(second.header("Retry-After")).contains("1");
            assertThat(error.path("detail").asText()).contains("send the request again")
                    .doesNotContain("SQLite").doesNotContain("Hikari");
            locker.rollback();
            for (CompletableFuture<Http.Reply> reply : blocked) {
                assertThat(reply.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        }
        call("GET", server.scimBase("acme") + "/Users/" + id).bearer(token).send().expect(200);
    }

    private static void awaitRosterWaitingForTheLock(Connection connection) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Statement query = connection.createStatement()) {
            while (true) {
                try (ResultSet waiting = query.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE"
                        + " application_name = 'roster' AND wait_event_type = 'Lock' AND datname = current_database()"
                        + " AND pid <> pg_backend_pid()")) {
                    waiting.next();
                    if (waiting.getLong(1) >= POOL) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("Roster's connections wait for the lock").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }
}
