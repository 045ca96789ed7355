package dev.roster.scim.core.internal.patch;

import static dev.roster.scim.core.internal.patch.PatchFixtures.ANN;
import static dev.roster.scim.core.internal.patch.PatchFixtures.BARE;
import static dev.roster.scim.core.internal.patch.PatchFixtures.ENTERPRISE;
import static dev.roster.scim.core.internal.patch.PatchFixtures.json;
import static dev.roster.scim.core.internal.patch.PatchFixtures.patchOps;
import static dev.roster.scim.core.internal.patch.PatchFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.mapping.UserInputNormalizer;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** The rules of the PATCH engine: each operation's effect, the primary rule, atomicity and every kind of error. */
class PatchEngineTest {

    static Stream<Arguments> effects() {
        return Stream.of(
                Arguments.of("add sets a simple attribute",
                        "[{\"op\": \"add\", \"path\": \"nickName\", \"value\": \"Annie\"}]",
                        ANN.with("nickName", ScimValue.of("Annie"))),
                Arguments.of("add replaces a simple attribute that has a value",
                        "[{\"op\": \"add\", \"path\": \"title\", \"value\": \"Lead\"}]",
                        ANN.with("title", ScimValue.of("Lead"))),
                Arguments.of("paths are case-insensitive and results use the schema's spelling",
                        "[{\"op\": \"replace\", \"path\": \"NICKNAME\", \"value\": \"Annie\"}]",
                        ANN.with("nickName", ScimValue.of("Annie"))),
                Arguments.of("add merges sub-attributes into a complex attribute",
                        "[{\"op\": \"add\", \"path\": \"name\", \"value\": {\"middleName\": \"J\"}}]",
                        ANN.with("name", json("{\"givenName\": \"Ann\", \"familyName\": \"Lee\", \"middleName\": \"J\"}"))),
                Arguments.of("a URN-qualified core path is the core attribute",
                        "[{\"op\": \"replace\", \"path\": \"urn:ietf:params:scim:schemas:core:2.0:User:title\","
                                + " \"value\": \"Lead\"}]",
                        ANN.with("title", ScimValue.of("Lead"))),
                Arguments.of("replace sets a sub-attribute of an extension's complex attribute",
                        "[{\"op\": \"replace\", \"path\": \"" + ENTERPRISE + ":manager.value\", \"value\": \"boss-2\"}]",
                        ANN.with(ENTERPRISE, json("{\"department\": \"Ops\", \"manager\": {\"value\": \"boss-2\"}}"))),
                Arguments.of("a path-less extension object replaces only the attributes it names",
                        "[{\"op\": \"replace\", \"value\": {\"" + ENTERPRISE + "\": {\"costCenter\": \"42\"}}}]",
                        ANN.with(ENTERPRISE, json("{\"department\": \"Ops\", \"manager\": {\"value\": \"boss-1\"},"
                                + " \"costCenter\": \"42\"}"))),
                Arguments.of("a null value unassigns the attribute",
                        "[{\"op\": \"replace\", \"path\": \"title\", \"value\": null}]",
                        ANN.without("title")),
                Arguments.of("a null member of a path-less value unassigns it",
                        "[{\"op\": \"replace\", \"value\": {\"title\": null, \"name\": {\"familyName\": null}}}]",
                        ANN.without("title").with("name", json("{\"givenName\": \"Ann\"}"))),
                Arguments.of("replacing a multi-valued attribute with an empty array unassigns it",
                        "[{\"op\": \"replace\", \"path\": \"emails\", \"value\": []}]",
                        ANN.without("emails")),
                Arguments.of("remove of a simple attribute",
                        "[{\"op\": \"remove\", \"path\": \"title\"}]",
                        ANN.without("title")),
                Arguments.of("remove of a sub-attribute of a complex attribute",
                        "[{\"op\": \"remove\", \"path\": \"name.givenName\"}]",
                        ANN.with("name", json("{\"familyName\": \"Lee\"}"))),
                Arguments.of("removing the last sub-attribute unassigns the complex attribute",
                        "[{\"op\": \"remove\", \"path\": \"name.givenName\"}, {\"op\": \"remove\","
                                + " \"path\": \"name.familyName\"}]",
                        ANN.without("name")),
                Arguments.of("removing the last attribute of an extension removes the extension",
                        "[{\"op\": \"remove\", \"path\": \"" + ENTERPRISE + ":department\"},"
                                + " {\"op\": \"remove\", \"path\": \"" + ENTERPRISE + ":manager\"}]",
                        ANN.without(ENTERPRISE)),
                Arguments.of("removing an attribute that has no value changes nothing",
                        "[{\"op\": \"remove\", \"path\": \"nickName\"}, {\"op\": \"remove\","
                                + " \"path\": \"" + ENTERPRISE + ":costCenter\"}, {\"op\": \"remove\","
                                + " \"path\": \"phoneNumbers\"}]",
                        ANN),
                Arguments.of("remove of a sub-attribute of every value of a multi-valued attribute",
                        "[{\"op\": \"remove\", \"path\": \"emails.type\"}]",
                        ANN.with("emails", value("[{\"value\": \"ann@work.example\", \"primary\": true},"
                                + " {\"value\": \"ann@home.example\"}]"))),
                Arguments.of("remove of a sub-attribute of the values a filter selects",
                        "[{\"op\": \"remove\", \"path\": \"emails[type eq \\\"work\\\"].primary\"}]",
                        ANN.with("emails", value("[{\"value\": \"ann@work.example\", \"type\": \"work\"},"
                                + " {\"value\": \"ann@home.example\", \"type\": \"home\"}]"))),
                Arguments.of("add merges sub-attributes into the values a filter selects",
                        "[{\"op\": \"add\", \"path\": \"emails[type eq \\\"home\\\"]\", \"value\": {\"display\": \"Home\"}}]",
                        ANN.with("emails", value("[{\"value\": \"ann@work.example\", \"type\": \"work\", \"primary\": true},"
                                + " {\"value\": \"ann@home.example\", \"type\": \"home\", \"display\": \"Home\"}]"))),
                Arguments.of("filters compare case-insensitively where the sub-attribute is not caseExact",
                        "[{\"op\": \"replace\", \"path\": \"emails[type eq \\\"WORK\\\"].display\", \"value\": \"Office\"}]",
                        ANN.with("emails", value("[{\"value\": \"ann@work.example\", \"type\": \"work\", \"primary\": true,"
                                + " \"display\": \"Office\"}, {\"value\": \"ann@home.example\", \"type\": \"home\"}]"))),
                Arguments.of("add to a multi-valued attribute accepts a single value",
                        "[{\"op\": \"add\", \"path\": \"phoneNumbers\", \"value\": {\"value\": \"+1 555\", \"type\": \"work\"}}]",
                        ANN.with("phoneNumbers", value("[{\"value\": \"+1 555\", \"type\": \"work\"}]"))),
                Arguments.of("remove then add of a required attribute in one request is allowed",
                        "[{\"op\": \"remove\", \"path\": \"userName\"}, {\"op\": \"add\", \"path\": \"userName\","
                                + " \"value\": \"ann2\"}]",
                        ANN.with("userName", ScimValue.of("ann2"))),
                Arguments.of("an operation whose path no schema defines is ignored",
                        "[{\"op\": \"add\", \"path\": \"emails2[type eq \\\"work\\\"].value\", \"value\": \"x\"}]",
                        ANN),
                Arguments.of("stackUserType at top level is the role extension's attribute",
                        "[{\"op\": \"replace\", \"path\": \"stackUserType\", \"value\": \"Admin\"}]",
                        ANN.with(PatchFixtures.ROLE, json("{\"stackUserType\": \"Admin\"}"))),
                Arguments.of("writeOnly attributes can be written",
                        "[{\"op\": \"replace\", \"path\": \"password\", \"value\": \"s3cret\"}]",
                        ANN.with("password", ScimValue.of("s3cret"))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("effects")
    void operationsHaveTheirRfcEffect(String behaviour, String operations, ScimObject expected) {
        assertThat(patchOps(ANN, operations)).isEqualTo(expected);
    }

    static Stream<Arguments> primaryRule() {
        return Stream.of(
                Arguments.of("adding a primary value makes the old primary non-primary",
                        "[{\"op\": \"add\", \"path\": \"emails\", \"value\": [{\"value\": \"n@x.org\", \"primary\": true}]}]",
                        "[{\"value\": \"ann@work.example\", \"type\": \"work\", \"primary\": false},"
                                + " {\"value\": \"ann@home.example\", \"type\": \"home\"},"
                                + " {\"value\": \"n@x.org\", \"primary\": true}]"),
                Arguments.of("making a filtered value primary makes the others non-primary",
                        "[{\"op\": \"replace\", \"path\": \"emails[type eq \\\"home\\\"].primary\", \"value\": true}]",
                        "[{\"value\": \"ann@work.example\", \"type\": \"work\", \"primary\": false},"
                                + " {\"value\": \"ann@home.example\", \"type\": \"home\", \"primary\": true}]"),
                Arguments.of("primary sent as the string True counts",
                        "[{\"op\": \"Replace\", \"path\": \"emails[type eq \\\"home\\\"].primary\", \"value\": \"True\"}]",
                        "[{\"value\": \"ann@work.example\", \"type\": \"work\", \"primary\": false},"
                                + " {\"value\": \"ann@home.example\", \"type\": \"home\", \"primary\": true}]"),
                Arguments.of("a path-less add of a primary value clears the old primary",
                        "[{\"op\": \"add\", \"value\": {\"emails\": [{\"value\": \"n@x.org\", \"type\": \"other\","
                                + " \"primary\": true}]}}]",
                        "[{\"value\": \"ann@work.example\", \"type\": \"work\", \"primary\": false},"
                                + " {\"value\": \"ann@home.example\", \"type\": \"home\"},"
                                + " {\"value\": \"n@x.org\", \"type\": \"other\", \"primary\": true}]"),
                Arguments.of("adding a non-primary value leaves the primary alone",
                        "[{\"op\": \"add\", \"path\": \"emails\", \"value\": [{\"value\": \"n@x.org\"}]}]",
                        "[{\"value\": \"ann@work.example\", \"type\": \"work\", \"primary\": true},"
                                + " {\"value\": \"ann@home.example\", \"type\": \"home\"}, {\"value\": \"n@x.org\"}]"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("primaryRule")
    void atMostOneValueIsEverPrimary(String behaviour, String operations, String expectedEmails) {
        assertThat(patchOps(ANN, operations).get("emails")).contains(value(expectedEmails));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("an unknown sub-attribute of a known attribute",
                        "[{\"op\": \"replace\", \"path\": \"name.nickname\", \"value\": \"x\"}]", ScimErrorType.INVALID_PATH),
                Arguments.of("a sub-attribute of a simple attribute",
                        "[{\"op\": \"replace\", \"path\": \"userName.value\", \"value\": \"x\"}]", ScimErrorType.INVALID_PATH),
                Arguments.of("a value filter on a single-valued attribute",
                        "[{\"op\": \"replace\", \"path\": \"name[givenName eq \\\"Ann\\\"].familyName\", \"value\": \"x\"}]",
                        ScimErrorType.INVALID_PATH),
                Arguments.of("a value filter on a simple single-valued attribute",
                        "[{\"op\": \"remove\", \"path\": \"title[value eq \\\"x\\\"]\"}]", ScimErrorType.INVALID_PATH),
                Arguments.of("a value filter naming a sub-attribute the attribute does not have",
                        "[{\"op\": \"remove\", \"path\": \"emails[kind eq \\\"work\\\"]\"}]", ScimErrorType.INVALID_PATH),
                Arguments.of("a value filter with an absolute path",
                        "[{\"op\": \"remove\", \"path\": \"emails[emails.type eq \\\"work\\\"]\"}]",
                        ScimErrorType.INVALID_PATH),
                Arguments.of("a sub-attribute of every value, for add",
                        "[{\"op\": \"add\", \"path\": \"emails.value\", \"value\": \"x@y\"}]", ScimErrorType.INVALID_PATH),
                Arguments.of("a malformed path",
                        "[{\"op\": \"add\", \"path\": \"emails[type eq \\\"work\\\"\", \"value\": \"x@y\"}]",
                        ScimErrorType.INVALID_PATH),
                Arguments.of("replace of values a filter does not select",
                        "[{\"op\": \"replace\", \"path\": \"emails[type eq \\\"other\\\"]\", \"value\": {\"value\": \"x\"}}]",
                        ScimErrorType.NO_TARGET),
                Arguments.of("remove of values a filter does not select",
                        "[{\"op\": \"remove\", \"path\": \"emails[type eq \\\"other\\\"]\"}]", ScimErrorType.NO_TARGET),
                Arguments.of("remove with a filter on an attribute without values",
                        "[{\"op\": \"remove\", \"path\": \"phoneNumbers[type eq \\\"work\\\"]\"}]", ScimErrorType.NO_TARGET),
                Arguments.of("a sub-attribute of unselected values where the filter describes no single value",
                        "[{\"op\": \"replace\", \"path\": \"emails[type ne \\\"work\\\" and type ne \\\"home\\\"].value\","
                                + " \"value\": \"x\"}]", ScimErrorType.NO_TARGET),
                Arguments.of("a sub-attribute of unselected values under an or filter",
                        "[{\"op\": \"add\", \"path\": \"emails[type eq \\\"a\\\" or type eq \\\"b\\\"].value\","
                                + " \"value\": \"x\"}]", ScimErrorType.NO_TARGET),
                Arguments.of("a remove without a path",
                        "[{\"op\": \"remove\"}]", ScimErrorType.NO_TARGET),
                Arguments.of("a string where a boolean belongs",
                        "[{\"op\": \"replace\", \"path\": \"active\", \"value\": \"yes\"}]", ScimErrorType.INVALID_VALUE),
                Arguments.of("a number where a string belongs",
                        "[{\"op\": \"replace\", \"path\": \"userName\", \"value\": 42}]", ScimErrorType.INVALID_VALUE),
                Arguments.of("an array for a single-valued attribute",
                        "[{\"op\": \"replace\", \"path\": \"title\", \"value\": [\"a\", \"b\"]}]", ScimErrorType.INVALID_VALUE),
                Arguments.of("a string for a complex attribute without a value sub-attribute",
                        "[{\"op\": \"replace\", \"path\": \"name\", \"value\": \"Ann Lee\"}]", ScimErrorType.INVALID_VALUE),
                Arguments.of("a path-less value that is not an object",
                        "[{\"op\": \"replace\", \"value\": \"active\"}]", ScimErrorType.INVALID_VALUE),
                Arguments.of("a path-less value of the wrong type",
                        "[{\"op\": \"replace\", \"value\": {\"active\": \"maybe\"}}]", ScimErrorType.INVALID_VALUE),
                Arguments.of("two primary values in one array",
                        "[{\"op\": \"add\", \"path\": \"emails\", \"value\": [{\"value\": \"a@x\", \"primary\": true},"
                                + " {\"value\": \"b@x\", \"primary\": true}]}]", ScimErrorType.INVALID_VALUE),
                Arguments.of("one operation making two selected values primary",
                        "[{\"op\": \"replace\", \"path\": \"emails[value pr].primary\", \"value\": true}]",
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("an array for the values a filter selects",
                        "[{\"op\": \"replace\", \"path\": \"emails[type eq \\\"home\\\"]\", \"value\": [{\"value\": \"a\"},"
                                + " {\"value\": \"b\"}]}]", ScimErrorType.INVALID_VALUE),
                Arguments.of("a wrongly typed value for the Entra rule",
                        "[{\"op\": \"add\", \"path\": \"emails[type eq \\\"other\\\"].value\", \"value\": 7}]",
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("an add with a path and no value",
                        "[{\"op\": \"add\", \"path\": \"title\"}]", ScimErrorType.INVALID_VALUE),
                Arguments.of("a path to the read-only id",
                        "[{\"op\": \"replace\", \"path\": \"id\", \"value\": \"x\"}]", ScimErrorType.MUTABILITY),
                Arguments.of("a path into the read-only meta",
                        "[{\"op\": \"replace\", \"path\": \"meta.lastModified\", \"value\": \"2025-01-01T00:00:00Z\"}]",
                        ScimErrorType.MUTABILITY),
                Arguments.of("a path to the read-only groups",
                        "[{\"op\": \"add\", \"path\": \"groups\", \"value\": [{\"value\": \"g1\"}]}]", ScimErrorType.MUTABILITY),
                Arguments.of("a remove of the read-only groups",
                        "[{\"op\": \"remove\", \"path\": \"groups\"}]", ScimErrorType.MUTABILITY),
                Arguments.of("a path to a read-only sub-attribute",
                        "[{\"op\": \"replace\", \"path\": \"" + ENTERPRISE + ":manager.displayName\", \"value\": \"B\"}]",
                        ScimErrorType.MUTABILITY),
                Arguments.of("a remove of the required userName",
                        "[{\"op\": \"remove\", \"path\": \"userName\"}]", ScimErrorType.MUTABILITY),
                Arguments.of("a null for the required userName",
                        "[{\"op\": \"replace\", \"value\": {\"userName\": null}}]", ScimErrorType.MUTABILITY),
                Arguments.of("an unknown op", "[{\"op\": \"copy\", \"path\": \"title\"}]", ScimErrorType.INVALID_SYNTAX));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("errors")
    void refusedOperationsCarryTheScimTypeOfRfc7644Section312(String behaviour, String operations,
                                                              ScimErrorType expected) {
        assertThatThrownBy(() -> patchOps(ANN, operations))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(expected);
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void aFailingLaterOperationLeavesTheResourceAsItWas() {
        ScimObject before = ANN;
        ScimObject copy = new ScimObject(ANN.members());

        assertThatThrownBy(() -> patchOps(before, """
                [{"op": "replace", "path": "title", "value": "Changed"},
                 {"op": "remove", "path": "emails"},
                 {"op": "replace", "path": "active", "value": "perhaps"}]
                """)).isInstanceOf(ScimException.class);

        assertThat(before).isEqualTo(copy);
    }

    @Test
    void aFailingInvariantAtTheEndLeavesNoPartialEffect() {
        ScimObject before = BARE;

        assertThatThrownBy(() -> patchOps(before, """
                [{"op": "add", "path": "title", "value": "Boss"}, {"op": "remove", "path": "userName"}]
                """)).isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.MUTABILITY));

        assertThat(before).isEqualTo(json("{\"userName\": \"bob\", \"active\": true}"));
    }

    @Test
    void theErrorNamesTheOperationThatFailed() {
        assertThatThrownBy(() -> patchOps(ANN, """
                [{"op": "replace", "path": "title", "value": "x"}, {"op": "replace", "path": "name.nickname", "value": "y"}]
                """)).hasMessageStartingWith("Operation 2 (replace): ").hasMessageContaining("nickname");
    }

    @Test
    void theInputIsNeverChangedAndTheResultIsANewValue() {
        ScimObject patched = patchOps(ANN, "[{\"op\": \"replace\", \"path\": \"title\", \"value\": \"Lead\"}]");

        assertThat(ANN.getString("title")).contains("Engineer");
        assertThat(patched).isNotSameAs(ANN);
    }

    @Test
    void addingAFullListOfValuesKeepsOneOfEachDuplicate() {
        StringBuilder emails = new StringBuilder();
        for (int i = 0; i < UserInputNormalizer.MAX_VALUES; i++) {
            emails.append(i == 0 ? "" : ",").append("{\"value\": \"e").append(i % 600).append("@x.com\"}");
        }
        ScimObject patched = patchOps(BARE, "[{\"op\": \"add\", \"path\": \"emails\", \"value\": [" + emails + "]}]");
        assertThat(patched.getArray("emails").orElseThrow().values()).hasSize(600);
    }
}
