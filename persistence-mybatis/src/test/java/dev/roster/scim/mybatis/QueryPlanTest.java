package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.mybatis.internal.mapper.UserSearchStatement;
import dev.roster.scim.mybatis.internal.mapper.UserSqlProvider;
import dev.roster.scim.mybatis.internal.sql.Dialect;
import dev.roster.scim.mybatis.internal.sql.FilterToSql;
import dev.roster.scim.mybatis.internal.sql.KeysetOrder;
import dev.roster.scim.mybatis.internal.sql.SortToSql;
import dev.roster.scim.mybatis.internal.sql.SqlCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lookups that identity providers make on every sync must be index searches, never a scan of users. */
class QueryPlanTest extends DatabaseTest {

    @ParameterizedTest
    @CsvSource({"userName, INCLUDED, users_user_name", "externalId, INCLUDED, users_external_id",
            "emails.value, INCLUDED, user_emails_value", "userName, EXCLUDED, users_user_name",
            "emails.value, EXCLUDED, user_emails_value", "userName, ONLY, users_pending"})
    void equalityLookupUsesTheAttributesIndex(String attribute, UserQuery.Pending pending, String index)
            throws SQLException {
        String[] parts = attribute.split("\\.");
        AttrPath path = parts.length == 1 ? AttrPath.of(parts[0]) : AttrPath.of(parts[0], parts[1]);
        Filter filter = Filter.compare(path, CompareOp.EQ, CompValue.of("someone@example.org"));
        UserSearchStatement statement = UserSearchStatement.of(Dialect.SQLITE, ACME.value(), false, pending,
                FilterToSql.translate(Dialect.SQLITE, ACME, filter), SortToSql.BY_ID).page(10, 0);

        List<String> plan = explain(new UserSqlProvider().search(statement), statement);
        List<String> countPlan = explain(new UserSqlProvider().count(statement), statement);

        // Not the primary key (site, id): walking it in id order for the LIMIT reads every user of the site, which a
        // file without ANALYZE statistics got for userName and externalId until equalities were marked selective.
        assertThat(plan).as(String.join("\n", plan)).noneMatch(step -> step.startsWith("SCAN u"))
                .anyMatch(step -> step.contains("USING INDEX " + index + " ")
                        || step.contains("USING COVERING INDEX " + index + " "));
        assertThat(countPlan).as(String.join("\n", countPlan)).noneMatch(step -> step.startsWith("SCAN u"));
    }

    @ParameterizedTest
    @CsvSource({"userName", "externalId", "emails.value"})
    void aStartsWithSearchIsAnIndexRangeNotAScan(String attribute) throws SQLException {
        String[] parts = attribute.split("\\.");
        AttrPath path = parts.length == 1 ? AttrPath.of(parts[0]) : AttrPath.of(parts[0], parts[1]);
        Filter filter = Filter.compare(path, CompareOp.SW, CompValue.of("someone"));
        UserSearchStatement statement = UserSearchStatement.of(Dialect.SQLITE, ACME.value(), false,
                UserQuery.Pending.INCLUDED, FilterToSql.translate(Dialect.SQLITE, ACME, filter), SortToSql.BY_ID)
                .page(10, 0);

        List<String> countPlan = explain(new UserSqlProvider().count(statement), statement);

        assertThat(countPlan).as(String.join("\n", countPlan)).noneMatch(step -> step.startsWith("SCAN u"))
                .noneMatch(step -> step.startsWith("SCAN e"))
                .anyMatch(step -> step.contains("USING INDEX") && step.contains(">?") && step.contains("<?"));
    }

    @ParameterizedTest
    @CsvSource({"true, ", "false, ", "true, u500", "false, u500"})
    void anActiveFilterReadsAnIndexAlreadyInIdOrder(boolean active, String afterId) throws SQLException {
        Filter filter = Filter.compare(AttrPath.of("active"), CompareOp.EQ, CompValue.of(active));
        KeysetOrder byId = KeysetOrder.of(Optional.empty()).orElseThrow();
        SqlCondition condition = FilterToSql.translate(Dialect.SQLITE, ACME, filter).orElseThrow();
        if (afterId != null) {
            SqlCondition start = byId.after(Optional.empty(), afterId, false, condition.parameters().size());
            List<Object> parameters = new ArrayList<>(condition.parameters());
            parameters.addAll(start.parameters());
            condition = new SqlCondition(condition.sql() + " AND " + start.sql(), parameters);
        }
        UserSearchStatement statement = UserSearchStatement.of(Dialect.SQLITE, ACME.value(), false,
                UserQuery.Pending.INCLUDED, Optional.of(condition), SortToSql.BY_ID).page(101, 0);

        List<String> plan = explain(new UserSqlProvider().search(statement), statement);

        assertThat(plan).as(String.join("\n", plan)).anyMatch(step -> step.contains("INDEX users_active ("))
                .noneMatch(step -> step.startsWith("SCAN u")).noneMatch(step -> step.contains("TEMP B-TREE"));
    }

