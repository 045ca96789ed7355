package dev.roster.scim.core.identifier;

import java.text.Normalizer;
import java.util.Map;

/**
 * The PRECIS IdentifierClass (RFC 8264 §4.2) of one code point, derived as RFC 8264 §8 orders the rules of §9 from
 * the JDK's Unicode data ({@link Character}, {@link Normalizer}). Two properties the JDK does not expose are
 * written out here: Default_Ignorable_Code_Point (DerivedCoreProperties.txt) and the Hangul jamo
 * (HangulSyllableType.txt); the exceptions are RFC 5892 §2.6's table.
 */
final class IdentifierClass {

    /** The derived property values of RFC 8264 §8; ID_DIS and FREE_PVAL are both {@link #DISALLOWED} here. */
    enum Property {
        PVALID, CONTEXTJ, CONTEXTO, DISALLOWED, UNASSIGNED
    }

    /** A code point's property and, when it is not valid, what it is in words. */
    record Derived(Property property, String kind) {
    }

    private static final Derived VALID = new Derived(Property.PVALID, "");

    /** RFC 5892 §2.6, which RFC 8264 §9.6 takes as its Exceptions (F). */
    private static final Map<Integer, Property> EXCEPTIONS = Map.ofEntries(
            Map.entry(0x00DF, Property.PVALID), Map.entry(0x03C2, Property.PVALID),
            Map.entry(0x06FD, Property.PVALID), Map.entry(0x06FE, Property.PVALID),
            Map.entry(0x0F0B, Property.PVALID), Map.entry(0x3007, Property.PVALID),
            Map.entry(0x00B7, Property.CONTEXTO), Map.entry(0x0375, Property.CONTEXTO),
            Map.entry(0x05F3, Property.CONTEXTO), Map.entry(0x05F4, Property.CONTEXTO),
            Map.entry(0x30FB, Property.CONTEXTO),
            Map.entry(0x0640, Property.DISALLOWED), Map.entry(0x07FA, Property.DISALLOWED),
            Map.entry(0x302E, Property.DISALLOWED), Map.entry(0x302F, Property.DISALLOWED),
            Map.entry(0x3031, Property.DISALLOWED), Map.entry(0x3032, Property.DISALLOWED),
            Map.entry(0x3033, Property.DISALLOWED), Map.entry(0x3034, Property.DISALLOWED),
            Map.entry(0x3035, Property.DISALLOWED), Map.entry(0x303B, Property.DISALLOWED));

    /** Default_Ignorable_Code_Point of Unicode 13 (DerivedCoreProperties.txt), as inclusive ranges. */
    private static final int[][] DEFAULT_IGNORABLE = {
            {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
            {0x180B, 0x180E}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
            {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
            {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};

    /** Hangul_Syllable_Type L, V and T (HangulSyllableType.txt): RFC 8264 §9.9 OldHangulJamo (I). */
    private static final int[][] OLD_HANGUL_JAMO = {
            {0x1100, 0x11FF}, {0xA960, 0xA97C}, {0xD7B0, 0xD7C6}, {0xD7CB, 0xD7FB}};

    private IdentifierClass() {
    }

    static Derived of(int cp) {
        if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9)) {
            return new Derived(Property.CONTEXTO, ""); // Arabic-Indic digits: RFC 5892 §2.6, A.8, A.9
        }
        Property exception = EXCEPTIONS.get(cp);
        if (exception != null) {
            return exception == Property.DISALLOWED
                    ? new Derived(Property.DISALLOWED, "excluded from identifiers by RFC 5892 §2.6")
                    : new Derived(exception, "");
        }
        int type = Character.getType(cp);
        if (type == Character.UNASSIGNED && !isNoncharacter(cp)) {
            return new Derived(Property.UNASSIGNED, "not assigned in the Unicode version this Java knows");
        }
        if (cp >= 0x21 && cp <= 0x7E) {
            return VALID;
        }
        if (cp == 0x200C || cp == 0x200D) {
            return new Derived(Property.CONTEXTJ, "");
        }
        if (in(OLD_HANGUL_JAMO, cp)) {
            return new Derived(Property.DISALLOWED, "a conjoining Hangul jamo (write the precomposed syllable)");
        }
        if (in(DEFAULT_IGNORABLE, cp) || isNoncharacter(cp)) {
            return new Derived(Property.DISALLOWED, "invisible (a default-ignorable code point or noncharacter)");
        }
        if (type == Character.CONTROL) {
            return new Derived(Property.DISALLOWED, "a control character");
        }
        if (hasCompatibilityEquivalent(cp)) {
            return new Derived(Property.DISALLOWED, "a compatibility variant of "
                    + CodePoints.describe(Normalizer.normalize(CodePoints.text(cp), Normalizer.Form.NFKC)));
        }
        return switch (type) {
            case Character.LOWERCASE_LETTER, Character.UPPERCASE_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.MODIFIER_LETTER, Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK -> VALID;
            case Character.TITLECASE_LETTER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.ENCLOSING_MARK -> new Derived(Property.DISALLOWED,
                    "a titlecase letter, a letter-like or other number, or an enclosing mark");
            case Character.SPACE_SEPARATOR -> new Derived(Property.DISALLOWED, "a space");
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> new Derived(Property.DISALLOWED, "a symbol (emoji included)");
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION ->
                    new Derived(Property.DISALLOWED, "punctuation outside ASCII");
            default -> new Derived(Property.DISALLOWED, "a format, separator, surrogate or private-use code point");
        };
    }

    /** RFC 8264 §9.17 HasCompat (Q): {@code toNFKC(cp) != cp}. */
    static boolean hasCompatibilityEquivalent(int cp) {
        String text = CodePoints.text(cp);
        return !Normalizer.normalize(text, Normalizer.Form.NFKC).equals(text);
    }

    /** Noncharacter_Code_Point: U+FDD0..U+FDEF and the last two code points of every plane. */
    static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static boolean in(int[][] ranges, int cp) {
        for (int[] range : ranges) {
            if (cp >= range[0] && cp <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
