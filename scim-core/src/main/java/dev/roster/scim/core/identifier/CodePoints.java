package dev.roster.scim.core.identifier;

import java.text.Normalizer;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small facts about code points that the profile's rules and messages need. */
final class CodePoints {

    private static final String VIRAMA_DEVANAGARI = "\u094D";
    private static final String OVERLAY_MARK = "\u0334";

    private CodePoints() {
    }

    static String text(int cp) {
        return new String(Character.toChars(cp));
    }

    /**
     * A code point as messages name it, never the character itself (it may be invisible, a control character or
     * one that reorders the text around it): {@code U+0430 CYRILLIC SMALL LETTER A}.
     */
    static String describe(int cp) {
        String name = Character.getName(cp);
        return String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name);
    }

    /** Every code point of a text, described and comma-separated. */
    static String describe(String text) {
        return text.codePoints().mapToObj(CodePoints::describe).collect(Collectors.joining(", "));
    }

    /**
     * Whether the code point's Canonical_Combining_Class is 9 (Virama), as RFC 5892 A.1 and A.2 ask. The JDK does
     * not expose combining classes, but canonical ordering reveals them: NFD swaps two adjacent marks exactly when
     * the first has the higher non-zero class. A mark of class 9 is not reordered around U+094D (class 9) in
     * either order, and is reordered after U+0334 (class 1), which a starter (class 0) never is.
     */
    static boolean isVirama(int cp) {
        String mark = text(cp);
        if (!Normalizer.normalize(mark, Normalizer.Form.NFD).equals(mark)) {
            return false;
        }
        return unchanged("a" + mark + VIRAMA_DEVANAGARI) && unchanged("a" + VIRAMA_DEVANAGARI + mark)
                && !unchanged("a" + mark + OVERLAY_MARK);
    }

    private static boolean unchanged(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).equals(text);
    }
}
