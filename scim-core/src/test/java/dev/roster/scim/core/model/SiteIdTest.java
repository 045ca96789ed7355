package dev.roster.scim.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Which names are sites' names, pinned to the regular expression the check was first written as (ADR 051). */
class SiteIdTest {

    @Property(tries = 3000)
    void acceptsExactlyWhatTheRegularExpressionAccepts(@ForAll("nearlyNames") String name) {
        boolean regex = name.matches("[a-z0-9-]{1,63}");

        assertThat(SiteId.isValid(name)).as(name).isEqualTo(regex);
        boolean constructed;
        try {
            SiteId.of(name);
            constructed = true;
        } catch (IllegalArgumentException refused) {
            constructed = false;
        }
        assertThat(constructed).as(name).isEqualTo(regex);
    }

    @Test
    void boundsAndCase() {
        assertThat(SiteId.isValid("a".repeat(63))).isTrue();
        assertThat(SiteId.isValid("a".repeat(64))).isFalse();
        assertThat(SiteId.isValid("")).isFalse();
        assertThat(SiteId.isValid(null)).isFalse();
        assertThat(SiteId.isValid("Acme")).isFalse();
        assertThat(SiteId.isValid("acme-2")).isTrue();
        assertThatThrownBy(() -> SiteId.of("ac me")).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> nearlyNames() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcxyz0189-").ofMinLength(0).ofMaxLength(66);
        Arbitrary<String> oneWrong = names.filter(name -> !name.isEmpty()).flatMap(name -> Arbitraries
                .integers().between(0, name.length() - 1).flatMap(at -> Arbitraries.of('A', 'Z', '_', '/', '.',
                        ' ', '`', '{', '\u0131', '\u212a').map(c -> name.substring(0, at) + c
                        + name.substring(at + 1))));
        return Arbitraries.oneOf(names, oneWrong,
                Arbitraries.strings().withChars("az09-AZ_/.\u0131\u212a ").ofMaxLength(66));
    }
}
