package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Every number a client sends is bounded before anything computes with it (issue 9, point 1): query parameters and
 * JSON members, in SCIM and in the admin API, over HTTP against a real server. {@code 1e9999999} is a few bytes
 * that once meant ten million digits of work per request.
 */
class NumberBoundsTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("numbers.db").withUniqueSite("numbers");

    private static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    /** Far more than a bounded request needs on a loaded machine, far less than an unbounded one took. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private static String userId;

    @BeforeAll
    static void startServer() {
        userId = scim.server().signIn(scim.site(), "nina@example.com");
    }

    @Test
    @Timeout(120)
    void concurrentHugeExponentSearchesEachGetAPrompt400WhileHealthKeepsAnswering() throws Exception {
        // More attackers than the server has worker threads: unbounded, they held every one for minutes.
        int attackers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attackers);
        try {
            List<CompletableFuture<Timed>> attacks = new ArrayList<>();
            for (int i = 0; i < attackers; i++) {
                String member = i % 2 == 0 ? "count" : "startIndex";
                attacks.add(CompletableFuture.supplyAsync(() -> timed(() -> RawHttp.send(scim.server().host(),
                        scim.server().port(), "POST", "/c/" + scim.site() + "/auth/scim/v2/Users/.search",
                        Map.of("Authorization", "Bearer " + scim.token(), "Content-Type", Http.SCIM_JSON),
                        ("{\"schemas\":[\"" + SEARCH_REQUEST + "\"],\"" + member + "\":1e9999999}")
                                .getBytes(StandardCharsets.UTF_8))), pool));
            }
            for (int i = 0; i < 3; i++) {
                Timed health = timed(() -> RawHttp.send(scim.server().host(), scim.server().port(), "GET", "/health",
                        Map.of(),
                        new byte[0]));
                assertThat(health.response().status()).isEqualTo(200);
                assertThat(health.took()).isLessThan(PROMPTLY);
            }
            for (CompletableFuture<Timed> attack : attacks) {
                Timed answered = attack.get(60, TimeUnit.SECONDS);
                assertThat(answered.response().status()).as(answered.response().bodyText()).isEqualTo(400);
                JsonNode error = Http.JSON.readTree(answered.response().body());
                assertThat(error.path("scimType").asText()).isEqualTo("invalidValue");
                assertThat(error.path("detail").asText()).contains("out of range");
                assertThat(answered.took()).isLessThan(PROMPTLY);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void queryParametersBeyondTheIntRangeAreInvalidValue() {
        for (String query : new String[]{"count=2147483648", "count=-2147483649", "startIndex=99999999999",
                "count=1e9999999", "startIndex=1e-9999999", "count=" + "9".repeat(1000)}) {
            JsonNode error = scim("GET", "/Users?" + query).send().expectScimError(400, "invalidValue");
            assertThat(error.path("detail").asText()).as(query).contains("out of range");
        }
    }

    @Test
    void countAndStartIndexWithinTheIntRangeFollowRfc7644() {
        JsonNode negative = scim("GET", "/Users?count=-5").send().expect(200);
        assertThat(negative.path("itemsPerPage").asInt()).isZero();
        assertThat(negative.has("Resources")).isFalse();
        assertThat(negative.path("totalResults").asInt()).isEqualTo(1);

        JsonNode largest = scim("GET", "/Users?count=2147483647&startIndex=2147483647").send().expect(200);
        assertThat(largest.path("startIndex").asLong()).isEqualTo(Integer.MAX_VALUE);
        assertThat(largest.path("itemsPerPage").asInt()).isZero();
        assertThat(largest.path("totalResults").asInt()).isEqualTo(1);

        JsonNode lowest = scim("GET", "/Users?startIndex=-2147483648&count=1e2").send().expect(200);
        assertThat(lowest.path("startIndex").asInt()).isEqualTo(1);
        assertThat(lowest.path("itemsPerPage").asInt()).isEqualTo(1);
    }

    @Test
    void searchBodyNumbersBeyondTheIntRangeAreInvalidValue() {
        for (String member : new String[]{"\"count\":2147483648", "\"startIndex\":-2147483649",
                "\"count\":1e400", "\"startIndex\":1E+9999999", "\"count\":1e99999999999",
                "\"count\":" + "9".repeat(500)}) {
            scim("POST", "/Users/.search").json("{\"schemas\":[\"" + SEARCH_REQUEST + "\"]," + member + "}").send()
                    .expectScimError(400, "invalidValue");
        }
        JsonNode page = scim("POST", "/Users/.search").json("{\"count\":-1,\"startIndex\":2147483647}").send()
                .expect(200);
        assertThat(page.path("itemsPerPage").asInt()).isZero();
    }

    @Test
    void anyNumberOutOfRangeInAResourceOrPatchIsInvalidValueAndChangesNothing() {
        String before = scim("GET", "/Users/" + userId).send().expect(200).path("meta").path("version").asText();

        scim("PUT", "/Users/" + userId).json("{\"userName\":\"nina@example.com\",\"displayName\":\"Nina\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"R\","
                + "\"floor\":1e9999999}}").send().expectScimError(400, "invalidValue");
        scim("PATCH", "/Users/" + userId).json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"add\","
                + "\"value\":{\"nickName\":\"n\",\"luckyNumber\":-1e-9999999}}]}").send()
                .expectScimError(400, "invalidValue");
        scim("PATCH", "/Users/" + userId).json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"displayName\",\"value\":[1e400]}]}").send().expectScimError(400, "invalidValue");

        JsonNode after = scim("GET", "/Users/" + userId).send().expect(200);
        assertThat(after.path("meta").path("version").asText()).isEqualTo(before);
        assertThat(after.has("displayName")).isFalse();
    }

    @Test
    void numbersWithinTheBoundsInAResourceAreIgnoredWhereNoSchemaDefinesThem() {
        JsonNode user = scim("PATCH", "/Users/" + userId).json("{\"schemas\":[\"" + PATCH_OP + "\"],"
                + "\"Operations\":[{\"op\":\"add\",\"value\":{\"title\":\"T\",\"luckyNumber\":1e308}}]}").send()
                .expect(200);
        assertThat(user.path("title").asText()).isEqualTo("T");
        assertThat(user.has("luckyNumber")).isFalse();
    }

    @Test
    void filterNumbersOutOfRangeAreInvalidFilterAtOnce() {
        for (String filter : new String[]{"meta.version gt 1e999999999", "userName eq 1e99999999999",
                "title lt -1e-400"}) {
            JsonNode error = scim("GET", "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)).send()
                    .expectScimError(400, "invalidFilter");
            assertThat(error.path("detail").asText()).as(filter).contains("out of range");
        }
    }

    @Test
    void adminApiNumbersAreBoundedTheSameWay() {
        String api = scim.server().baseUrl() + "/c/" + scim.site() + "/admin/api";
        call("GET", api + "/users?count=2147483648").admin().send().expectScimError(400, "invalidValue");
        call("GET", api + "/users?startIndex=1e9999999").admin().send().expectScimError(400, "invalidValue");
        call("GET", api + "/audit?limit=99999999999").admin().send().expectScimError(400, "invalidValue");
        call("PATCH", api + "/settings").admin().json("{\"scimEnabled\":true,\"level\":1e9999999}").send()
                .expectScimError(400, "invalidValue");
        call("POST", scim.server().baseUrl() + "/c/" + scim.site() + "/sso/sign-in").admin()
                .json("{\"userName\":\"numbers@example.com\",\"age\":1e400}").send()
                .expectScimError(400, "invalidValue");
        assertThat(call("GET", api + "/audit?limit=2147483647").admin().send().status()).isEqualTo(200);
    }

    @Test
    @Timeout(120)
    void aBodyOfNinetyThousandMembersIsAnsweredPromptly() {
        // Merging case-insensitive names compared each with all before it: some 30 s of a worker for this body.
        StringBuilder body = new StringBuilder("{\"schemas\":[\"" + SEARCH_REQUEST + "\"]");
        for (int i = 0; i < 90_000; i++) {
            body.append(",\"m").append(i).append("\":0");
        }
        Timed answered = timed(() -> RawHttp.send(scim.server().host(), scim.server().port(), "POST",
                "/c/" + scim.site() + "/auth/scim/v2/Users/.search",
                Map.of("Authorization", "Bearer " + scim.token(), "Content-Type", Http.SCIM_JSON),
                body.append('}').toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(answered.response().status()).as(answered.response().bodyText()).isEqualTo(200);
        assertThat(answered.took()).isLessThan(Duration.ofSeconds(20));
    }

    private static Http scim(String method, String path) {
        return call(method, scim.scimBase() + path).bearer(scim.token());
    }

    private record Timed(RawHttp.Response response, Duration took) {
    }

    private static Timed timed(java.util.function.Supplier<RawHttp.Response> request) {
        long start = System.nanoTime();
        RawHttp.Response response = request.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }
}
