package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.server.ServerOptions;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.ScimReadyServer;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reference server's admin API over HTTP: Basic auth, site names, settings rules, user lists, audit. */
class AdminApiTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("admin.db").withoutSite();

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = scim.server();
    }

    @Test
    void missingCredentialsAre401WithBasicChallengeForCurlAndNoPromptForPageScripts() {
        Http.Reply reply = call("GET", server.baseUrl() + "/admin/api/sites").send();
        reply.expectScimError(401, null);
        assertThat(reply.header("WWW-Authenticate").orElse("")).startsWith("Basic");
        Http.Reply fromPage = call("GET", server.baseUrl() + "/admin/api/sites").header("Sec-Fetch-Mode", "cors")
                .send();
        fromPage.expectScimError(401, null);
        assertThat(fromPage.header("WWW-Authenticate").orElse("")).startsWith("Session");
    }

    @Test
    void wrongPasswordIs401() {
        call("GET", server.baseUrl() + "/admin/api/sites")
                .header("Authorization", TestServer.basic("admin", "wrong")).send().expectScimError(401, null);
        call("GET", server.baseUrl() + "/admin/api/sites")
                .header("Authorization", TestServer.basic("root", TestServer.ADMIN_PASSWORD)).send()
                .expectScimError(401, null);
        call("GET", server.baseUrl() + "/c/demo/admin/api/settings")
                .header("Authorization", "Bearer " + TestServer.ADMIN_PASSWORD).send().expectScimError(401, null);
    }

    @Test
    void invalidSiteNameIs400() {
        Http.Reply reply = createSite("Bad_Name");
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.json().path("detail").asText()).isNotBlank();
    }

    /** Jersey answers OPTIONS itself, before any filter: it says which methods exist, and nothing about a site. */
    @Test
    void optionsWithoutCredentialsNamesTheAllowedMethodsAndNothingElse() {
        for (String site : new String[]{"demo", "no-such-site"}) {
            RawHttp.Response reply = RawHttp.send(server.host(), server.port(), "OPTIONS",
                    "/c/" + site + "/admin/api/settings", Map.of(), new byte[0]);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Allow").orElseThrow().split(",")).containsExactlyInAnyOrder("HEAD", "GET",
                    "OPTIONS", "PATCH");
            assertThat(reply.bodyText()).as("at most the same list").matches("[A-Z, ]*");
            assertThat(reply.header("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aScimTokenOpensNoAdminCall() {
        String site = ScimErrorResponsesTest.uniqueSite("token-holder");
        String token = server.createScimReadySite(site);
        call("GET", server.baseUrl() + "/c/" + site + "/admin/api/settings").bearer(token).send()
                .expectScimError(401, null);
        call("GET", server.baseUrl() + "/c/" + site + "/admin/api/audit").bearer(token).send()
                .expectScimError(401, null);
        call("POST", server.baseUrl() + "/c/" + site + "/admin/api/scim-token").bearer(token)
                .header("Content-Type", "application/json").send().expectScimError(401, null);
        call("POST", server.baseUrl() + "/c/" + site + "/sso/sign-in").bearer(token)
                .json("{\"userName\":\"planted@example.com\"}").header("Content-Type", "application/json").send()
                .expectScimError(401, null);
        call("GET", server.scimBase(site) + "/Users").bearer(token).send().expect(200);
    }

    @Test
    void siteNamesHaveAtMost63Characters() {
        String longest = "s".repeat(62) + "1";
        assertThat(createSite(longest).status()).isEqualTo(201);
        assertThat(server.admin("GET", "/c/" + longest + "/admin/api/settings", "", 200).path("site").asText())
                .isEqualTo(longest);

        Http.Reply tooLong = createSite(longest + "x");
        assertThat(tooLong.status()).as("%s", tooLong).isEqualTo(400);
        assertThat(tooLong.json().path("detail").asText()).contains("63");
        call("GET", server.baseUrl() + "/c/" + longest + "x/admin/api/settings").admin().send()
                .expectScimError(404, null);
    }

    @Test
    void adminWriteWithoutAnyBodyIs400NotAServerError() {
        Http.Reply site = call("POST", server.baseUrl() + "/admin/api/sites").admin()
                .header("Content-Type", "application/json").send();
        assertThat(site.status()).as("%s", site).isEqualTo(400);
        assertThat(site.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        Http.Reply signIn = call("POST", server.baseUrl() + "/c/demo/sso/sign-in").admin()
                .header("Content-Type", "application/json").send();
        assertThat(signIn.status()).as("%s", signIn).isEqualTo(400);
        Http.Reply settings = call("PATCH", server.baseUrl() + "/c/demo/admin/api/settings").admin()
                .header("Content-Type", "application/json").send();
        assertThat(settings.status()).as("%s", settings).isEqualTo(400);
    }

    @Test
    void bodylessAdminActionsNeedTheJsonContentTypeToo() {
        String site = ScimErrorResponsesTest.uniqueSite("curl");
        server.createScimReadySite(site);
        Http.Reply bare = call("POST", server.baseUrl() + "/c/" + site + "/admin/api/scim-token").admin().send();
        assertThat(bare.expectScimError(415, null).path("detail").asText()).contains("application/json");

        Http.Reply token = call("POST", server.baseUrl() + "/c/" + site + "/admin/api/scim-token").admin()
                .header("Content-Type", "application/json").send();
        assertThat(token.status()).as("%s", token).isEqualTo(201);
        String id = server.admin("POST", "/c/" + site + "/sso/sign-in", "{\"userName\":\"c@example.com\"}", 201)
                .path("id").asText();
        Http.Reply deactivated = call("POST", server.baseUrl() + "/c/" + site + "/admin/api/users/" + id
                + "/deactivate").admin().header("Content-Type", "application/json").send();
        assertThat(deactivated.expect(200).path("active").asBoolean()).isFalse();
        Http.Reply created = call("POST", server.baseUrl() + "/admin/api/sites").admin()
                .header("Content-Type", "application/scim+json").json("{\"site\":\"" + site + "-scim\"}").send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    @Test
    void duplicateSiteNameIs409() {
        String site = ScimErrorResponsesTest.uniqueSite("dup");
        createSite(site).expect(201);
        Http.Reply again = createSite(site);
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains(site);
        JsonNode sites = call("GET", server.baseUrl() + "/admin/api/sites").admin().send().expect(200);
        List<String> names = new ArrayList<>();
        sites.path("sites").forEach(name -> names.add(name.asText()));
        assertThat(names).containsOnlyOnce(site);
    }

    @Test
    void enablingScimWithoutSsoIs409() {
        String site = ScimErrorResponsesTest.uniqueSite("no-sso");
        createSite(site).expect(201);
        Http.Reply refused = call("PATCH", server.baseUrl() + "/c/" + site + "/admin/api/settings").admin()
                .header("Content-Type", "application/json").json("{\"scimEnabled\":true}").send();
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("SSO");
        JsonNode settings = call("GET", server.baseUrl() + "/c/" + site + "/admin/api/settings").admin().send()
                .expect(200);
        assertThat(settings.path("scimEnabled").asBoolean()).isFalse();
    }

    @Test
    void userListTakesAFilter() {
        String site = ScimErrorResponsesTest.uniqueSite("list");
        server.createScimReadySite(site);
        for (String name : List.of("ann@example.com", "andy@example.com", "zoe@example.com")) {
            server.admin("POST", "/c/" + site + "/sso/sign-in", "{\"userName\":\"" + name + "\"}", 201);
        }
        String filter = URLEncoder.encode("userName sw \"an\"", StandardCharsets.UTF_8);
        JsonNode page = call("GET", server.baseUrl() + "/c/" + site + "/admin/api/users?filter=" + filter).admin()
                .send().expect(200);
        assertThat(page.path("totalResults").asInt()).isEqualTo(2);
        List<String> names = new ArrayList<>();
        page.path("users").forEach(user -> names.add(user.path("userName").asText()));
        assertThat(names).containsExactlyInAnyOrder("ann@example.com", "andy@example.com");
        assertThat(page.path("users").get(0).path("active").asBoolean()).isTrue();

        JsonNode all = call("GET", server.baseUrl() + "/c/" + site + "/admin/api/users").admin().send().expect(200);
        assertThat(all.path("totalResults").asInt()).isEqualTo(3);

        Http.Reply bad = call("GET", server.baseUrl() + "/c/" + site + "/admin/api/users?filter="
                + URLEncoder.encode("userName eq", StandardCharsets.UTF_8)).admin().send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("scimType").asText()).isEqualTo("invalidFilter");
    }

    @Test
    void auditListsNewestFirst() {
        String site = ScimErrorResponsesTest.uniqueSite("audit");
        server.createScimReadySite(site);
        String id = server.admin("POST", "/c/" + site + "/sso/sign-in", "{\"userName\":\"aud@example.com\"}", 201)
                .path("id").asText();
        server.admin("POST", "/c/" + site + "/admin/api/users/" + id + "/deactivate", "", 200);
        server.admin("POST", "/c/" + site + "/admin/api/users/" + id + "/reactivate", "", 200);

        JsonNode audit = call("GET", server.baseUrl() + "/c/" + site + "/admin/api/audit").admin().send()
                .expect(200);
        JsonNode records = audit.path("records");
        assertThat(records.size()).isGreaterThanOrEqualTo(3);
        List<Instant> times = new ArrayList<>();
        records.forEach(record -> times.add(Instant.parse(record.path("at").asText())));
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(records.get(0).path("userId").asText()).isEqualTo(id);
        assertThat(records.get(0).path("after").asText()).isNotBlank();
        assertThat(records.get(records.size() - 1).path("source").asText()).isNotBlank();

        JsonNode limited = call("GET", server.baseUrl() + "/c/" + site + "/admin/api/audit?limit=1").admin().send()
                .expect(200);
        assertThat(limited.path("records")).hasSize(1);
        assertThat(limited.path("records").get(0)).isEqualTo(records.get(0));
    }

    @Test
    void anUnknownSiteIsA404NamingItForItsUsersPendingIdentitiesAuditAndChanges() {
        String unknown = ScimErrorResponsesTest.uniqueSite("never-created");
        String api = server.baseUrl() + "/c/" + unknown + "/admin/api/";
        for (String path : List.of("users", "pending-identities", "audit", "audit?userId=u-1")) {
            JsonNode error = call("GET", api + path).admin().send().expectScimError(404, null);
            assertThat(error.path("detail").asText()).as(path).contains(unknown);
        }
        for (String change : List.of("deactivate", "reactivate", "restore")) {
            JsonNode error = call("POST", api + "users/u-1/" + change).admin()
                    .header("Content-Type", "application/json").send().expectScimError(404, null);
            assertThat(error.path("detail").asText()).as(change).contains("No site '" + unknown + "'");
        }
        assertThat(call("GET", server.baseUrl() + "/admin/api/sites").admin().send().expect(200).toString())
                .doesNotContain(unknown);
    }

    @Test
    void theAuditListIsFiftyRecordsUnlessAskedAndNeverMoreThanFiveHundred() {
        // 510 demo users signed in at start: 510 audit records on site demo.
        try (TestServer seeded = TestServer.start(new ServerOptions("127.0.0.1", 0,
                scim.directory().resolve("audit.db"), Optional.of(TestServer.ADMIN_PASSWORD), 510,
                CreationPolicy.DEFAULT))) {
            String audit = seeded.baseUrl() + "/c/demo/admin/api/audit";
            assertThat(records(audit)).as("by default").isEqualTo(50);
            assertThat(records(audit + "?limit=500")).isEqualTo(500);
            assertThat(records(audit + "?limit=501")).as("one more than the cap").isEqualTo(500);
            assertThat(records(audit + "?limit=2147483647")).isEqualTo(500);
            assertThat(records(audit + "?limit=0")).isEqualTo(1);
            assertThat(records(audit + "?limit=-7")).isEqualTo(1);
        }
    }

    private static int records(String url) {
        return call("GET", url).admin().send().expect(200).path("records").size();
    }

    private static Http.Reply createSite(String name) {
        return call("POST", server.baseUrl() + "/admin/api/sites").admin().header("Content-Type", "application/json")
                .json("{\"site\":\"" + name + "\"}").send();
    }
}
