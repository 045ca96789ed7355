package dev.roster.scim.mybatis.internal.sql;

/** How a column compares, which decides the SQL of each operator and the type of value it accepts. */
enum ColumnKind {
    /** Text of a {@code caseExact} attribute, compared as stored (BINARY). */
    EXACT_TEXT,
    /** The {@code CaseFolding.fold} copy of a case-insensitive attribute; values are folded the same way. */
    FOLDED_TEXT,
    /** The {@code IdentifierProfile.key} of an identifier (ADR 014); values are keyed the same way. */
    IDENTIFIER_KEY,
    /** 0 or 1 on SQLite, {@code BOOLEAN} on PostgreSQL; values are bound as Java booleans. */
    BOOLEAN,
    /** Epoch milliseconds of a dateTime attribute. */
    INSTANT
}
