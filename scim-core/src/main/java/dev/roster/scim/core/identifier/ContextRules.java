package dev.roster.scim.core.identifier;

import java.util.Optional;

/**
 * The contextual rules of RFC 5892 Appendix A for the CONTEXTJ and CONTEXTO code points of the IdentifierClass,
 * applied to the whole string (PRECIS has no labels). One rule is narrower than the RFC: a ZERO WIDTH NON-JOINER
 * is allowed only after a virama, because its second context (between Arabic-script letters of certain joining
 * types, A.1) needs the Joining_Type property, which the JDK does not have.
 */
final class ContextRules {

    private ContextRules() {
    }

    /** Why the code point at {@code index} (of {@code codePoints}) is not allowed where it is, if it is not. */
    static Optional<String> violation(int[] codePoints, int index) {
        int cp = codePoints[index];
        int before = index > 0 ? codePoints[index - 1] : -1;
        int after = index + 1 < codePoints.length ? codePoints[index + 1] : -1;
        boolean allowed = switch (cp) {
            case 0x200C, 0x200D -> before >= 0 && CodePoints.isVirama(before);
            case 0x00B7 -> before == 'l' && after == 'l';
            case 0x0375 -> after >= 0 && Character.UnicodeScript.of(after) == Character.UnicodeScript.GREEK;
            case 0x05F3, 0x05F4 -> before >= 0 && Character.UnicodeScript.of(before) == Character.UnicodeScript.HEBREW;
            case 0x30FB -> containsHiraganaKatakanaOrHan(codePoints);
            default -> arabicIndicDigitsAreNotMixed(codePoints);
        };
        if (allowed) {
            return Optional.empty();
        }
        return Optional.of(switch (cp) {
            case 0x200C -> "may only follow a virama (RFC 5892 A.1)";
            case 0x200D -> "may only follow a virama (RFC 5892 A.2)";
            case 0x00B7 -> "may only stand between two l, as in Catalan l·l (RFC 5892 A.3)";
            case 0x0375 -> "must be followed by a Greek letter (RFC 5892 A.4)";
            case 0x05F3, 0x05F4 -> "must follow a Hebrew letter (RFC 5892 A.5, A.6)";
            case 0x30FB -> "needs a Hiragana, Katakana or Han character in the name (RFC 5892 A.7)";
            default -> "cannot be mixed with the other set of Arabic-Indic digits (RFC 5892 A.8, A.9)";
        });
    }

    private static boolean containsHiraganaKatakanaOrHan(int[] codePoints) {
        for (int cp : codePoints) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }

    private static boolean arabicIndicDigitsAreNotMixed(int[] codePoints) {
        boolean arabicIndic = false;
        boolean extended = false;
        for (int cp : codePoints) {
            arabicIndic |= cp >= 0x0660 && cp <= 0x0669;
            extended |= cp >= 0x06F0 && cp <= 0x06F9;
        }
        return !(arabicIndic && extended);
    }
}
