package dev.roster.scim.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceivedJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\udbff", "\udc00b", "\ude00\ud83d", "ok\ud83d\ude00\ud83d"})
    void aStringWithAnUnpairedSurrogateIsInvalidSyntax(String text) {
        assertInvalidSyntax(() -> ReceivedJson.string(text), "unpaired surrogate");
    }

    @Test
    void aStringOfUnicodeTextIsKeptAsSent() {
        assertThat(ReceivedJson.string("émile \ud83d\ude00 中文").value()).isEqualTo("émile 😀 中文");
    }

    @Test
    void aMemberNameWithAnUnpairedSurrogateIsInvalidSyntax() {
        assertInvalidSyntax(() -> ReceivedJson.object().member("user\ud800Name", ScimValue.of("ann")),
                "A member name");
    }

    @Test
    void twoMembersThatDifferOnlyInCaseAreInvalidSyntaxNamingBoth() {
        ReceivedJson.ObjectBuilder user = ReceivedJson.object().member("userName", ScimValue.of("ann"));

        assertInvalidSyntax(() -> user.member("USERNAME", ScimValue.of("bob")), "\"userName\" and \"USERNAME\"");
    }

    @Test
    void anExactDuplicateIsInvalidSyntaxToo() {
        ReceivedJson.ObjectBuilder user = ReceivedJson.object().member("userName", ScimValue.of("ann"));

        assertInvalidSyntax(() -> user.member("userName", ScimValue.of("bob")), "twice");
    }

    @Test
    void namesThatEqualsIgnoreCaseCallEqualAreDuplicatesAsLookupsTreatThemAlike() {
        // Lookups use equalsIgnoreCase, for which the dotless i and I are equal; so the refusal does the same.
        ReceivedJson.ObjectBuilder object = ReceivedJson.object().member("ıd", ScimValue.of("a"));

        assertInvalidSyntax(() -> object.member("ID", ScimValue.of("b")), "case-insensitive");
    }

    @Test
    void distinctMembersKeepTheirOrderAndSpelling() {
        ScimObject object = ReceivedJson.object().member("b", ScimValue.of(1)).member("userName", ScimValue.of("a"))
                .member("name.givenName", ScimValue.of("x")).build();

        assertThat(object.names()).containsExactly("b", "userName", "name.givenName");
    }

    private static void assertInvalidSyntax(Runnable read, String detail) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_SYNTAX);
            assertThat(e.detail()).contains(detail);
        });
    }
}
