package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.GLOBEX;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.email;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withEmails;
import static dev.roster.scim.mybatis.TestUsers.withExternalId;
import static dev.roster.scim.mybatis.TestUsers.withTimes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.mybatis.internal.mapper.UserSearchStatement;
import dev.roster.scim.mybatis.internal.mapper.UserSqlProvider;
import dev.roster.scim.mybatis.internal.sql.Dialect;
import dev.roster.scim.mybatis.internal.sql.FilterToSql;
import dev.roster.scim.mybatis.internal.sql.KeysetOrder;
import dev.roster.scim.mybatis.internal.sql.SortToSql;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lookups identity providers make on every sync are index searches on PostgreSQL too, proven by its planner on a
 * table large enough (and analysed) for a sequential scan to be the planner's choice if no index fitted: 20,000
 * users in two sites, one work and one home email each, a few changed in the last minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresQueryPlanTest {

    private static final int USERS_PER_SITE = 10_000;
    private String url;
    private RosterDatabase database;

    @BeforeAll
    void manyUsers() throws SQLException {
        var settings = TestPostgres.newSchema();
        url = settings.jdbcUrl();
        database = RosterDatabase.open(settings);
        for (SiteId site : List.of(ACME, GLOBEX)) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < USERS_PER_SITE; i++) {
                User user = withEmails(withExternalId(user(site.value() + "-" + i, "user" + i + "@example.org"),
                        "ext-" + i), email("user" + i + "@example.org", "work", true),
                        email("user" + i + "@home.example", "home", false));
                // Almost everyone last changed long ago; delta sync asks for the few changed since.
                Instant longAgo = T0.minus(Duration.ofDays(30));
                users.add(i < 5 ? user : withTimes(user, longAgo, longAgo));
            }
            database.userStore().insertAll(site, users);
        }
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    @AfterAll
    void close() {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "userName eq \"user42@example.org\" | users_user_name",
            "externalId eq \"ext-42\" | users_external_id",
            "emails[type eq \"work\"].value eq \"user42@example.org\" | user_emails_value",
            "emails.value eq \"user42@example.org\" | user_emails_value",
            "meta.lastModified gt \"2024-03-01T10:14:30.123Z\" | users_last_modified",
            "active eq false | users_active"})
    void identityProviderLookupsAreIndexSearches(String filter, String index) throws SQLException {
        for (UserQuery.Pending pending : UserQuery.Pending.values()) {
            UserSearchStatement statement = UserSearchStatement.of(Dialect.POSTGRESQL, ACME.value(), false, pending,
                    FilterToSql.translate(Dialect.POSTGRESQL, ACME, FilterParser.parse(filter)), SortToSql.BY_ID)
                    .page(10, 0);

            String plan = explain(new UserSqlProvider().search(statement), statement);
            String countPlan = explain(new UserSqlProvider().count(statement), statement);
            String oneStatementPlan = explain(new UserSqlProvider().renderingsWithTotal(statement,
                    FilterToSql.activeEquals(FilterParser.parse(filter))), statement);

            // The admin's list of pending identities (ONLY) may start from their own small index instead.
            String expected = pending == UserQuery.Pending.ONLY && !plan.contains(index) ? "users_pending" : index;
            assertThat(plan).as(plan).contains(expected).doesNotContain("Seq Scan");
            assertThat(countPlan).as(countPlan).contains(expected).doesNotContain("Seq Scan");
            // ADR 046: the total is an InitPlan, run once, not a sub-plan per row of the page
            assertThat(oneStatementPlan).as(oneStatementPlan).contains(expected).contains("InitPlan")
                    .doesNotContain("SubPlan").doesNotContain("Seq Scan on users");
        }
    }

    @Test
    void aKeysetPageInIdOrderIsARangeOfThePrimaryKey() throws SQLException {
        KeysetOrder byId = KeysetOrder.of(Optional.empty()).orElseThrow();
        for (boolean backward : new boolean[] {false, true}) {
            UserSearchStatement page = UserSearchStatement.of(Dialect.POSTGRESQL, ACME.value(), false,
                    UserQuery.Pending.INCLUDED, Optional.of(byId.after(Optional.empty(), "acme-5000", backward, 0)),
                    byId.orderBy(backward)).page(101, 0);

            String plan = explain(new UserSqlProvider().search(page), page);

            assertThat(plan).as(plan).contains("users_pkey").doesNotContain("Seq Scan").doesNotContain("Sort");
        }
    }

    @Test
    void theTotalWithoutAFilterReadsTheSiteCountsNotItsUsers() throws SQLException {
        for (UserQuery.Pending pending : UserQuery.Pending.values()) {
            UserSearchStatement statement = UserSearchStatement.of(Dialect.POSTGRESQL, ACME.value(), false, pending,
                    Optional.empty(), SortToSql.BY_ID);

            String countPlan = explain(new UserSqlProvider().count(statement), statement);
            UserSearchStatement firstPage = statement.page(100, 0);
            String oneStatementPlan = explain(new UserSqlProvider().renderingsWithTotal(firstPage, Optional.empty()),
                    firstPage);

            assertThat(countPlan).as(countPlan).contains("user_counts").doesNotContain(" on users");
            assertThat(oneStatementPlan).as(oneStatementPlan).contains("InitPlan").contains("user_counts")
                    .doesNotContain("SubPlan").doesNotContain("Seq Scan on users");
        }
        assertThat(database.userStore().search(ACME, UserQuery.all(1, 0).withPending(UserQuery.Pending.INCLUDED))
                .totalResults()).isEqualTo(USERS_PER_SITE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "userName eq \"USER42@example.org\" | 1",
            "emails[type eq \"work\"].value eq \"user42@example.org\" | 1",
            "emails[type eq \"home\"].value eq \"user42@example.org\" | 0",
            "meta.lastModified gt \"2024-03-01T10:14:30.123Z\" | 5"})
    void theIndexedLookupsAnswerWhatTheFilterSays(String filter, long expected) {
        assertThat(database.userStore().search(ACME, UserQuery.filtered(FilterParser.parse(filter), 1, 10))
                .totalResults()).isEqualTo(expected);
    }

    private String explain(String mybatisSql, UserSearchStatement statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement explain = JdbcStatement.of(mybatisSql, statement).prepare(connection, "EXPLAIN ")) {
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
