package dev.roster.scim.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The identifier profile of ADR 014, example by example. Code points are written as escapes so that a reader sees
 * which one each row is about.
 */
class IdentifierProfileTest {

    @ParameterizedTest(name = "{0} is the same identity as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "IAN@EXAMPLE.COM      | ian@example.com",
            "Ann.Lee@Example.COM  | ann.lee@example.com",
            "ÉMILE                | émile",
            "E\u0301MILE          | \u00e9mile",          // NFD and NFC: canonically equivalent
            "e\u0301mile          | \u00c9MILE",
            "\uff29\uff21\uff2e   | ian",                 // fullwidth IAN: width mapping
            "ann\uff20example.com | ann@example.com",     // fullwidth commercial at
            "\uff71\uff9d         | \u30a2\u30f3",        // halfwidth katakana アン
            "ΟΔΟΣ                 | οδος",                // toLowerCase writes the final sigma
            "ΣΊΣΥΦΟΣ              | σίσυφος",
            "STRAẞE               | straße",              // capital sharp s lower-cases to ß
            "Ǆungla               | ǆungla",
            "Ann Lee              | ann lee",             // single spaces separate userparts
            "\u0130               | i\u0307"              // key only; İ itself is refused (see below)
    })
    void theseNameTheSamePerson(String one, String other) {
        assertThat(IdentifierProfile.key(one.strip())).isEqualTo(IdentifierProfile.key(other.strip()));
    }

    @ParameterizedTest(name = "{0} and {1} are different people")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\u0131an@example.com | ian@example.com",     // dotless ı is a letter of its own
            "straße               | strasse",             // RFC 8265 §3.6, examples 2 and 3
            "σίσυφος              | σίσυφοσ",             // final and non-final sigma
            "ς                    | σ",                   // RFC 8265 §3.6, examples 6 and 7
            "ian                  | i\u0307an",
            "\u0430nn             | ann"                  // Cyrillic а: refused anyway, never the same key
    })
    void theseNameDifferentPeople(String one, String other) {
        assertThat(IdentifierProfile.key(one.strip())).isNotEqualTo(IdentifierProfile.key(other.strip()));
    }

    @ParameterizedTest(name = "{0} is accepted")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "ian@example.com",
            "Ann.Lee+tag@Example.COM",
            "o'brien_2@example.com",
            "\u0131an@example.com",                       // Turkish dotless ı
            "straße",
            "σίσυφος",
            "\u0430\u043d\u043d\u0430@example.com",       // wholly Cyrillic local part, Latin domain
            "\u0438\u0432\u0430\u043d@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",
            "山田太郎",
            "やまだtaro",                                  // Latin + Han + Hiragana (Japanese)
            "김민수",
            "\u05d3\u05e0\u05d4@example.com",              // Hebrew local part under a Latin domain
            "\u0645\u062d\u0645\u062f",                    // Arabic
            "\u0915\u094d\u200d\u0937",                    // ZWJ after a virama (RFC 5892 A.2)
            "\u0915\u094d\u200c\u0937",                    // ZWNJ after a virama (RFC 5892 A.1)
            "col\u00b7legi",                              // Catalan l·l (RFC 5892 A.3)
            "COL\u00b7LEGI",                              // checked on the lower-case form
            "e\u0301mile",                                // NFD input
            "\uff49\uff41\uff4e",                         // fullwidth: maps to ian
            "ann\u3000lee",                               // ideographic space maps to a space
            "Ann Lee"
    })
    void accepts(String userName) {
        assertThat(IdentifierProfile.refusal(userName)).isEmpty();
        assertThat(IdentifierProfile.requireAcceptable("userName", userName))
                .isEqualTo(IdentifierProfile.key(userName));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "ann\u0007x               | U+0007 BEL in the name is a control character",
            "\u0430nn                 | mixes Latin and Cyrillic letters (U+0430 CYRILLIC SMALL LETTER A)",
            "p\u0430ypal@example.com  | mixes Latin and Cyrillic",
            "ann@ex\u0430mple.com     | mixes Latin and Cyrillic",
            "\u03bfpen                | mixes Latin and Greek",
            "ann\u200b                | U+200B ZERO WIDTH SPACE in the name is invisible",
            "an\u200dn                | U+200D ZERO WIDTH JOINER in the name may only follow a virama",
            "an\u200cn                | U+200C ZERO WIDTH NON-JOINER in the name may only follow a virama",
            "\u202enna@example.com    | U+202E RIGHT-TO-LEFT OVERRIDE in the name is invisible",
            "ann\u2066                | U+2066 LEFT-TO-RIGHT ISOLATE",
            "\u017fam                 | U+017F LATIN SMALL LETTER LONG S in the name is a compatibility variant of U+0073",
            "o\ufb03ce                | U+FB03 LATIN SMALL LIGATURE FFI in the name is a compatibility variant",
            "\u212aim                 | U+212A KELVIN SIGN in the name is a compatibility variant of U+004B",
            "\u2126mega               | U+2126 OHM SIGN",
            "henry\u2163              | U+2163 ROMAN NUMERAL FOUR",
            "ann\ud83d\ude00          | U+1F600 GRINNING FACE in the name is a symbol",
            "\u265a                   | U+265A BLACK CHESS KING in the name is a symbol",
            "ann\u0378                | U+0378 in the name is not assigned",
            "ann\ue000                | private-use code point",
            "ann\ufe0f                | U+FE0F VARIATION SELECTOR-16 in the name is invisible",
            "ann  lee                 | spaces may only separate words",
            "ann\u00a0lee             | U+00A0 NO-BREAK SPACE",
            "\u0130an                 | a dot above (U+0307) on U+0069 LATIN SMALL LETTER I hides",
            "i\u0307an                | a dot above (U+0307)",
            "\u0131\u0307an           | a dot above (U+0307)",
            "a\u0301\u0301nn          | U+0301 COMBINING ACUTE ACCENT stands twice in a row",
            "a\u0300\u0301\u0302\u0303\u0304nn | more than 4 combining marks",
            "l\u00b7a                 | may only stand between two l",
            "\u05d3\u05e0a            | may not stand in a right-to-left part",
            "1\u05d3@example.com      | must start with a letter",
            "ann\u0640                | U+0640 ARABIC TATWEEL in the name is excluded from identifiers",
            "\u1100\u1161             | a conjoining Hangul jamo"
    })
    void refuses(String userName, String reason) {
        assertThat(IdentifierProfile.refusal(userName)).hasValueSatisfying(why -> assertThat(why).contains(reason));
        assertThatThrownBy(() -> IdentifierProfile.requireAcceptable("userName", userName))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                    assertThat(e.getMessage()).startsWith("The userName is not acceptable: ").contains(reason);
                });
    }

    @Test
    void refusalsNameCodePointsWithoutEchoingInvisibleOrControlCharacters() {
        for (String hostile : new String[] {"ann\u0000", "\u202eann", "an\u200bn", "ann\u0007", "\u0130an"}) {
            String why = IdentifierProfile.refusal(hostile).orElseThrow();
            assertThat(why.codePoints()).noneMatch(cp -> cp == 0 || cp == 7 || cp == 0x202E || cp == 0x200B
                    || cp == 0x0130 || cp == 0x0307);
        }
    }

    @Test
    void aNulCharacterIsRefusedWherever() {
        // Not in the table above: the CSV parser trims NUL as white space.
        for (String withNul : new String[] {"ann\u0000", "\u0000ann", "an\u0000n@example.com"}) {
            assertThat(IdentifierProfile.refusal(withNul)).contains("U+0000 NULL in the name is a control character");
        }
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThat(IdentifierProfile.refusal("")).contains("it is empty");
    }

    @Test
    void viramasAreFoundThroughCanonicalOrdering() {
        assertThat(CodePoints.isVirama(0x094D)).isTrue();   // DEVANAGARI SIGN VIRAMA
        assertThat(CodePoints.isVirama(0x0DCA)).isTrue();   // SINHALA SIGN AL-LAKUNA
        assertThat(CodePoints.isVirama(0x17D2)).isTrue();   // KHMER SIGN COENG
        assertThat(CodePoints.isVirama(0x0301)).isFalse();  // combining acute, class 230
        assertThat(CodePoints.isVirama(0x093C)).isFalse();  // DEVANAGARI SIGN NUKTA, class 7
        assertThat(CodePoints.isVirama('k')).isFalse();
    }

    @Property
    void theKeyIsStableUnderItself(@ForAll String text) {
        String key = IdentifierProfile.key(text);

        assertThat(IdentifierProfile.key(key)).isEqualTo(key);
    }

    @Property
    void anAcceptedNameIsItsOwnKeyAcceptedAgain(@ForAll String text) {
        if (IdentifierProfile.refusal(text).isEmpty()) {
            String key = IdentifierProfile.key(text);
            assertThat(IdentifierProfile.refusal(key)).isEmpty();
        }
    }
}
