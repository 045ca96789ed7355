package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.mybatis.internal.sql.Dialect;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A page past the end carries no total, so ADR 046 counts it by a second statement in a later snapshot. Users that
 * another connection commits between the two would make that count contradict the empty page; the one-statement
 * path then gives up and the read transaction answers, page and total from one snapshot.
 */
class PostgresPagePastTheEndTest {

    private static final UserQuery PAST_THE_END = UserQuery.all(7, 10);

    private PostgreSqlSettings settings;
    private RosterDatabase database;
    private final UserSearch search = new UserSearch(Dialect.POSTGRESQL, InMemoryFiltering.CORE);

    @BeforeEach
    void fiveUsers() {
        settings = TestPostgres.newSchema();
        database = RosterDatabase.open(settings);
        database.userStore().insertAll(ACME, users(0, 5));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aCountThatStillEndsBeforeThePageIsTheAnswer() throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl())) {
            Optional<RenderedPage> page = search.renderedInOneStatement(connection, ACME, PAST_THE_END);

            assertThat(page).isPresent();
            assertThat(page.get().users()).isEmpty();
            assertThat(page.get().totalResults()).isEqualTo(5);
        }
    }

    @Test
    void usersCommittedBeforeTheCountSendTheSearchToTheReadTransaction() throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl())) {
            Connection committingBetween = beforeStatement(connection, 2,
                    () -> database.userStore().insertAll(ACME, users(5, 10)));

            assertThat(search.renderedInOneStatement(committingBetween, ACME, PAST_THE_END)).isEmpty();
        }
        RenderedPage answered = database.userStore().searchRendered(ACME, PAST_THE_END).orElseThrow();
        assertThat(answered.totalResults()).isEqualTo(10);
        assertThat(answered.users()).hasSize(4);
    }

    /** {@code connection}, running {@code work} just before it prepares its {@code n}th statement. */
    private static Connection beforeStatement(Connection connection, int n, Runnable work) {
        AtomicInteger prepared = new AtomicInteger();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("prepareStatement") && prepared.incrementAndGet() == n) {
                        work.run();
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<User> users(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> user("u" + i, "user" + i + "@example.org")).toList();
    }
}
