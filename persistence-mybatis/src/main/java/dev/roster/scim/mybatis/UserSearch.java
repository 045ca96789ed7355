package dev.roster.scim.mybatis;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.Keyset;
import dev.roster.scim.core.port.out.KeysetPage;
import dev.roster.scim.core.port.out.RenderedKeysetPage;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.schema.CaseFolding;
import dev.roster.scim.mybatis.internal.mapper.RenderingRow;
import dev.roster.scim.mybatis.internal.mapper.UserMapper;
import dev.roster.scim.mybatis.internal.mapper.UserRow;
import dev.roster.scim.mybatis.internal.mapper.UserSearchStatement;
import dev.roster.scim.mybatis.internal.sql.Dialect;
import dev.roster.scim.mybatis.internal.sql.FilterToSql;
import dev.roster.scim.mybatis.internal.sql.KeysetOrder;
import dev.roster.scim.mybatis.internal.sql.PushDown;
import dev.roster.scim.mybatis.internal.sql.SortToSql;
import dev.roster.scim.mybatis.internal.sql.SqlCondition;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Answers a {@link UserQuery}. When SQL can answer the whole filter and the sort, SQL counts and pages. Otherwise SQL
 * narrows the candidates as far as it safely can, {@link InMemoryFiltering} decides the rest, and the page is cut in
 * Java: streamed when SQL could still sort, collected and sorted when it could not. A page of renderings and the
 * totals run in plain JDBC on the session's connection ({@link JdbcReads}, ADR 041); the rest through MyBatis.
 */
final class UserSearch {

    private final Dialect dialect;
    private final InMemoryFiltering inMemory;
    private final JdbcReads jdbc = new JdbcReads();

    UserSearch(Dialect dialect, InMemoryFiltering inMemory) {
        this.dialect = dialect;
        this.inMemory = inMemory;
    }

    UserPage run(SqlSession session, SiteId site, UserQuery query) {
        UserMapper mapper = session.getMapper(UserMapper.class);
        PushDown pushDown = pushDown(site, query);
        Optional<String> sqlOrder = sqlOrder(query);
        UserSearchStatement statement = statement(site, query, pushDown, sqlOrder);
        if (pushDown.complete() && sqlOrder.isPresent()) {
            Page<User> page = inSql(session.getConnection(), statement, query,
                    window -> mapper.search(window).stream().map(UserRows::toUser).toList());
            return new UserPage(page.items(), page.total(), query.startIndex());
        }
        Optional<Filter> residual = pushDown.complete() ? Optional.empty() : query.filter();
        if (sqlOrder.isPresent()) {
            return streamed(mapper, statement, residual, query);
        }
        return sortedInJava(mapper, statement, residual, query.sort().orElseThrow(), query);
    }

    /**
     * {@link #run}'s page as renderings: straight from the rows' stored bytes when SQL answers the whole query (the
     * users are never rebuilt), else rendered from {@link #run}'s users.
     */
    RenderedPage rendered(SqlSession session, SiteId site, UserQuery query) {
        PushDown pushDown = pushDown(site, query);
        Optional<String> sqlOrder = sqlOrder(query);
        if (pushDown.complete() && sqlOrder.isPresent()) {
            Page<RenderedUser> page = inSql(session.getConnection(), statement(site, query, pushDown, sqlOrder),
                    query, window -> renderings(session, window));
            return new RenderedPage(page.items(), page.total(), query.startIndex());
        }
        UserPage page = run(session, site, query);
        return new RenderedPage(page.users().stream()
                .map(user -> new RenderedUser(user.id(), UserRows.rendering(user))).toList(),
                page.totalResults(), page.startIndex());
    }

