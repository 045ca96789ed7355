package dev.roster.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.stream.Stream;

class AttributePathTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("userName", path(null, "userName", null)),
                Arguments.of("name.givenName", path(null, "name", "givenName")),
                Arguments.of("NAME.GIVENNAME", path(null, "NAME", "GIVENNAME")),
                Arguments.of("x-y_1", path(null, "x-y_1", null)),
                Arguments.of("groups.$ref", path(null, "groups", "$ref")),
                Arguments.of("groups.$REF", path(null, "groups", "$REF")),
                Arguments.of("$ref", path(null, "$ref", null)),
                // What Entra ID and Okta send: the URN keeps its dots, it ends at the last colon.
                Arguments.of(ENTERPRISE + ":manager", path(ENTERPRISE, "manager", null)),
                Arguments.of(ENTERPRISE + ":manager.value", path(ENTERPRISE, "manager", "value")),
                Arguments.of("URN:IETF:params:scim:schemas:core:2.0:User:userName",
                        path("URN:IETF:params:scim:schemas:core:2.0:User", "userName", null)),
                Arguments.of("urn:ietf:params:scim:schemas:extension:Contoso_1:2.0:User:stackUserType",
                        path("urn:ietf:params:scim:schemas:extension:Contoso_1:2.0:User", "stackUserType", null)),
                Arguments.of("http:example:title", path("http:example", "title", null)),
                // A bare URN reads as URN + its last segment, which no schema defines as an attribute.
                Arguments.of(ENTERPRISE, path("urn:ietf:params:scim:schemas:extension:enterprise:2.0", "User", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void readsUrnAttributeAndSubAttribute(String text, AttrPath expected) {
        assertThat(AttributePath.parse(text)).isEqualTo(expected);
        assertThat(AttributePath.isWellFormed(text)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "$", "$foo", "na$me", "$refx", "a$ref", "1name", "-name", "_name", "name.", ".name",
            "name..givenName", "name.givenName.x", "user name", " userName", "é", "name+x", ":userName", "urn:",
            "urn::x", "urn:a b:x", "1urn:x:y", "urn:x%20:y", "urn:x/y:z", "emails[type eq \"work\"]",
            "urn:ietf:params:scim:schemas:core:2.0:User:"})
    void refusesWhatTheRfcGrammarDoesNotProduce(String text) {
        assertThat(AttributePath.isWellFormed(text)).isFalse();
        assertThatThrownBy(() -> AttributePath.parse(text)).isInstanceOf(AttributePath.Malformed.class)
                .hasMessageStartingWith("Expected ");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"name.givenName", ENTERPRISE + ":manager.value", "groups.$ref"})
    void printsAsItIsWritten(String text) {
        assertThat(AttributePath.parse(text)).hasToString(text);
    }

    private static AttrPath path(String urn, String attribute, String sub) {
        return new AttrPath(Optional.ofNullable(urn), attribute, Optional.ofNullable(sub));
    }
}
