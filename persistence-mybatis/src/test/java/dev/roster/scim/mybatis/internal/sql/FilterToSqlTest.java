package dev.roster.scim.mybatis.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.SortSpec;
import org.junit.jupiter.api.Test;

class FilterToSqlTest {

    private static final SiteId SITE = SiteId.of("acme");
    private static final String HOSTILE = "x' OR 1=1; DROP TABLE users; --";

    @Test
    void valuesAreBoundNeverWrittenIntoTheSql() {
        Filter filter = Filter.or(
                Filter.compare(AttrPath.of("userName"), CompareOp.EQ, CompValue.of(HOSTILE)),
                Filter.compare(AttrPath.of("externalId"), CompareOp.CO, CompValue.of(HOSTILE)),
                Filter.compare(AttrPath.of("emails", "value"), CompareOp.SW, CompValue.of(HOSTILE)));

        SqlCondition condition = FilterToSql.translate(Dialect.SQLITE, SITE, filter).orElseThrow();

        assertThat(condition.sql()).doesNotContain("DROP", "1=1", "x'");
        assertThat(condition.parameters()).contains(HOSTILE, "x' or 1=1; drop table users; --");
    }

    @Test
    void attributeNamesNeverReachTheSql() {
        Filter filter = Filter.compare(AttrPath.of("userName) OR (1"), CompareOp.EQ, CompValue.of("x"));

        assertThat(FilterToSql.translate(Dialect.SQLITE, SITE, filter)).isEmpty();
    }

    @Test
    void likeWildcardsAndTheEscapeCharacterAreEscaped() {
        assertThat(FilterToSql.escapeLike("100%_\\x")).isEqualTo("100\\%\\_\\\\x");
    }

    @Test
    void everyPredicateIsTwoValuedOnNullableColumns() {
        SqlCondition eq = FilterToSql.translate(Dialect.SQLITE, SITE,
                Filter.compare(AttrPath.of("displayName"), CompareOp.EQ, CompValue.of("x"))).orElseThrow();
        SqlCondition ne = FilterToSql.translate(Dialect.SQLITE, SITE,
                Filter.compare(AttrPath.of("displayName"), CompareOp.NE, CompValue.of("x"))).orElseThrow();

        assertThat(eq.sql()).isEqualTo(
                "(u.display_name_folded IS NOT NULL AND likelihood(u.display_name_folded = #{params[0]}, 0.0001))");
        assertThat(ne.sql()).isEqualTo("(u.display_name_folded IS NULL OR u.display_name_folded <> #{params[0]})");
    }

    @Test
    void topLevelAndPushesItsPushableOperandsOnly() {
        Filter filter = Filter.and(
                Filter.compare(AttrPath.of("title"), CompareOp.EQ, CompValue.of("boss")),
                Filter.compare(AttrPath.of("userName"), CompareOp.EQ, CompValue.of("Ann")));

        PushDown pushDown = FilterToSql.pushDown(Dialect.SQLITE, SITE, filter);

        assertThat(pushDown.complete()).isFalse();
        assertThat(pushDown.condition()).map(SqlCondition::sql).contains("likelihood(u.user_name_key = #{params[0]}, 0.0001)");
        assertThat(pushDown.condition()).map(SqlCondition::parameters).contains(java.util.List.of("ann"));
    }

    @Test
    void orWithAnUnpushableOperandPushesNothing() {
        Filter filter = Filter.or(
                Filter.compare(AttrPath.of("title"), CompareOp.EQ, CompValue.of("boss")),
                Filter.compare(AttrPath.of("userName"), CompareOp.EQ, CompValue.of("Ann")));

        assertThat(FilterToSql.pushDown(Dialect.SQLITE, SITE, filter))
                .isEqualTo(new PushDown(java.util.Optional.empty(), false));
    }

    @Test
    void sortUsesFoldedAndKeyColumnsAndPutsAbsentValuesLastAscendingFirstDescending() {
        assertThat(SortToSql.orderBy(SortSpec.ascending(AttrPath.of("displayName"))))
                .contains("u.display_name_folded ASC NULLS LAST, u.id ASC");
        assertThat(SortToSql.orderBy(SortSpec.descending(AttrPath.of("name", "familyName"))))
                .contains("u.family_name_folded DESC NULLS FIRST, u.id ASC");
        assertThat(SortToSql.orderBy(SortSpec.ascending(AttrPath.of("userName"))))
                .contains("u.user_name_key ASC, u.id ASC");
        assertThat(SortToSql.orderBy(SortSpec.ascending(AttrPath.of("title")))).isEmpty();
    }
}
