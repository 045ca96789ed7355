package dev.roster.scim.mybatis.internal.sql;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.UserAttributeResolver;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The allow-list: the only columns a filter or a sort may reach, keyed by canonical attribute name. Every SQL
 * identifier that {@link FilterToSql} and {@link SortToSql} write comes from here.
 */
final class Columns {

    static final String EMAILS = "emails";

    /** Roster's extension attribute that marks a pending identity, the one extension attribute with a column. */
    private static final String PENDING = (UserSchemas.ROLE_EXTENSION + ":" + UserSchemas.PENDING_ATTRIBUTE)
            .toLowerCase(Locale.ROOT);

    /** Single-valued attributes of the user row ({@code u}). */
    private static final Map<String, Column> USER = Map.ofEntries(
            Map.entry("id", new Column("u.id", ColumnKind.EXACT_TEXT, false)),
            Map.entry("externalid", new Column("u.external_id", ColumnKind.EXACT_TEXT, true)),
            Map.entry("username", new Column("u.user_name_key", ColumnKind.IDENTIFIER_KEY, false)),
            Map.entry("displayname", new Column("u.display_name_folded", ColumnKind.FOLDED_TEXT, true)),
            Map.entry("name.givenname", new Column("u.given_name_folded", ColumnKind.FOLDED_TEXT, true)),
            Map.entry("name.familyname", new Column("u.family_name_folded", ColumnKind.FOLDED_TEXT, true)),
            // Role values are ASCII, so lower() (ASCII-only on SQLite and on PostgreSQL's "C" columns) is exactly
            // CaseFolding.fold on them.
            Map.entry("usertype", new Column("lower(u.role)", ColumnKind.FOLDED_TEXT, false)),
            Map.entry("active", new Column("u.active", ColumnKind.BOOLEAN, false)),
            Map.entry("meta.created", new Column("u.created", ColumnKind.INSTANT, false)),
            Map.entry("meta.lastmodified", new Column("u.last_modified", ColumnKind.INSTANT, false)),
            // The representation holds pending: true on a pending identity and nothing on an account, so the
            // column is NULL (absent) for accounts: "pending eq false" matches nobody, as in the core.
            // FALSE is 0 on SQLite (an alias of the integer), a boolean on PostgreSQL: the one spelling fits both.
            Map.entry(PENDING, new Column("nullif(u.pending, FALSE)", ColumnKind.BOOLEAN, true)));

    /** Sub-attributes of one email row ({@code e}), for {@code emails.x} and {@code emails[x ...]}. */
    private static final Map<String, Column> EMAIL = Map.of(
            "value", new Column("e.value_key", ColumnKind.IDENTIFIER_KEY, false),
            "type", new Column("e.type_folded", ColumnKind.FOLDED_TEXT, true),
            "primary", new Column("e.is_primary", ColumnKind.BOOLEAN, false));

    private Columns() {
    }

    /** The canonical name of a path in lower case ({@code name.givenname}), if any schema defines it. */
    static Optional<String> canonical(AttrPath path) {
        return UserAttributeResolver.resolve(path.schemaUrn(), path.attribute(), path.subAttribute())
                .filter(resolved -> !resolved.extension() || resolved.canonicalName().equalsIgnoreCase(PENDING))
                .map(ResolvedAttribute::canonicalName)
                .map(name -> name.toLowerCase(Locale.ROOT));
    }

    static Optional<Column> userColumn(String canonicalName) {
        return Optional.ofNullable(USER.get(canonicalName));
    }

    /** The email column of a sub-attribute name ({@code value}, {@code type}, {@code primary}) in any case. */
    static Optional<Column> emailColumn(String subAttribute) {
        return Optional.ofNullable(EMAIL.get(subAttribute.toLowerCase(Locale.ROOT)));
    }

    /** For {@code emails.value}: the sub-attribute's column; empty for anything else. */
    static Optional<Column> emailSubAttribute(String canonicalName) {
        String prefix = EMAILS + ".";
        if (!canonicalName.startsWith(prefix)) {
            return Optional.empty();
        }
        return emailColumn(canonicalName.substring(prefix.length()));
    }
}
