package dev.roster.scim.mybatis.internal.sql;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.json.ScimBoolean;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.schema.CaseFolding;
import dev.roster.scim.core.schema.ScimDateTime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a filter AST into a parameterised SQL condition over the user row {@code u}: columns only from the
 * allow-list ({@link Columns}), values only as bound parameters. Each node translates to a condition or to nothing
 * when SQL cannot answer it with the core's exact semantics (an attribute without a column, a value of the wrong
 * type, an operator whose meaning for that type belongs to the core); the caller then evaluates in Java.
 *
 * <p>The core's rules, and how they become SQL:
 * <ul>
 * <li>absent and null are the same; a comparison with an absent attribute is false except {@code ne}, which is
 *     true; {@code eq null} matches the absent attribute; {@code pr} needs a non-empty value.</li>
 * <li>SQL's third truth value must not leak (else {@code not (title eq "x")} would drop users without a title),
 *     so every predicate is two-valued: {@code (c IS NOT NULL AND c = ?)}, {@code (c IS NULL OR c <> ?)}.</li>
 * <li>Identifiers ({@code userName}, {@code emails.value}) compare their key column with a value keyed by
 *     {@code IdentifierProfile.key} (ADR 014), other case-insensitive attributes their folded column with a value
 *     folded by {@code CaseFolding.fold};
 *     BINARY order of UTF-8 is code point order, as in the core. Both sides being folded, SQLite's ASCII-only
 *     case-insensitivity of {@code LIKE} cannot change an answer.</li>
 * <li>{@code caseExact} attributes use {@code =}, {@code instr} ({@code strpos} on PostgreSQL) and
 *     {@code substr}, never {@code LIKE}.</li>
 * <li>Text columns compare in code point order: SQLite's BINARY, PostgreSQL's {@code COLLATE "C"}, declared on
 *     the columns themselves. {@code LIKE} is case-sensitive on PostgreSQL and ASCII-case-insensitive on SQLite;
 *     both sides being folded, neither can change an answer, and {@code ESCAPE '\'} means the same on both.</li>
 * <li>{@code emails.x op v} holds when some email's {@code x} does; {@code emails.x ne v} also holds when no email
 *     has an {@code x}. A value path {@code emails[...]} holds when one email satisfies the whole inner filter.
 *     Both are {@code u.id IN (SELECT ... FROM user_emails ...)} so that SQLite drives the search from the email
 *     index.</li>
 * </ul>
 */
public final class FilterToSql extends CombiningVisitor {

    private static final String LIKE_ESCAPE = " ESCAPE '\\'";

    private final Dialect dialect;
    private final SiteId site;
    private final List<Object> parameters = new ArrayList<>();
    private final EmailScope emailScope = new EmailScope();

    private FilterToSql(Dialect dialect, SiteId site) {
        this.dialect = dialect;
        this.site = site;
    }

    /** The whole filter as SQL, or empty when some part of it cannot be pushed down. */
    public static Optional<SqlCondition> translate(Dialect dialect, SiteId site, Filter filter) {
        FilterToSql translator = new FilterToSql(dialect, site);
        return filter.accept(translator).map(translator::condition);
    }

    /**
     * As much of the filter as SQL can answer safely: the whole filter, else the pushable operands of a top-level
     * {@code and} (each narrows the candidates without losing a match), else nothing.
     */
    /**
     * The value of a filter that is exactly {@code active eq true} or {@code active eq false} (any spelling of the
     * path), whose matches the per-site counts tell; empty for any other filter.
     *
     * @param filter a whole search filter
     * @return the compared value, if the filter is such a comparison
     */
    public static Optional<Boolean> activeEquals(Filter filter) {
        if (filter instanceof Filter.Compare compare && compare.op() == CompareOp.EQ
                && compare.value().value() instanceof ScimBoolean bool
                && Columns.canonical(compare.path()).filter("active"::equals).isPresent()) {
            return Optional.of(bool.value());
        }
        return Optional.empty();
    }

    public static PushDown pushDown(Dialect dialect, SiteId site, Filter filter) {
        FilterToSql translator = new FilterToSql(dialect, site);
        Optional<String> whole = filter.accept(translator);
        if (whole.isPresent()) {
            return PushDown.complete(translator.condition(whole.get()));
        }
        if (!(filter instanceof Filter.And and)) {
            return PushDown.partial(Optional.empty());
        }
        FilterToSql conjuncts = new FilterToSql(dialect, site);
        List<String> pushed = new ArrayList<>();
        for (Filter operand : and.operands()) {
            int bound = conjuncts.parameters.size();
            Optional<String> sql = operand.accept(conjuncts);
            if (sql.isPresent()) {
                pushed.add(sql.get());
            } else {
                conjuncts.parameters.subList(bound, conjuncts.parameters.size()).clear();
            }
        }
        if (pushed.isEmpty()) {
            return PushDown.partial(Optional.empty());
        }
        return PushDown.partial(Optional.of(conjuncts.condition(join(pushed, " AND "))));
    }

    @Override
    public Optional<String> visitCompare(Filter.Compare filter) {
        Optional<String> name = Columns.canonical(filter.path());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Column> column = Columns.userColumn(name.get());
        if (column.isPresent()) {
            return comparison(column.get(), filter.op(), filter.value());
        }
        return Columns.emailSubAttribute(name.get())
                .flatMap(email -> anyEmailComparison(email, filter.op(), filter.value()));
    }

    @Override
    public Optional<String> visitPresent(Filter.Present filter) {
        Optional<String> name = Columns.canonical(filter.path());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.get().equals(Columns.EMAILS)) {
            return Optional.of(userIdIn(emailRowsWhere(dialect.literal(true))));
        }
        Optional<Column> column = Columns.userColumn(name.get());
        if (column.isPresent()) {
            return Optional.of(present(column.get()));
        }
        return Columns.emailSubAttribute(name.get()).map(email -> userIdIn(emailRowsWhere(present(email))));
    }

    @Override
    public Optional<String> visitValuePath(Filter.ValuePath filter) {
        boolean emails = Columns.canonical(filter.attribute()).filter(Columns.EMAILS::equals).isPresent();
        if (!emails || filter.attribute().subAttribute().isPresent()) {
            return Optional.empty();
        }
        return filter.valueFilter().accept(emailScope).map(inner -> userIdIn(emailRowsWhere(inner)));
    }

    private SqlCondition condition(String sql) {
        return new SqlCondition(sql, parameters);
    }

    /** {@code emails.x op v}: some email's x satisfies it; for {@code ne} also no email having an x. */
    private Optional<String> anyEmailComparison(Column email, CompareOp op, CompValue value) {
        if (value.isNull()) {
            return op == CompareOp.EQ
                    ? Optional.of(negate(userIdIn(emailRowsWhere(present(email)))))
                    : Optional.empty();
        }
        if (op != CompareOp.NE) {
            return comparison(email, op, value).map(row -> userIdIn(emailRowsWhere(row)));
        }
        Optional<Object> bound = bindable(email, value);
        return bound.map(v -> {
            String placeholder = bind(v);
            String someOtherValue = guarded(email, email.sql() + " <> " + placeholder);
            return "(" + negate(userIdIn(emailRowsWhere(hasValue(email)))) + " OR "
                    + userIdIn(emailRowsWhere(someOtherValue)) + ")";
        });
    }

    /** One column compared with one value, as a two-valued predicate; empty when SQL must not answer it. */
    private Optional<String> comparison(Column column, CompareOp op, CompValue value) {
        if (value.isNull()) {
            if (op != CompareOp.EQ) {
                return Optional.empty();
            }
            return Optional.of(column.nullable() ? column.sql() + " IS NULL" : dialect.literal(false));
        }
        Optional<Object> bound = bindable(column, value);
        if (bound.isEmpty()) {
            return Optional.empty();
        }
        return switch (column.kind()) {
            case FOLDED_TEXT, IDENTIFIER_KEY -> foldedText(column, op, (String) bound.get());
            case EXACT_TEXT -> exactText(column, op, (String) bound.get());
            case BOOLEAN -> op == CompareOp.EQ || op == CompareOp.NE
                    ? Optional.of(ordered(column, op, bound.get()))
                    : Optional.empty();
            case INSTANT -> op.isOrdering() || op == CompareOp.EQ || op == CompareOp.NE
                    ? Optional.of(ordered(column, op, bound.get()))
                    : Optional.empty();
        };
    }

    /** The value as the column compares: folded text or key, text, a boolean or epoch millis; empty for a type mismatch. */
    private static Optional<Object> bindable(Column column, CompValue value) {
        return switch (column.kind()) {
            case FOLDED_TEXT -> text(value).<Object>map(CaseFolding::fold);
            case IDENTIFIER_KEY -> text(value).<Object>map(IdentifierProfile::key);
            case EXACT_TEXT -> text(value).<Object>map(Function.identity());
            case BOOLEAN -> value.value() instanceof ScimBoolean bool
                    ? Optional.of(bool.value())
                    : Optional.empty();
            // A dateTime at most to the millisecond, as stored; finer values are left to the core.
            case INSTANT -> text(value).flatMap(ScimDateTime::epochMillis).map(millis -> (Object) millis);
        };
    }

    private Optional<String> foldedText(Column column, CompareOp op, String folded) {
        return switch (op) {
            case CO -> Optional.of(like(column, "%" + escapeLike(folded) + "%"));
            case SW -> Optional.of(prefixRange(column, folded).map(range -> "(" + range + " AND ").orElse("(")
                    + like(column, escapeLike(folded) + "%") + ")");
            case EW -> Optional.of(like(column, "%" + escapeLike(folded)));
            case EQ, NE, GT, GE, LT, LE -> Optional.of(ordered(column, op, folded));
        };
    }

    private Optional<String> exactText(Column column, CompareOp op, String text) {
        String c = column.sql();
        return switch (op) {
            case CO -> {
                String p = bind(text);
                yield Optional.of(guarded(column, dialect.position(c, p) + " > 0"));
            }
            case SW -> {
                Optional<String> range = prefixRange(column, text);
                String p = bind(text);
                yield Optional.of(range.map(r -> "(" + r + " AND ").orElse("(")
                        + guarded(column, dialect.position(c, p) + " = 1") + ")");
            }
            case EW -> {
                String p = bind(text);
                yield Optional.of(guarded(column, "length(" + c + ") >= length(" + p + ") AND substr(" + c
                        + ", length(" + c + ") - length(" + p + ") + 1) = " + p));
            }
            case EQ, NE, GT, GE, LT, LE -> Optional.of(ordered(column, op, text));
        };
    }

    /**
     * {@code c >= prefix AND c < next}, where {@code next} is the prefix with its last code point raised by one:
     * exactly the texts that start with the prefix in code point order (SQLite's BINARY, PostgreSQL's "C"), and a
     * range an index on the column can serve, which {@code LIKE} and {@code strpos} cannot. The predicate it goes
     * with stays, so the answer does not rest on it. None for an empty prefix or one ending in U+10FFFF.
     */
    private Optional<String> prefixRange(Column column, String prefix) {
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        int last = prefix.codePointBefore(prefix.length());
        if (last == Character.MAX_CODE_POINT) {
            return Optional.empty();
        }
        int raised = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        String next = prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(raised);
        return Optional.of(column.sql() + " >= " + bind(prefix) + " AND " + column.sql() + " < " + bind(next));
    }

    private String like(Column column, String pattern) {
        return guarded(column, column.sql() + " LIKE " + bind(pattern) + LIKE_ESCAPE);
    }

    private String ordered(Column column, CompareOp op, Object value) {
        String p = bind(value);
        String c = column.sql();
        return switch (op) {
            case NE -> column.nullable() ? "(" + c + " IS NULL OR " + c + " <> " + p + ")" : c + " <> " + p;
            case EQ -> guarded(column, equality(column, c + " = " + p));
            case GT -> guarded(column, c + " > " + p);
            case GE -> guarded(column, c + " >= " + p);
            case LT -> guarded(column, c + " < " + p);
            case LE -> guarded(column, c + " <= " + p);
            case CO, SW, EW -> throw new IllegalArgumentException("not an ordering operator: " + op);
        };
    }

    /** An equality on text (an identifier, a name, an email) matches a handful of users; on a flag or an instant, not. */
    private String equality(Column column, String condition) {
        return column.holdsText() ? dialect.selective(condition) : condition;
    }

    /** {@code pr}: a value that is not empty text. */
    private String present(Column column) {
        if (column.holdsText()) {
            return guarded(column, column.sql() + " <> ''");
        }
        return hasValue(column);
    }

    private String hasValue(Column column) {
        return column.nullable() ? column.sql() + " IS NOT NULL" : dialect.literal(true);
    }

    /** Makes a predicate false, not unknown, where the column is NULL. */
    private static String guarded(Column column, String predicate) {
        return column.nullable() ? "(" + column.sql() + " IS NOT NULL AND " + predicate + ")" : predicate;
    }

    private String emailRowsWhere(String predicate) {
        return "SELECT e.user_id FROM user_emails e WHERE e.site = " + bind(site.value()) + " AND " + predicate;
    }

    /** Never NULL: {@code u.id} and {@code e.user_id} are NOT NULL columns. */
    private static String userIdIn(String subquery) {
        return "u.id IN (" + subquery + ")";
    }

    private String bind(Object value) {
        parameters.add(value);
        return "#{params[" + (parameters.size() - 1) + "]}";
    }


    private static Optional<String> text(CompValue value) {
        return value.value() instanceof ScimString string ? Optional.of(string.value()) : Optional.empty();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Inside {@code emails[...]}: paths name a sub-attribute of one email row {@code e}. */
    private final class EmailScope extends CombiningVisitor {

        @Override
        public Optional<String> visitCompare(Filter.Compare filter) {
            return emailColumn(filter.path()).flatMap(column -> comparison(column, filter.op(), filter.value()));
        }

        @Override
        public Optional<String> visitPresent(Filter.Present filter) {
            return emailColumn(filter.path()).map(FilterToSql.this::present);
        }

        @Override
        public Optional<String> visitValuePath(Filter.ValuePath filter) {
            return Optional.empty();
        }

        private Optional<Column> emailColumn(AttrPath path) {
            if (path.schemaUrn().isPresent() || path.subAttribute().isPresent()) {
                return Optional.empty();
            }
            return Columns.emailColumn(path.attribute());
        }
    }
}
