package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Projection, paging, sorting and POST searches of {@code /Users} (RFC 7644 §3.4) against a site of 205 users,
 * enough to show the 200-result cap.
 */
class QueryingUsersTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("querying.db").withUniqueSite("querying");

    private static final int USERS = 205;
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static String firstId;

    @BeforeAll
    static void startServer() {
        for (int i = 0; i < USERS; i++) {
            String id = scim.server().admin("POST", "/c/" + scim.site() + "/sso/sign-in", "{\"userName\":\""
                    + userName(i)
                    + "\",\"email\":\"" + userName(i) + "\",\"givenName\":\"Q\",\"familyName\":\"U" + i + "\"}",
                    201).path("id").asText();
            if (i == 0) {
                firstId = id;
            }
        }
    }

    @Test
    void attributesOnSingleGetReturnsOnlyThoseAndTheAlwaysReturnedOnes() {
        JsonNode user = get("/Users/" + firstId + "?attributes=userName").expect(200);
        assertThat(user.path("id").asText()).isEqualTo(firstId);
        assertThat(user.path("userName").asText()).isEqualTo(userName(0));
        assertThat(user.has("emails")).isFalse();
        assertThat(user.has("name")).isFalse();
        assertThat(user.has("active")).isFalse();
    }

    @Test
    void excludedAttributesOnSingleGetDropsThem() {
        JsonNode user = get("/Users/" + firstId + "?excludedAttributes=emails,name").expect(200);
        assertThat(user.has("emails")).isFalse();
        assertThat(user.has("name")).isFalse();
        assertThat(user.path("userName").asText()).isEqualTo(userName(0));
        assertThat(user.path("id").asText()).isEqualTo(firstId);
    }

    @Test
    void attributesNamingOnlyUnknownAttributesReturnIdAndSchemas() {
        JsonNode user = get("/Users/" + firstId + "?attributes=nonsense").expect(200);
        assertThat(names(user)).containsExactly("schemas", "id");
        assertThat(user.path("id").asText()).isEqualTo(firstId);

        JsonNode list = get("/Users?count=2&attributes=nonsense,name.nonsense").expect(200);
        list.path("Resources").forEach(resource -> assertThat(names(resource)).containsExactly("schemas", "id"));

        JsonNode searched = call("POST", scim.scimBase() + "/Users/.search").bearer(scim.token())
                .json("{\"count\":2,\"attributes\":[\"nonsense\"]}").send().expect(200);
        assertThat(searched.path("Resources")).hasSize(2);
        searched.path("Resources").forEach(resource -> assertThat(names(resource)).containsExactly("schemas", "id"));

        JsonNode patched = call("PATCH", scim.scimBase() + "/Users/" + firstId + "?attributes=nonsense")
                .bearer(scim.token()).json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"path\":\"nickName\",\"value\":\"Q\"}]}").send().expect(200);
        assertThat(names(patched)).containsExactly("schemas", "id");
    }

    @Test
    void attributesMixingKnownUnknownSubAndUrnQualifiedNamesReturnTheKnownOnes() {
        String core = "urn:ietf:params:scim:schemas:core:2.0:User";
        JsonNode user = get("/Users/" + firstId + "?attributes=nonsense," + core + ":userName,NAME.familyName,"
                + "name.nonsense").expect(200);
        assertThat(names(user)).containsExactly("schemas", "id", "userName", "name");
        assertThat(names(user.path("name"))).containsExactly("familyName");
        assertThat(user.path("name").path("familyName").asText()).isEqualTo("U0");

        JsonNode searched = call("POST", scim.scimBase() + "/Users/.search").bearer(scim.token())
                .json("{\"filter\":\"id eq \\\"" + firstId + "\\\"\",\"attributes\":[\"emails.value\","
                        + "\"unknown\"]}").send().expect(200);
        JsonNode resource = searched.path("Resources").get(0);
        assertThat(names(resource)).containsExactly("schemas", "id", "emails");
        assertThat(names(resource.path("emails").get(0))).containsExactly("value");
    }

    @Test
    void searchParametersAreReadByTheCoresRulesInTheQueryAndTheBody() {
        assertThat(get("/Users?count=2.5").expectScimError(400, "invalidValue").path("detail").asText())
                .contains("'count' must be an integer");
        assertThat(get("/Users?count=&startIndex=%20&sortBy=&filter=").expect(200).path("itemsPerPage").asInt())
                .isEqualTo(200);
        String search = scim.scimBase() + "/Users/.search";
        assertThat(call("POST", search).bearer(scim.token()).json("{\"count\":\"5\"}").send()
                .expectScimError(400, "invalidValue").path("detail").asText()).contains("'count' must be an integer");
        assertThat(call("POST", search).bearer(scim.token()).json("{\"sortOrder\":1}").send()
                .expectScimError(400, "invalidValue").path("detail").asText()).contains("'sortOrder' must be a string");
        call("POST", search).bearer(scim.token()).json("{\"cursor\":5}").send().expectScimError(400, "invalidCursor");
        call("POST", search).bearer(scim.token())
                .json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"]}").send()
                .expectScimError(400, "invalidSyntax");
        assertThat(call("POST", search).bearer(scim.token())
                .json("{\"schemas\":[\"URN:IETF:PARAMS:SCIM:API:MESSAGES:2.0:SEARCHREQUEST\"],\"count\":1,"
                        + "\"sortBy\":\"\"}").send().expect(200).path("Resources")).hasSize(1);
    }

    @Test
    void excludedAttributesNamingUnknownAttributesExcludeNothing() {
        JsonNode full = get("/Users/" + firstId).expect(200);
        JsonNode excluded = get("/Users/" + firstId + "?excludedAttributes=nonsense,name.nonsense,id").expect(200);
        assertThat(excluded).isEqualTo(full);
    }

    @Test
    void projectionAppliesToEveryResourceOfAList() {
        JsonNode list = get("/Users?count=3&attributes=userName").expect(200);
        assertThat(list.path("Resources")).hasSize(3);
        list.path("Resources").forEach(user -> {
            assertThat(user.has("id")).isTrue();
            assertThat(user.has("userName")).isTrue();
            assertThat(user.has("emails")).isFalse();
        });
        JsonNode excluded = get("/Users?count=3&excludedAttributes=emails").expect(200);
        excluded.path("Resources").forEach(user -> {
            assertThat(user.has("emails")).isFalse();
            assertThat(user.has("name")).isTrue();
        });
    }

    @Test
    void projectionAppliesToPutAndPatchResponses() {
        String id = get("/Users?filter=" + encode("userName eq \"" + userName(1) + "\"")).expect(200)
                .path("Resources").get(0).path("id").asText();
        JsonNode patched = call("PATCH", scim.scimBase() + "/Users/" + id + "?attributes=displayName")
                .bearer(scim.token()).json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"path\":\"displayName\",\"value\":\"Projected\"}]}").send().expect(200);
        assertThat(patched.path("displayName").asText()).isEqualTo("Projected");
        assertThat(patched.has("emails")).isFalse();
        assertThat(patched.path("id").asText()).isEqualTo(id);

        JsonNode put = call("PUT", scim.scimBase() + "/Users/" + id + "?excludedAttributes=emails")
                .bearer(scim.token()).json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"" + userName(1) + "\",\"displayName\":\"Put\",\"active\":true}")
                .send().expect(200);
        assertThat(put.path("displayName").asText()).isEqualTo("Put");
        assertThat(put.has("emails")).isFalse();
    }

    @Test
    void pagingReturnsTheAskedWindowWithIntegerFields() {
        JsonNode page = get("/Users?startIndex=11&count=5&sortBy=userName").expect(200);
        assertThat(page.path("totalResults").isIntegralNumber()).isTrue();
        assertThat(page.path("startIndex").isIntegralNumber()).isTrue();
        assertThat(page.path("itemsPerPage").isIntegralNumber()).isTrue();
        assertThat(page.path("totalResults").asInt()).isEqualTo(USERS);
        assertThat(page.path("startIndex").asInt()).isEqualTo(11);
        assertThat(page.path("itemsPerPage").asInt()).isEqualTo(5);
        assertThat(page.path("Resources").get(0).path("userName").asText()).isEqualTo(userName(10));
    }

    @Test
    void countZeroReturnsTotalsOnly() {
        JsonNode totals = get("/Users?count=0").expect(200);
        assertThat(totals.path("totalResults").asInt()).isEqualTo(USERS);
        assertThat(totals.path("itemsPerPage").asInt()).isZero();
        assertThat(totals.has("Resources")).isFalse();
    }

    @Test
    void countAboveTheMaximumIsCappedAt200() {
        JsonNode page = get("/Users?count=1000").expect(200);
        assertThat(page.path("itemsPerPage").asInt()).isEqualTo(200);
        assertThat(page.path("Resources")).hasSize(200);
        assertThat(page.path("totalResults").asInt()).isEqualTo(USERS);
    }

    @Test
    void startIndexBelowOneIsReadAsOne() {
        JsonNode page = get("/Users?startIndex=0&count=2&sortBy=userName").expect(200);
        assertThat(page.path("startIndex").asInt()).isEqualTo(1);
        assertThat(page.path("Resources").get(0).path("userName").asText()).isEqualTo(userName(0));
    }

    @Test
    void sortByUserNameDescendingIsStableAcrossPages() {
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= USERS; start += 50) {
            JsonNode page = get("/Users?sortBy=userName&sortOrder=descending&startIndex=" + start + "&count=50")
                    .expect(200);
            page.path("Resources").forEach(user -> seen.add(user.path("userName").asText()));
        }
        assertThat(seen).hasSize(USERS).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(seen.get(0)).isEqualTo(userName(USERS - 1));
    }

    @Test
    void postSearchTakesASearchRequestBody() {
        JsonNode list = call("POST", scim.scimBase() + "/Users/.search").bearer(scim.token())
                .json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                        + "\"filter\":\"userName sw \\\"q.user.00\\\"\",\"sortBy\":\"userName\","
                        + "\"sortOrder\":\"descending\",\"startIndex\":1,\"count\":3,"
                        + "\"attributes\":[\"userName\"]}")
                .send().expect(200);
        assertThat(list.path("schemas").get(0).asText()).isEqualTo(Http.LIST_RESPONSE);
        assertThat(list.path("totalResults").asInt()).isEqualTo(100);
        assertThat(list.path("Resources")).hasSize(3);
        assertThat(list.path("Resources").get(0).path("userName").asText()).isEqualTo(userName(99));
        assertThat(list.path("Resources").get(0).has("emails")).isFalse();
    }

    @Test
    void metaLocationIsTheAbsoluteUrlOfTheResource() {
        Http.Reply reply = get("/Users/" + firstId);
        JsonNode user = reply.expect(200);
        String expected = scim.scimBase() + "/Users/" + firstId;
        assertThat(user.path("meta").path("location").asText()).isEqualTo(expected);
        assertThat(user.path("meta").path("resourceType").asText()).isEqualTo("User");
        JsonNode listed = get("/Users?filter=" + encode("id eq \"" + firstId + "\"")).expect(200);
        assertThat(listed.path("Resources").get(0).path("meta").path("location").asText()).isEqualTo(expected);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Over HTTP, a page served from the stored renderings (ADR 035: bytes copied, {@code meta.location} spliced) is
     * the page the projection path renders user by user: {@code excludedAttributes=password} asks for a projection
     * that changes nothing, since {@code password} is never returned. First page, a page across the end, one
     * beyond it, and the total only.
     */
    @Test
    void aPageFromStoredRenderingsIsThePageTheProjectionPathRenders() {
        for (String window : List.of("startIndex=1&count=100", "startIndex=150&count=100", "startIndex=300&count=10",
                "count=0")) {
            Http.Reply rendered = get("/Users?" + window);
            Http.Reply projected = get("/Users?" + window + "&excludedAttributes=password");

            JsonNode page = rendered.expect(200);
            projected.expect(200);
            assertThat(rendered.body()).as(window).isEqualTo(projected.body());
            assertThat(page.path("totalResults").asInt()).as(window).isEqualTo(USERS);
        }
        assertThat(get("/Users?startIndex=150&count=100").expect(200).path("Resources")).hasSize(USERS - 149);
        assertThat(get("/Users?startIndex=300&count=10").expect(200).path("Resources")).isEmpty();
        assertThat(get("/Users?count=0").expect(200).has("Resources")).isFalse();
    }

    private static Http.Reply get(String path) {
        return call("GET", scim.scimBase() + path).bearer(scim.token()).send();
    }

    private static String userName(int i) {
        return String.format("q.user.%04d@example.com", i);
    }

    private static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }
}