    /**
     * {@link #rendered}'s page in one statement, for a read in auto-commit (ADR 046): the page's renderings carry
     * the search's total, so page and total come from the statement's one snapshot without a read transaction
     * around them; {@code count=0} is the count alone. Empty when that statement cannot answer alone: SQL cannot
     * answer the whole query; a row's rendering is not current (its fallback reads the window again, which must see
     * the total's snapshot); or the page is empty past the first match and users came in before its count. The
     * caller then runs {@link #rendered} in a read transaction.
     */
    Optional<RenderedPage> renderedInOneStatement(Connection connection, SiteId site, UserQuery query) {
        PushDown pushDown = pushDown(site, query);
        Optional<String> sqlOrder = sqlOrder(query);
        if (!pushDown.complete() || sqlOrder.isEmpty()) {
            return Optional.empty();
        }
        UserSearchStatement statement = statement(site, query, pushDown, sqlOrder);
        if (query.count() == 0) {
            return Optional.of(new RenderedPage(List.of(), count(connection, statement, query), query.startIndex()));
        }
        int offset = query.startIndex() - 1;
        JdbcReads.PageRows page = jdbc.renderingsWithTotal(connection, statement.page(query.count(), offset),
                query.filter().flatMap(FilterToSql::activeEquals));
        if (page.total().isEmpty()) {
            return offset == 0 ? Optional.of(new RenderedPage(List.of(), 0, query.startIndex()))
                    : pastTheEnd(connection, statement, query, offset);
        }
        List<RenderedUser> users = new ArrayList<>(page.rows().size());
        for (RenderingRow row : page.rows()) {
            Optional<RenderedUser> current = UserRows.currentRendering(row);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            users.add(current.get());
        }
        return Optional.of(new RenderedPage(users, page.total().getAsLong(), query.startIndex()));
    }

    /**
     * An empty page after the first match has no row to carry the total, so the total is counted by a statement of
     * its own, in a later snapshot. A total that still ends before the page is that snapshot's answer too (its page
     * is empty as well); one that no longer does (users came in between) is not, and the caller reads both again in
     * one read transaction.
     */
    private Optional<RenderedPage> pastTheEnd(Connection connection, UserSearchStatement statement, UserQuery query,
                                              int offset) {
        long total = count(connection, statement, query);
        return total <= offset ? Optional.of(new RenderedPage(List.of(), total, query.startIndex()))
                : Optional.empty();
    }

    /**
     * A window's renderings from four columns a row (ADR 035). Should any row lack a current one (not written since
     * V11 / V6, or in an older format), the window is read again whole and those rows are rendered from it: reading
     * the one row again instead could see it changed or gone, since a SQLite reader's statements each see their own
     * snapshot.
     */
    private List<RenderedUser> renderings(SqlSession session, UserSearchStatement window) {
        List<RenderingRow> rows = jdbc.renderings(session.getConnection(), window);
        List<RenderedUser> users = new ArrayList<>(rows.size());
        for (RenderingRow row : rows) {
            Optional<RenderedUser> current = UserRows.currentRendering(row);
            if (current.isEmpty()) {
                return session.getMapper(UserMapper.class).search(window).stream().map(UserRows::toRendered)
                        .toList();
            }
            users.add(current.get());
        }
        return users;
    }

    private PushDown pushDown(SiteId site, UserQuery query) {
        return query.filter()
                .map(filter -> FilterToSql.pushDown(dialect, site, filter))
                .orElse(new PushDown(Optional.empty(), true));
    }

    private static Optional<String> sqlOrder(UserQuery query) {
        return query.sort().map(SortToSql::orderBy).orElse(Optional.of(SortToSql.BY_ID));
    }

    private UserSearchStatement statement(SiteId site, UserQuery query, PushDown pushDown,
                                          Optional<String> sqlOrder) {
        return UserSearchStatement.of(dialect, site.value(), query.includeHidden(), query.pending(),
                pushDown.condition(), sqlOrder.orElse(SortToSql.BY_ID));
    }

    /** One keyset page ({@link #keysetRows}), each row as a user. */
    KeysetPage keyset(SqlSession session, SiteId site, UserQuery query, Keyset keyset) {
        KeysetRows<UserRow> page = keysetRows(session, site, query, keysetRead(site, query, keyset));
        return new KeysetPage(page.rows().stream().map(UserRows::toUser).toList(), page.total(), page.first(),
                page.last(), page.more());
    }

    /**
     * One keyset page as renderings. When SQL answers the whole filter, the page's renderings and sort values come
     * in plain JDBC, no user built ({@link JdbcReads#renderingsWithSortValue}); should a row's rendering not be
     * current, or a residual filter need the users, the page is read as {@link #keysetRows} and each row's
     * rendering served, or rendered where it is not current.
     */
    RenderedKeysetPage renderedKeyset(SqlSession session, SiteId site, UserQuery query, Keyset keyset) {
        KeysetRead read = keysetRead(site, query, keyset);
        if (read.pushDown().complete()) {
            Optional<RenderedKeysetPage> current = currentRenderings(session, site, query, read);
            if (current.isPresent()) {
                return current.get();
            }
        }
        KeysetRows<UserRow> page = keysetRows(session, site, query, read);
        return new RenderedKeysetPage(page.rows().stream().map(UserRows::toRendered).toList(), page.total(),
                page.first(), page.last(), page.more());
    }

