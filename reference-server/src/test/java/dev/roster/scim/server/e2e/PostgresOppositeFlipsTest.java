package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.mybatis.PostgreSqlSettings;
import dev.roster.scim.server.DatabaseLocation;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's W2 in small, over HTTP: IdP requests {@code PATCH replace active} of <em>different</em> users in
 * <em>opposite</em> directions at once, against one server and against two servers sharing one PostgreSQL database.
 * Before ADR 032 the {@code user_counts} trigger took the two count rows of a flip in opposite orders for opposite
 * flips, and PostgreSQL broke the deadlocks by aborting writes, which the write path ran again after a second of
 * {@code deadlock_timeout} each, queueing every other request behind them. Every PATCH must be a {@code 200}, no write
 * may have been aborted ({@code roster_db_write_retries_total}), and the totals of {@code active eq true|false}
 * must equal a {@code COUNT(*)} of the rows.
 */
class PostgresOppositeFlipsTest {

    private static final int WRITERS = 8;
    private static final int ROUNDS = 15;

    private final List<TestServer> servers = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS);

    @AfterEach
    void stop() {
        threads.shutdownNow();
        servers.forEach(TestServer::close);
    }

    @Test
    void oppositeFlipsOnOneServerAreAllAnsweredWithoutAnAbortedWrite() throws Exception {
        DatabaseLocation.PostgreSql database = (DatabaseLocation.PostgreSql) TestServer.newPostgresDatabase();
        TestServer server = start(database);

        flipInOppositeDirections(List.of(server), database.settings());
    }

    @Test
    void oppositeFlipsSplitAcrossTwoServersAreAllAnsweredWithoutAnAbortedWrite() throws Exception {
        DatabaseLocation.PostgreSql database = (DatabaseLocation.PostgreSql) TestServer.newPostgresDatabase();
        List<TestServer> both = List.of(start(database), start(database));

        flipInOppositeDirections(both, database.settings());
    }

    private TestServer start(DatabaseLocation database) {
        TestServer server = TestServer.start(TestServer.options(database));
        servers.add(server);
        return server;
    }

    /** Each writer owns two users, one active and one not, flips both each round, and uses server {@code w % n}. */
    private void flipInOppositeDirections(List<TestServer> on, PostgreSqlSettings settings) throws Exception {
        String token = on.get(0).createScimReadySite("acme");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WRITERS * 2; i++) {
            ids.add(call("POST", on.get(0).scimBase("acme") + "/Users").bearer(token)
                    .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"user" + i
                            + "@example.com\",\"active\":" + (i % 2 == 0) + "}")
                    .send().expect(201).path("id").asText());
        }
        CountDownLatch start = new CountDownLatch(WRITERS);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            TestServer server = on.get(w % on.size());
            List<String> own = List.of(ids.get(2 * w), ids.get(2 * w + 1));
            writers.add(() -> {
                start.countDown();
                start.await();
                boolean[] active = {true, false};
                for (int round = 0; round < ROUNDS; round++) {
                    for (int u = 0; u < own.size(); u++) {
                        active[u] = !active[u];
                        Http.Reply reply = call("PATCH", server.scimBase("acme") + "/Users/" + own.get(u))
                                .bearer(token)
                                .json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":"
                                        + active[u] + "}]}")
                                .send();
                        assertThat(reply.expect(200).path("active").asBoolean()).isEqualTo(active[u]);
                    }
                }
                return null;
            });
        }
        for (Future<Void> done : threads.invokeAll(writers, 5, TimeUnit.MINUTES)) {
            done.get();
        }

        for (TestServer server : on) {
            Http.Reply metrics = call("GET", server.baseUrl() + "/metrics").admin().send();
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("roster_db_write_retries_total");
            assertThat(MetricsTest.sample(metrics.body(), "roster_db_write_retries_total"))
                    .as("writes aborted and run again on %s", server.baseUrl()).isZero();
            for (boolean active : new boolean[] {true, false}) {
                long counted = countRows(settings, active);
                // ROUNDS is odd: each user ends where its partner started, so each side keeps WRITERS users.
                assertThat(counted).as("users with active = %s", active).isEqualTo(WRITERS);
                String filter = URLEncoder.encode("active eq " + active, StandardCharsets.UTF_8);
                assertThat(call("GET", server.scimBase("acme") + "/Users?count=0&filter=" + filter).bearer(token)
                        .send().expect(200).path("totalResults").asLong())
                        .as("totalResults of active eq %s on %s", active, server.baseUrl()).isEqualTo(counted);
            }
        }
    }

    private static long countRows(PostgreSqlSettings settings, boolean active) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM users WHERE site = 'acme' AND active = ?")) {
            count.setBoolean(1, active);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
