package dev.roster.scim.core.schema;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

/**
 * How Roster compares text of attributes that are not {@code caseExact} (RFC 7643 §2.2): NFC-normalised, then
 * folded with full Unicode case mapping, so that {@code "ÉMILE"} equals {@code "émile"} and {@code "STRASSE"}
 * equals {@code "straße"}. Upper-casing first and lower-casing after is what makes the mapping "full" ({@code ß}
 * becomes {@code SS}, then {@code ss}); {@code Locale.ROOT} keeps the Turkish dotless i out of it.
 *
 * <p>It is for descriptive text ({@code displayName}, name parts, {@code title}…): it maps look-alikes together
 * ({@code ı} and {@code i}, {@code ſ} and {@code s}), which suits a search but not a name that identifies someone.
 * Identifiers ({@code userName}, {@code emails.value}) compare by
 * {@link dev.roster.scim.core.identifier.IdentifierProfile#key} instead (ADR 014).
 *
 * <p>Every store must compare with exactly this function; the SQL stores keep a folded copy of such columns,
 * computed here, so that the database and the in-memory evaluator agree. Order is by Unicode code point, which is
 * also how SQLite compares UTF-8 text with its BINARY collation.
 */
public final class CaseFolding {

    /** Code-point order (not UTF-16 unit order, which misplaces characters beyond U+FFFF). */
    public static final Comparator<String> CODE_POINT_ORDER = CaseFolding::compareCodePoints;

    private CaseFolding() {
    }

    /**
     * The folded form of a text: equal for two texts exactly when they are equal ignoring case under this
     * comparison.
     *
     * <pre>{@code
     * CaseFolding.fold("STRASSE").equals(CaseFolding.fold("straße"))   // true
     * }</pre>
     *
     * @param text any text
     * @return NFC of the lower case of the upper case of the text's NFC, in {@link Locale#ROOT}
     */
    public static String fold(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        return Normalizer.normalize(normalized.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT),
                Normalizer.Form.NFC);
    }

    /**
     * Compares two texts code point by code point, as {@link #CODE_POINT_ORDER} does.
     *
     * @param left  one text
     * @param right the other
     * @return negative, zero or positive as {@code left} sorts before, with or after {@code right}
     */
    public static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }
}
