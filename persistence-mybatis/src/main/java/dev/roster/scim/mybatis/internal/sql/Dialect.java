package dev.roster.scim.mybatis.internal.sql;

/**
 * The SQL that differs between the two databases Roster runs on. Everything else (the mapper XML, the filter
 * push-down, the sort) is written once in SQL both understand; the schemas differ (one migration set each) but keep
 * the same tables, columns and indexes, so that a statement means the same on both.
 */
public enum Dialect {

    /** SQLite: booleans are the integers 0 and 1, {@code instr} finds a substring, {@code LIMIT -1} is no limit. */
    SQLITE("0", "1", "instr"),

    /** PostgreSQL: booleans are {@code BOOLEAN}, {@code strpos} finds a substring, no {@code LIMIT} is no limit. */
    POSTGRESQL("FALSE", "TRUE", "strpos");

    private final String falseLiteral;
    private final String trueLiteral;
    private final String substringPosition;

    Dialect(String falseLiteral, String trueLiteral, String substringPosition) {
        this.falseLiteral = falseLiteral;
        this.trueLiteral = trueLiteral;
        this.substringPosition = substringPosition;
    }

    /** A boolean as the column type stores it: {@code 0}/{@code 1} on SQLite, {@code FALSE}/{@code TRUE}. */
    public String literal(boolean value) {
        return value ? trueLiteral : falseLiteral;
    }

    /** The 1-based position of {@code needle} in {@code haystack}, 0 when absent (code points on both). */
    String position(String haystack, String needle) {
        return substringPosition + "(" + haystack + ", " + needle + ")";
    }

    /**
     * {@code condition}, told to the planner to hold for very few rows. Without ANALYZE statistics (a new file, or one
     * filled by a bulk load) SQLite rates {@code site = ? AND user_name_key = ?} on a three-column index no better
     * than {@code site = ?} on the primary key, and takes the key, whose id order spares it the sort of the page:
     * it then reads every user of the site. {@code likelihood} leaves the condition's meaning and its use of an index
     * as they are. PostgreSQL keeps statistics of its own (autovacuum analyzes) and needs no hint.
     */
    String selective(String condition) {
        return this == SQLITE ? "likelihood(" + condition + ", 0.0001)" : condition;
    }

    /** {@code LIMIT … OFFSET …} for a page; {@code limited} false means every row from the offset on. */
    public String page(boolean limited) {
        if (limited) {
            return " LIMIT #{limit} OFFSET #{offset}";
        }
        // SQLite has no OFFSET without LIMIT; a negative limit is none.
        return this == SQLITE ? " LIMIT -1 OFFSET #{offset}" : " OFFSET #{offset}";
    }
}
