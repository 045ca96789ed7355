package dev.roster.scim.core.internal.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.stream.Stream;

class PatchPathTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final Filter WORK = Filter.compare(AttrPath.of("type"), CompareOp.EQ, CompValue.of("work"));

    static Stream<Arguments> wellFormedPaths() {
        return Stream.of(
                Arguments.of("userName", path(null, "userName", null, null)),
                Arguments.of("name.givenName", path(null, "name", null, "givenName")),
                Arguments.of("NAME.FAMILYNAME", path(null, "NAME", null, "FAMILYNAME")),
                Arguments.of(ENTERPRISE + ":manager", path(ENTERPRISE, "manager", null, null)),
                Arguments.of(ENTERPRISE + ":manager.value", path(ENTERPRISE, "manager", null, "value")),
                Arguments.of("emails[type eq \"work\"]", path(null, "emails", WORK, null)),
                Arguments.of("emails[type eq \"work\"].value", path(null, "emails", WORK, "value")),
                Arguments.of("addresses[type eq \"work\"].streetAddress",
                        path(null, "addresses", WORK, "streetAddress")),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"]",
                        path("urn:ietf:params:scim:schemas:core:2.0:User", "emails", WORK, null)),
                Arguments.of("emails[value eq \"a]b[c\"]", path(null, "emails",
                        Filter.compare(AttrPath.of("value"), CompareOp.EQ, CompValue.of("a]b[c")), null)),
                Arguments.of("  title  ", path(null, "title", null, null)),
                // The example attribute paths of RFC 7644 §3.5.2, Figure 8.
                Arguments.of("members", path(null, "members", null, null)),
                Arguments.of("name.familyName", path(null, "name", null, "familyName")),
                Arguments.of("addresses[type eq \"work\"]", path(null, "addresses", WORK, null)),
                Arguments.of("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]", path(null, "members",
                        Filter.compare(AttrPath.of("value"), CompareOp.EQ,
                                CompValue.of("2819c223-7f76-453a-919d-413861904646")), null)),
                Arguments.of("members[value eq \"2819c223-7f76-453a-919d-413861904646\"].displayName",
                        path(null, "members", Filter.compare(AttrPath.of("value"), CompareOp.EQ,
                                CompValue.of("2819c223-7f76-453a-919d-413861904646")), "displayName")),
                Arguments.of("groups.$ref", path(null, "groups", null, "$ref")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedPaths")
    void wellFormedPathsSplitIntoUrnAttributeFilterAndSubAttribute(String text, PatchPath expected) {
        assertThat(PatchPath.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"userName", "name.givenName", ENTERPRISE + ":manager.value", "emails[type eq \"work\"].value",
            "emails[type eq \"work\" and value co \"@example.com\"]"})
    void aPathPrintsAsItIsWritten(String text) {
        assertThat(PatchPath.parse(text)).hasToString(text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   ", "name.", ".name", "name..givenName", "name.givenName.x", "emails[",
            "emails]", "emails[]", "emails[type eq \"work\"", "emails[type eq \"work\"]value",
            "emails[type eq \"work\"].", "emails[type eq \"work\"][value pr]", "name.givenName[type eq \"x\"]",
            "1name", "user name", "urn:", "urn::x", "emails[type eq]", "emails[type eq \"work\" and]",
            "emails[type eqq \"work\"]"})
    void malformedPathsAreInvalidPath(String text) {
        assertThatThrownBy(() -> PatchPath.parse(text))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_PATH));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"emails[type eqq \"work\"]", "emails[(type eq \"work\"]"})
    void aFilterThatDoesNotParseIsInvalidPathWithTheFilterParsersExplanation(String text) {
        assertThatThrownBy(() -> PatchPath.parse(text))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_PATH);
                    assertThat(e.detail()).contains("value filter is malformed").contains("position");
                });
    }

    @Test
    void aPathOf1024CharactersIsReadAndOneMoreIsNot() {
        String longest = "a".repeat(1024);

        assertThat(PatchPath.parse(longest).attribute()).isEqualTo(longest);
        assertThatThrownBy(() -> PatchPath.parse(longest + "a"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_PATH);
                    assertThat(e.detail()).contains("at most 1024");
                });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {PatchPathParser.MAX_LENGTH + 1, 100_000})
    void overlongPathsAreRefused(int length) {
        assertThatThrownBy(() -> PatchPath.parse("a".repeat(length)))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_PATH));
    }

    private static PatchPath path(String urn, String attribute, Filter filter, String sub) {
        return new PatchPath(Optional.ofNullable(urn), attribute, Optional.ofNullable(filter), Optional.ofNullable(sub));
    }
}
