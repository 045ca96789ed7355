package dev.roster.scim.core.internal.patch;

import static dev.roster.scim.core.internal.patch.PatchFixtures.ANN;
import static dev.roster.scim.core.internal.patch.PatchFixtures.json;
import static dev.roster.scim.core.internal.patch.PatchFixtures.patch;
import static dev.roster.scim.core.internal.patch.PatchFixtures.patchOps;
import static dev.roster.scim.core.internal.patch.PatchFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import org.junit.jupiter.api.Test;

/**
 * The examples of RFC 7644 §3.5.2 to §3.5.2.3, adapted to a User where they patch a Group's {@code members}: the
 * multi-valued complex attribute {@code emails} (or {@code addresses}) plays the part of {@code members}.
 */
class PatchEngineRfcExamplesTest {

    /** A user with a work address, for the address examples of §3.5.2.3. */
    private static final ScimObject BJENSEN = json("""
            {"userName": "bjensen",
             "addresses": [{"type": "work", "streetAddress": "100 Universal City Plaza", "locality": "Hollywood",
                            "region": "CA", "postalCode": "91608", "country": "USA", "primary": true},
                           {"type": "home", "streetAddress": "456 Hollywood Blvd", "locality": "Hollywood"}]}
            """);

    @Test
    void section352ExampleAddsAValueToAMultiValuedAttribute() {
        ScimObject patched = patch(ANN, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "add", "path": "emails",
                                 "value": [{"display": "Babs Jensen", "value": "babs@jensen.org", "type": "other"}]}]}
                """);

        assertThat(patched.getArray("emails").orElseThrow().values()).containsExactly(
                ANN.getArray("emails").orElseThrow().values().get(0),
                ANN.getArray("emails").orElseThrow().values().get(1),
                json("{\"display\": \"Babs Jensen\", \"value\": \"babs@jensen.org\", \"type\": \"other\"}"));
    }

    @Test
    void section3521AddingAValueThatIsAlreadyThereChangesNothing() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "add", "path": "emails", "value": [{"value": "ann@home.example", "type": "home"}]}]
                """);

        assertThat(patched).isEqualTo(ANN);
    }

    @Test
    void section3521PathlessAddAppendsToMultiValuedAndSetsSingleValuedAttributes() {
        ScimObject patched = patchOps(ANN.with("nickName", value("\"Annie\"")), """
                [{"op": "add", "value": {"emails": [{"value": "babs@jensen.org", "type": "home"}],
                                         "nickname": "Babs"}}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values()).hasSize(3)
                .last().isEqualTo(json("{\"value\": \"babs@jensen.org\", \"type\": \"home\"}"));
        assertThat(patched.getString("nickName")).contains("Babs");
    }

    @Test
    void section3522RemovingAMultiValuedAttributeWithoutFilterRemovesEveryValue() {
        ScimObject patched = patchOps(ANN, "[{\"op\": \"remove\", \"path\": \"emails\"}]");

        assertThat(patched.has("emails")).isFalse();
        assertThat(patched).isEqualTo(ANN.without("emails"));
    }

    @Test
    void section3522RemovingOneValueSelectedByAFilter() {
        ScimObject patched = patchOps(ANN, "[{\"op\": \"remove\", \"path\": \"emails[value eq \\\"ann@home.example\\\"]\"}]");

        assertThat(patched.getArray("emails").orElseThrow().values())
                .containsExactly(ANN.getArray("emails").orElseThrow().values().get(0));
    }

    @Test
    void section3522RemovingValuesSelectedByAComplexFilter() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "remove", "path": "emails[type eq \\"work\\" and value ew \\"work.example\\"]"}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values())
                .containsExactly(ANN.getArray("emails").orElseThrow().values().get(1));
    }

    @Test
    void section3522RemovingTheLastValueLeavesTheAttributeUnassigned() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "remove", "path": "emails[type eq \\"work\\"]"},
                 {"op": "remove", "path": "emails[type eq \\"home\\"]"}]
                """);

        assertThat(patched.has("emails")).isFalse();
    }

    @Test
    void section3522RemoveAllThenAddReplacesTheWholeSet() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "remove", "path": "emails"},
                 {"op": "add", "path": "emails", "value": [{"value": "new1@example.com", "type": "work"},
                                                            {"value": "new2@example.com", "type": "home"}]}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values()).containsExactly(
                json("{\"value\": \"new1@example.com\", \"type\": \"work\"}"),
                json("{\"value\": \"new2@example.com\", \"type\": \"home\"}"));
    }

    @Test
    void section3523ReplacingAMultiValuedAttributeReplacesAllValues() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "replace", "path": "emails", "value": [{"value": "only@example.com", "type": "work"}]}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values())
                .containsExactly(json("{\"value\": \"only@example.com\", \"type\": \"work\"}"));
    }

    @Test
    void section3523ReplacingTheValuesSelectedByAFilterReplacesThemWhole() {
        ScimObject patched = patchOps(BJENSEN, """
                [{"op": "replace", "path": "addresses[type eq \\"work\\"]",
                  "value": {"type": "work", "streetAddress": "911 Universal City Plaza", "locality": "Hollywood",
                            "region": "CA", "postalCode": "91608", "country": "US", "formatted":
                            "911 Universal City Plaza\\nHollywood, CA 91608 US", "primary": true}}]
                """);

        assertThat(patched.getArray("addresses").orElseThrow().values()).containsExactly(
                json("""
                        {"type": "work", "streetAddress": "911 Universal City Plaza", "locality": "Hollywood",
                         "region": "CA", "postalCode": "91608", "country": "US",
                         "formatted": "911 Universal City Plaza\\nHollywood, CA 91608 US", "primary": true}
                        """),
                BJENSEN.getArray("addresses").orElseThrow().values().get(1));
    }

    @Test
    void section3523ReplacingASubAttributeOfTheValuesSelectedByAFilter() {
        ScimObject patched = patchOps(BJENSEN, """
                [{"op": "replace", "path": "addresses[type eq \\"work\\"].streetAddress",
                  "value": "1010 Broadway Ave"}]
                """);

        assertThat(patched.getArray("addresses").orElseThrow().values().get(0))
                .isEqualTo(((ScimObject) BJENSEN.getArray("addresses").orElseThrow().values().get(0))
                        .with("streetAddress", value("\"1010 Broadway Ave\"")));
        assertThat(patched.getArray("addresses").orElseThrow().values().get(1))
                .isEqualTo(BJENSEN.getArray("addresses").orElseThrow().values().get(1));
    }

    @Test
    void section3523PathlessReplaceChangesTheEmailsAndNickName() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "replace", "value": {
                    "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true},
                               {"value": "babs@jensen.org", "type": "home"}],
                    "nickName": "Babs"}}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values()).containsExactly(
                json("{\"value\": \"bjensen@example.com\", \"type\": \"work\", \"primary\": true}"),
                json("{\"value\": \"babs@jensen.org\", \"type\": \"home\"}"));
        assertThat(patched.getString("nickName")).contains("Babs");
        assertThat(patched.getObject("name")).isEqualTo(ANN.getObject("name"));
    }

    @Test
    void section3523ReplaceOfAnAttributeWithoutValueActsAsAdd() {
        ScimObject patched = patchOps(ANN, "[{\"op\": \"replace\", \"path\": \"nickName\", \"value\": \"Babs\"}]");

        assertThat(patched).isEqualTo(ANN.with("nickName", value("\"Babs\"")));
    }

    @Test
    void section3523ReplacingAComplexAttributeLeavesSubAttributesNotSentUnchanged() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "replace", "path": "name", "value": {"familyName": "Jensen", "middleName": "Jane"}}]
                """);

        assertThat(patched.getObject("name")).contains(json("""
                {"givenName": "Ann", "familyName": "Jensen", "middleName": "Jane"}
                """));
    }

    @Test
    void section3523AFilterThatSelectsNothingIsNoTarget() {
        assertThatThrownBy(() -> patchOps(BJENSEN, """
                [{"op": "replace", "path": "addresses[type eq \\"other\\"]", "value": {"type": "other"}}]
                """))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.NO_TARGET));
    }
}