    @Test
    void aPageSortedByLastModifiedReadsItsIndexWithoutASort() throws SQLException {
        Filter changedSince = Filter.compare(AttrPath.of("meta", "lastModified"), CompareOp.GT,
                CompValue.of("2024-03-01T10:14:30.123Z"));
        String byLastModified = SortToSql.orderBy(SortSpec.ascending(AttrPath.of("meta", "lastModified")))
                .orElseThrow();
        UserSearchStatement statement = UserSearchStatement.of(Dialect.SQLITE, ACME.value(), false,
                UserQuery.Pending.INCLUDED, FilterToSql.translate(Dialect.SQLITE, ACME, changedSince),
                byLastModified).page(100, 0);

        List<String> plan = explain(new UserSqlProvider().search(statement), statement);

        assertThat(plan).as(String.join("\n", plan)).anyMatch(step -> step.contains("users_last_modified"))
                .noneMatch(step -> step.contains("TEMP B-TREE"));
    }

    @Test
    void aKeysetPageInIdOrderIsARangeOfThePrimaryKeyWithoutASort() throws SQLException {
        KeysetOrder byId = KeysetOrder.of(Optional.empty()).orElseThrow();
        UserSearchStatement statement = UserSearchStatement.of(Dialect.SQLITE, ACME.value(), false,
                UserQuery.Pending.INCLUDED, Optional.of(byId.after(Optional.empty(), "u500", false, 0)),
                byId.orderBy(false)).page(101, 0);
        UserSearchStatement backward = UserSearchStatement.of(Dialect.SQLITE, ACME.value(), false,
                UserQuery.Pending.INCLUDED, Optional.of(byId.after(Optional.empty(), "u500", true, 0)),
                byId.orderBy(true)).page(101, 0);

        for (UserSearchStatement page : List.of(statement, backward)) {
            List<String> plan = explain(new UserSqlProvider().search(page), page);

            assertThat(plan).as(String.join("\n", plan))
                    // the primary key (site, id) is the table's autoindex
                    .anyMatch(step -> step.startsWith("SEARCH u USING") && step.contains("(site=? AND id"))
                    .noneMatch(step -> step.contains("TEMP B-TREE"));
        }
    }

    @Test
    void theListOfPendingIdentitiesReadsTheirOwnIndexInUserNameOrder() throws SQLException {
        String byUserName = SortToSql.orderBy(SortSpec.ascending(AttrPath.of("userName"))).orElseThrow();
        UserSearchStatement statement = UserSearchStatement.of(Dialect.SQLITE, ACME.value(), false,
                UserQuery.Pending.ONLY, Optional.empty(), byUserName).page(10, 0);

        List<String> plan = explain(new UserSqlProvider().search(statement), statement);
        List<String> countPlan = explain(new UserSqlProvider().count(statement), statement);

        assertThat(plan).as(String.join("\n", plan)).anyMatch(step -> step.contains("users_pending"))
                .noneMatch(step -> step.startsWith("SCAN u ") || step.equals("SCAN u"));
        assertThat(countPlan).as(String.join("\n", countPlan)).allMatch(step -> step.startsWith("SEARCH c "))
                .noneMatch(step -> step.contains("users_pending"));
    }

    @ParameterizedTest
    @CsvSource({"INCLUDED, false", "EXCLUDED, false", "ONLY, false", "INCLUDED, true"})
    void theTotalWithoutAFilterReadsTheSiteCountsNotItsUsers(UserQuery.Pending pending, boolean includeHidden)
            throws SQLException {
        UserSearchStatement statement = UserSearchStatement.of(Dialect.SQLITE, ACME.value(), includeHidden, pending,
                Optional.empty(), SortToSql.BY_ID);

        List<String> countPlan = explain(new UserSqlProvider().count(statement), statement);

        assertThat(countPlan).as(String.join("\n", countPlan)).isNotEmpty()
                .allMatch(step -> step.startsWith("SEARCH c "));
    }

    @ParameterizedTest
    @CsvSource({"true, INCLUDED, false", "false, INCLUDED, false", "true, EXCLUDED, false", "false, INCLUDED, true"})
    void theTotalOfAnActiveFilterReadsTheSiteCountsNotItsUsers(boolean active, UserQuery.Pending pending,
                                                               boolean includeHidden) throws SQLException {
        UserSearchStatement statement = new UserSearchStatement(Dialect.SQLITE, ACME.value(), includeHidden, pending,
                Optional.empty(), List.of(active), SortToSql.BY_ID, -1, 0);

        List<String> countPlan = explain(new UserSqlProvider().countActive(statement), statement);

        assertThat(countPlan).as(String.join("\n", countPlan)).isNotEmpty()
                .allMatch(step -> step.startsWith("SEARCH c "));
        assertThat(FilterToSql.activeEquals(Filter.compare(AttrPath.qualified(
                "urn:ietf:params:scim:schemas:core:2.0:User", "active"), CompareOp.EQ, CompValue.of(active)))).hasValue(active);
    }

    private List<String> explain(String mybatisSql, UserSearchStatement statement) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:sqlite:" + directory.resolve("roster.db"));
             PreparedStatement explain = JdbcStatement.of(mybatisSql, statement).prepare(connection,
                     "EXPLAIN QUERY PLAN ")) {
            List<String> steps = new ArrayList<>();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    steps.add(rows.getString("detail"));
                }
            }
            return steps;
        }
    }
}
