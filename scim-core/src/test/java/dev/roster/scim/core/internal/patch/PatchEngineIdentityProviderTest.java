package dev.roster.scim.core.internal.patch;

import static dev.roster.scim.core.internal.patch.PatchFixtures.ANN;
import static dev.roster.scim.core.internal.patch.PatchFixtures.BARE;
import static dev.roster.scim.core.internal.patch.PatchFixtures.ENTERPRISE;
import static dev.roster.scim.core.internal.patch.PatchFixtures.ROLE;
import static dev.roster.scim.core.internal.patch.PatchFixtures.json;
import static dev.roster.scim.core.internal.patch.PatchFixtures.patch;
import static dev.roster.scim.core.internal.patch.PatchFixtures.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PATCH requests as Microsoft Entra ID, Okta and OneLogin send them. */
class PatchEngineIdentityProviderTest {

    @Test
    void oktaDeactivatesWithAPathlessReplaceOfActive() {
        ScimObject patched = patch(ANN, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false}}]}
                """);

        assertThat(patched).isEqualTo(ANN.with("active", ScimValue.of(false)));
    }

    @Test
    void oktaReactivatesWithAPathlessReplaceOfActive() {
        ScimObject inactive = ANN.with("active", ScimValue.of(false));

        assertThat(patchOps(inactive, "[{\"op\": \"replace\", \"value\": {\"active\": true}}]")).isEqualTo(ANN);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\"False\"", "\"false\"", "false"})
    void entraDeactivatesWithActiveSentAsTheStringFalse(String sent) {
        ScimObject patched = patch(ANN, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "active", "value": %s}]}
                """.formatted(sent));

        assertThat(patched.getBoolean("active")).contains(false);
        assertThat(patched).isEqualTo(ANN.with("active", ScimValue.of(false)));
    }

    @Test
    void entraPathlessReplaceWithActiveAsAString() {
        ScimObject patched = patchOps(ANN, "[{\"op\": \"Replace\", \"value\": {\"active\": \"False\"}}]");

        assertThat(patched.getBoolean("active")).contains(false);
    }

    @Test
    void entraReplacesTheWorkEmailOfAUserWhoHasOne() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "ann.lee@work.example"}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values()).containsExactly(
                json("{\"value\": \"ann.lee@work.example\", \"type\": \"work\", \"primary\": true}"),
                json("{\"value\": \"ann@home.example\", \"type\": \"home\"}"));
    }

    @Test
    void entraReplaceOfTheWorkEmailAddsOneForAUserWithoutEmails() {
        ScimObject patched = patchOps(BARE, """
                [{"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "bob@work.example"}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values())
                .containsExactly(json("{\"type\": \"work\", \"value\": \"bob@work.example\"}"));
    }

    @Test
    void entraAddOfTheWorkEmailAddsOneForAUserWithOnlyAHomeEmail() {
        ScimObject homeOnly = BARE.with("emails", ScimArray.of(json("{\"value\": \"bob@home.example\", \"type\": \"home\"}")));

        ScimObject patched = patchOps(homeOnly, """
                [{"op": "Add", "path": "emails[type eq \\"work\\"].value", "value": "bob@work.example"}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values()).containsExactly(
                json("{\"value\": \"bob@home.example\", \"type\": \"home\"}"),
                json("{\"type\": \"work\", \"value\": \"bob@work.example\"}"));
    }

    @Test
    void entraSendingTheWorkEmailTwiceKeepsExactlyOneWorkEmail() {
        String operation = """
                [{"op": "Add", "path": "emails[type eq \\"work\\"].value", "value": "bob@work.example"}]
                """;

        ScimObject patched = patchOps(patchOps(BARE, operation), operation);

        assertThat(patched.getArray("emails").orElseThrow().values())
                .containsExactly(json("{\"type\": \"work\", \"value\": \"bob@work.example\"}"));
    }

    @Test
    void entraMarksTheNewWorkEmailPrimaryAndTheOldPrimaryStopsBeingPrimary() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "Add", "path": "emails[type eq \\"other\\" and primary eq true].value",
                  "value": "ann@other.example"}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values()).containsExactly(
                json("{\"value\": \"ann@work.example\", \"type\": \"work\", \"primary\": false}"),
                json("{\"value\": \"ann@home.example\", \"type\": \"home\"}"),
                json("{\"type\": \"other\", \"primary\": true, \"value\": \"ann@other.example\"}"));
    }

    @Test
    void entraUpdatesTheFamilyNameByPath() {
        ScimObject patched = patchOps(ANN, "[{\"op\": \"Replace\", \"path\": \"name.familyName\", \"value\": \"Jensen\"}]");

        assertThat(patched.getObject("name")).contains(json("{\"givenName\": \"Ann\", \"familyName\": \"Jensen\"}"));
    }

    @Test
    void entraAddsAGivenNameToAUserWithoutName() {
        ScimObject patched = patchOps(BARE, "[{\"op\": \"Add\", \"path\": \"name.givenName\", \"value\": \"Bob\"}]");

        assertThat(patched.getObject("name")).contains(json("{\"givenName\": \"Bob\"}"));
    }

    @Test
    void entraPathlessReplaceWithDottedAndUrnKeysLandsOnNestedAttributes() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "Replace", "value": {
                    "name.givenName": "Annie",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department": "R&D",
                    "urn:ietf:params:scim:schemas:extension:CustomExt:2.0:User:stackUserType": "Admin",
                    "displayName": "Annie Lee"}}]
                """);

        assertThat(patched.getObject("name")).contains(json("{\"givenName\": \"Annie\", \"familyName\": \"Lee\"}"));
        assertThat(patched.getObject(ENTERPRISE)).contains(json("{\"department\": \"R&D\", \"manager\": {\"value\": \"boss-1\"}}"));
        assertThat(patched.getObject(ROLE)).contains(json("{\"stackUserType\": \"Admin\"}"));
        assertThat(patched.getString("displayName")).contains("Annie Lee");
        assertThat(patched.names()).doesNotContain("name.givenName",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
    }

    @Test
    void entraAddsAManagerByItsIdUnderTheEnterpriseUrn() {
        ScimObject patched = patchOps(BARE, """
                [{"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                  "value": "mgr-id"}]
                """);

        assertThat(patched.getObject(ENTERPRISE)).contains(json("{\"manager\": {\"value\": \"mgr-id\"}}"));
    }

    @Test
    void entraReplacesTheManagerOfAUserWhoHasOne() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "Replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                  "value": "boss-2"}]
                """);

        assertThat(patched.getObject(ENTERPRISE)).contains(json("{\"department\": \"Ops\", \"manager\": {\"value\": \"boss-2\"}}"));
    }

    @Test
    void entraSetsTheRoleThroughItsOwnExtensionName() {
        ScimObject patched = patchOps(BARE, """
                [{"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:acme:2.0:User:stackUserType",
                  "value": "Moderator"}]
                """);

        assertThat(patched.getObject(ROLE)).contains(json("{\"stackUserType\": \"Moderator\"}"));
    }

    @Test
    void entraMultiOperationRequestIsAppliedInOrder() {
        ScimObject patched = patch(ANN, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [
                   {"op": "Replace", "path": "displayName", "value": "First"},
                   {"op": "Replace", "path": "title", "value": "Manager"},
                   {"op": "Add", "path": "emails[type eq \\"work\\"].value", "value": "ann.lee@work.example"},
                   {"op": "Replace", "path": "name.familyName", "value": "Lee-Jensen"},
                   {"op": "Replace", "path": "displayName", "value": "Second"},
                   {"op": "Replace", "path": "userType", "value": "Moderator"},
                   {"op": "Replace", "path": "active", "value": "True"}]}
                """);

        assertThat(patched.getString("displayName")).contains("Second");
        assertThat(patched.getString("title")).contains("Manager");
        assertThat(patched.getString("userType")).contains("Moderator");
        assertThat(patched.getBoolean("active")).contains(true);
        assertThat(patched.getObject("name").flatMap(name -> name.getString("familyName"))).contains("Lee-Jensen");
        assertThat(patched.getArray("emails").orElseThrow().values().get(0))
                .isEqualTo(json("{\"value\": \"ann.lee@work.example\", \"type\": \"work\", \"primary\": true}"));
    }

    @Test
    void entraChangesTheUserName() {
        ScimObject patched = patchOps(ANN, "[{\"op\": \"Replace\", \"path\": \"userName\", \"value\": \"ann.lee@example.com\"}]");

        assertThat(patched.getString("userName")).contains("ann.lee@example.com");
    }

    @Test
    void entraRemovesAnEmailNamedByTheValueItSendsWithRemove() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "Remove", "path": "emails", "value": [{"value": "ANN@home.example"}]}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values())
                .containsExactly(ANN.getArray("emails").orElseThrow().values().get(0));
    }

    @Test
    void entraCustomAttributesNoSchemaDefinesAreIgnored() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:acme:2.0:User:costCode", "value": "42"},
                 {"op": "Replace", "path": "favouriteColour", "value": "green"},
                 {"op": "Remove", "path": "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badge"},
                 {"op": "Replace", "value": {"shoeSize": 44, "title": "Lead"}}]
                """);

        assertThat(patched).isEqualTo(ANN.with("title", ScimValue.of("Lead")));
    }

    @Test
    void oneLoginSendsASingleEmailObjectWhereAnArrayBelongs() {
        ScimObject patched = patchOps(BARE, """
                [{"op": "replace", "value": {"emails": {"value": "bob@example.com", "primary": "true"},
                                             "name": {"givenName": "Bob", "familyName": "Stone"}}}]
                """);

        assertThat(patched.getArray("emails").orElseThrow().values())
                .containsExactly(json("{\"value\": \"bob@example.com\", \"primary\": true}"));
        assertThat(patched.getObject("name")).contains(json("{\"givenName\": \"Bob\", \"familyName\": \"Stone\"}"));
    }

    @Test
    void oneLoginWrapsCoreAttributesUnderTheCoreSchemaUrn() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "replace", "value": {"urn:ietf:params:scim:schemas:core:2.0:User": {"title": "CTO"},
                                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                                                 {"department": "Board"}}}]
                """);

        assertThat(patched.getString("title")).contains("CTO");
        assertThat(patched.getObject(ENTERPRISE)).contains(json("{\"department\": \"Board\", \"manager\": {\"value\": \"boss-1\"}}"));
    }

    @Test
    void readOnlyAttributesEchoedInAPathlessValueAreIgnored() {
        ScimObject patched = patchOps(ANN, """
                [{"op": "replace", "value": {"id": "other-id", "meta": {"version": "W/\\"9\\""},
                                             "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                                             "groups": [{"value": "g1"}], "active": false}}]
                """);

        assertThat(patched).isEqualTo(ANN.with("active", ScimValue.of(false)));
    }
}
