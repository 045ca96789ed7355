package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.scripting.xmltags.XMLLanguageDriver;
import org.apache.ibatis.session.Configuration;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The language driver of {@link UserSqlProvider}'s statements: MyBatis asks it to parse the provider's text on every
 * call, and it parses each text once (ADR 029). A search's text depends only on the filter's shape, the sort and
 * the scope, never on a value (values are {@code #{}} parameters), so an IdP's {@code userName eq "…"} lookups all
 * share one parsed statement. MyBatis makes one driver per configuration, so one cache per database. The cache is
 * bounded: clients choose filter shapes, and past {@value #MAX_TEXTS} texts it starts over rather than grow.
 */
public final class ParsedSqlCache extends XMLLanguageDriver {

    static final int MAX_TEXTS = 512;

    private final ConcurrentMap<Key, SqlSource> parsed = new ConcurrentHashMap<>();

    /** Made by MyBatis, once per configuration, for the mapper methods that name it. */
    public ParsedSqlCache() {
    }

    @Override
    public SqlSource createSqlSource(Configuration configuration, String script, Class<?> parameterType) {
        Key key = new Key(script, parameterType);
        SqlSource known = parsed.get(key);
        if (known != null) {
            return known;
        }
        if (parsed.size() >= MAX_TEXTS) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(key, text -> super.createSqlSource(configuration, script, parameterType));
    }

    private record Key(String script, Class<?> parameterType) {
    }
}