    /** The page of {@link #renderedKeyset} in plain JDBC; empty when a row's rendering is not current. */
    private Optional<RenderedKeysetPage> currentRenderings(SqlSession session, SiteId site, UserQuery query,
                                                           KeysetRead read) {
        List<JdbcReads.SortedRenderingRow> rows = jdbc.renderingsWithSortValue(session.getConnection(),
                read.statement().page(query.count() + 1, 0), read.order());
        KeysetRows<JdbcReads.SortedRenderingRow> page = KeysetRows.of(rows, query.count(), read.backward(),
                row -> KeysetPositions.of(read.order(), row.sortValue(), row.rendering().id()),
                () -> total(session, site, query));
        List<RenderedUser> users = new ArrayList<>(page.rows().size());
        for (JdbcReads.SortedRenderingRow row : page.rows()) {
            Optional<RenderedUser> current = UserRows.currentRendering(row.rendering());
            if (current.isEmpty()) {
                return Optional.empty();
            }
            users.add(current.get());
        }
        return Optional.of(new RenderedKeysetPage(users, page.total(), page.first(), page.last(), page.more()));
    }

    /**
     * What a keyset page reads: the keyset's start as a condition after the pushed-down filter's, in the order read
     * forward or backward.
     */
    private KeysetRead keysetRead(SiteId site, UserQuery query, Keyset keyset) {
        KeysetOrder order = KeysetOrder.of(query.sort()).orElseThrow(() -> ScimException.invalidValue(
                "Cursor paging sorts by id, externalId, userName, displayName, name.givenName, name.familyName, "
                        + "userType, meta.created or meta.lastModified only; page by startIndex to sort by '"
                        + query.sort().orElseThrow().path() + "'."));
        PushDown pushDown = pushDown(site, query);
        boolean backward = keyset.direction() == Keyset.Direction.BACKWARD;
        int filterParameters = pushDown.condition().map(condition -> condition.parameters().size()).orElse(0);
        Optional<SqlCondition> start = keyset.position()
                .map(text -> KeysetPositions.parse(order, text))
                .map(position -> order.after(position.value(), position.id(), backward, filterParameters));
        UserSearchStatement statement = UserSearchStatement.of(dialect, site.value(), query.includeHidden(),
                query.pending(), both(pushDown.condition(), start), order.orderBy(backward));
        return new KeysetRead(order, pushDown, backward, statement);
    }

    private record KeysetRead(KeysetOrder order, PushDown pushDown, boolean backward,
                              UserSearchStatement statement) {
    }

    /**
     * One keyset page's rows: one row more than the page to tell whether more lie beyond, and the total as
     * {@link #run} counts it (the per-site counts without a filter). A residual filter is applied while streaming.
     */
    private KeysetRows<UserRow> keysetRows(SqlSession session, SiteId site, UserQuery query, KeysetRead read) {
        UserMapper mapper = session.getMapper(UserMapper.class);
        List<UserRow> rows = read.pushDown().complete()
                ? mapper.search(read.statement().page(query.count() + 1, 0))
                : firstMatches(mapper, read.statement(), query.filter().orElseThrow(), query.count() + 1);
        return KeysetRows.of(rows, query.count(), read.backward(), row -> KeysetPositions.of(read.order(), row),
                () -> total(session, site, query));
    }

    /** The matches of a keyset page's query in all, as an index page's {@code totalResults} counts them. */
    private long total(SqlSession session, SiteId site, UserQuery query) {
        return run(session, site, new UserQuery(query.filter(), query.sort(), 1, 0, query.includeHidden(),
                query.pending())).totalResults();
    }

    /** A keyset page's rows in the query's order, its total, its first and last positions, whether more lie beyond. */
    private record KeysetRows<T>(List<T> rows, long total, Optional<String> first, Optional<String> last,
                                 boolean more) {

        /**
         * The page of {@code read}, the rows as read (up to {@code count + 1}, in the direction read): the extra row
         * tells that more lie beyond and is dropped, and a page read backward is turned around.
         */
        static <T> KeysetRows<T> of(List<T> read, int count, boolean backward, Function<T, String> position,
                                    LongSupplier total) {
            List<T> rows = new ArrayList<>(read.subList(0, Math.min(read.size(), count)));
            if (backward) {
                Collections.reverse(rows);
            }
            Optional<String> first = rows.isEmpty() ? Optional.empty() : Optional.of(position.apply(rows.get(0)));
            Optional<String> last = rows.isEmpty() ? Optional.empty()
                    : Optional.of(position.apply(rows.get(rows.size() - 1)));
            return new KeysetRows<>(rows, total.getAsLong(), first, last, read.size() > count);
        }
    }

