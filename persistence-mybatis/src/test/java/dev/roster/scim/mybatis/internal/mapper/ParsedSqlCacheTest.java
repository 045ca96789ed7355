package dev.roster.scim.mybatis.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The provider's texts are parsed once each, and every call still binds its own values. */
class ParsedSqlCacheTest {

    private static final String LOOKUP = "SELECT u.id FROM users u WHERE u.site = #{site} AND u.user_name_key = #{key}";

    private final Configuration configuration = new Configuration();
    private final ParsedSqlCache driver = new ParsedSqlCache();

    @Test
    void aTextIsParsedOnceAndEachCallBindsItsOwnValues() {
        SqlSource first = driver.createSqlSource(configuration, LOOKUP, Map.class);
        SqlSource again = driver.createSqlSource(configuration, LOOKUP, Map.class);

        assertThat(again).isSameAs(first);
        BoundSql ada = again.getBoundSql(Map.of("site", "acme", "key", "ada"));
        BoundSql bob = again.getBoundSql(Map.of("site", "acme", "key", "bob"));
        assertThat(ada.getSql()).isEqualTo("SELECT u.id FROM users u WHERE u.site = ? AND u.user_name_key = ?");
        assertThat(ada.getParameterMappings()).extracting(ParameterMapping::getProperty).containsExactly("site", "key");
        assertThat(((Map<?, ?>) ada.getParameterObject()).get("key")).isEqualTo("ada");
        assertThat(((Map<?, ?>) bob.getParameterObject()).get("key")).isEqualTo("bob");
    }

    @Test
    void anotherTextOrParameterTypeIsParsedOnItsOwn() {
        SqlSource lookup = driver.createSqlSource(configuration, LOOKUP, Map.class);

        assertThat(driver.createSqlSource(configuration, LOOKUP + " AND u.hidden = 0", Map.class)).isNotSameAs(lookup);
        assertThat(driver.createSqlSource(configuration, LOOKUP, UserSearchStatement.class)).isNotSameAs(lookup);
    }

    @Test
    void pastItsBoundTheCacheStartsOverInsteadOfGrowing() {
        SqlSource lookup = driver.createSqlSource(configuration, LOOKUP, Map.class);
        for (int shape = 0; shape < ParsedSqlCache.MAX_TEXTS; shape++) {
            driver.createSqlSource(configuration, LOOKUP + " AND u.version > " + shape, Map.class);
        }

        assertThat(driver.createSqlSource(configuration, LOOKUP, Map.class)).isNotSameAs(lookup);
    }
}
