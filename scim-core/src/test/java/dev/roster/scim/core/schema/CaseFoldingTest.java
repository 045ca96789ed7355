package dev.roster.scim.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CaseFoldingTest {

    @ParameterizedTest
    @CsvSource({
            "ÉMILE, émile",
            "STRASSE, straße",
            "Ann.Lee@Example.COM, ann.lee@example.com",
            "ΣΊΣΥΦΟΣ, σίσυφος",
            "ǅungla, ǆungla",
            "INDIGO, indigo"
    })
    void foldsCaseFully(String upper, String lower) {
        assertThat(CaseFolding.fold(upper)).isEqualTo(CaseFolding.fold(lower));
    }

    @Test
    void composedAndDecomposedAccentsFoldAlike() {
        assertThat(CaseFolding.fold("E\u0301MILE")).isEqualTo(CaseFolding.fold("émile"));
    }

    @Test
    void ordersByCodePointNotByUtf16Unit() {
        String beyondBmp = new String(Character.toChars(0x1F600));
        String privateUse = "\uE000";

        assertThat(CaseFolding.compareCodePoints(privateUse, beyondBmp)).isNegative();
        assertThat(privateUse.compareTo(beyondBmp)).isPositive();
        assertThat(CaseFolding.compareCodePoints("ab", "abc")).isNegative();
        assertThat(CaseFolding.compareCodePoints("abc", "abc")).isZero();
    }
}