    private static Optional<SqlCondition> both(Optional<SqlCondition> filter, Optional<SqlCondition> start) {
        if (filter.isEmpty() || start.isEmpty()) {
            return filter.or(() -> start);
        }
        List<Object> parameters = new ArrayList<>(filter.get().parameters());
        parameters.addAll(start.get().parameters());
        return Optional.of(new SqlCondition(filter.get().sql() + " AND " + start.get().sql(), parameters));
    }

    private List<UserRow> firstMatches(UserMapper mapper, UserSearchStatement statement, Filter filter, int limit) {
        Predicate<User> matches = inMemory.matcher(filter);
        List<UserRow> found = new ArrayList<>();
        try (Cursor<UserRow> rows = mapper.stream(statement)) {
            for (UserRow row : rows) {
                if (matches.test(UserRows.toUser(row))) {
                    found.add(row);
                    if (found.size() == limit) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /**
     * The page first: when it is not full and not empty (or starts at the first match), it tells the total, and
     * the {@code COUNT(*)} scan is skipped; that is the common case of an IdP's {@code userName eq} lookup.
     */
    private <T> Page<T> inSql(Connection connection, UserSearchStatement statement, UserQuery query,
                              Function<UserSearchStatement, List<T>> window) {
        if (query.count() == 0) {
            return new Page<>(List.of(), count(connection, statement, query));
        }
        int offset = query.startIndex() - 1;
        List<T> items = window.apply(statement.page(query.count(), offset));
        boolean pageTellsTheTotal = items.size() < query.count() && (offset == 0 || !items.isEmpty());
        long total = pageTellsTheTotal ? (long) offset + items.size() : count(connection, statement, query);
        return new Page<>(items, total);
    }

    /** The matches of a query SQL answers whole: {@code active eq true|false} from the per-site counts (ADR 030). */
    private long count(Connection connection, UserSearchStatement statement, UserQuery query) {
        return query.filter().flatMap(FilterToSql::activeEquals)
                .map(active -> jdbc.countActive(connection, new UserSearchStatement(statement.dialect(), statement.site(),
                        statement.includeHidden(), statement.pending(), Optional.empty(), List.of(active),
                        statement.orderBy(), -1, 0)))
                .orElseGet(() -> jdbc.count(connection, statement));
    }

    private record Page<T>(List<T> items, long total) {
    }

    /** Rows arrive in the final order; keep the matches that fall in the page, count them all. */
    private UserPage streamed(UserMapper mapper, UserSearchStatement statement, Optional<Filter> residual,
                              UserQuery query) {
        long total = 0;
        List<User> page = new ArrayList<>();
        long first = query.startIndex() - 1L;
        Predicate<User> matches = matcher(residual);
        try (Cursor<UserRow> rows = mapper.stream(statement)) {
            for (UserRow row : rows) {
                User user = UserRows.toUser(row);
                if (!matches.test(user)) {
                    continue;
                }
                if (total >= first && page.size() < query.count()) {
                    page.add(user);
                }
                total++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UserPage(page, total, query.startIndex());
    }

    private UserPage sortedInJava(UserMapper mapper, UserSearchStatement statement, Optional<Filter> residual,
                                  SortSpec sort, UserQuery query) {
        List<User> matches = new ArrayList<>();
        Predicate<User> matching = matcher(residual);
        try (Cursor<UserRow> rows = mapper.stream(statement)) {
            for (UserRow row : rows) {
                User user = UserRows.toUser(row);
                if (matching.test(user)) {
                    matches.add(user);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        matches.sort(inMemory.order(sort).thenComparing(User::id, CaseFolding.CODE_POINT_ORDER));
        int from = Math.min(matches.size(), query.startIndex() - 1);
        int to = Math.min(matches.size(), from + query.count());
        return new UserPage(matches.subList(from, to), matches.size(), query.startIndex());
    }

    private Predicate<User> matcher(Optional<Filter> residual) {
        return residual.map(inMemory::matcher).orElse(user -> true);
    }
}
