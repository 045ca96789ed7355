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
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cursor paging (RFC 9865) over HTTP on a site of 1,000 users: a filtered, sorted walk by {@code nextCursor} lists
 * every user present throughout exactly once while other users are created and deleted at the same time; the walk
 * back by {@code previousCursor} lists the same pages; and every misuse of a cursor is a 400 with RFC 9865's
 * {@code scimType}.
 */
class CursorPagingTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("cursor.db").withUniqueSite("cursor");

    private static final int USERS = 1_000;
    private static final String FILTER = "userName sw \"member\"";

    /** userName → id of the users the walk must list; the others are deleted during it. */
    private static final Map<String, String> STAYING = new ConcurrentHashMap<>();
    private static final Map<String, String> LEAVING = new ConcurrentHashMap<>();

    @BeforeAll
    static void startServer() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> creates = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                creates.add(() -> {
                    for (int i = thread; i < USERS; i += 4) {
                        // displayNames tie in tens, so the sort needs its id tiebreak
                        String userName = String.format("member%04d@example.com", i);
                        String id = create(userName, "Member " + (i * 7 % 100));
                        (i % 10 == 3 ? LEAVING : STAYING).put(userName, id);
                    }
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(creates, 5, TimeUnit.MINUTES)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aWalkByNextCursorListsEveryoneWhoStaysOnceWhileOthersComeAndGo() throws Exception {
        AtomicBoolean walking = new AtomicBoolean(true);
        List<String> leaving = new ArrayList<>(LEAVING.values());
        ExecutorService churn = Executors.newSingleThreadExecutor();
        Future<Integer> churned = churn.submit(() -> {
            int round = 0;
            while (walking.get() && round < leaving.size()) {
                // newcomers that sort first, last and in the middle of the displayName order, then one leaves
                create("member-new-" + round + "a@example.com", "Aaaa");
                create("member-new-" + round + "m@example.com", "Member 50");
                create("member-new-" + round + "z@example.com", "Zzzz");
                call("DELETE", base() + "/Users/" + leaving.get(round)).bearer(scim.token()).send().expect(204);
                round++;
            }
            return round;
        });
        List<String> listed = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        try {
            while (cursor != null) {
                JsonNode page = get("/Users?filter=" + encode(FILTER) + "&sortBy=displayName&sortOrder=descending"
                        + "&count=23&cursor=" + cursor).expect(200);
                assertThat(page.has("startIndex")).isFalse();
                assertThat(page.path("Resources").size()).isLessThanOrEqualTo(23);
                assertThat(page.has("previousCursor")).isEqualTo(pages > 0);
                page.path("Resources").forEach(user -> listed.add(user.path("userName").asText()));
                cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
                pages++;
            }
        } finally {
            walking.set(false);
        }
        int rounds = churned.get(2, TimeUnit.MINUTES);
        churn.shutdownNow();

        assertThat(rounds).as("users deleted while the walk ran").isPositive();
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsAll(STAYING.keySet());
        assertThat(pages).isGreaterThanOrEqualTo(STAYING.size() / 23);
    }

    @Test
    void theWalkBackByPreviousCursorListsTheSamePagesAndPostSearchesPageAlike() {
        String query = "/Users?filter=" + encode("userName sw \"member0\"") + "&sortBy=userName&count=50";
        List<List<String>> forward = new ArrayList<>();
        JsonNode page = get(query + "&cursor").expect(200);
        forward.add(userNames(page));
        while (page.has("nextCursor")) {
            page = get(query + "&cursor=" + page.path("nextCursor").asText()).expect(200);
            forward.add(userNames(page));
        }
        List<List<String>> backward = new ArrayList<>();
        backward.add(userNames(page));
        while (page.has("previousCursor")) {
            page = post("{\"filter\":\"userName sw \\\"member0\\\"\",\"sortBy\":\"userName\",\"count\":50,"
                    + "\"cursor\":\"" + page.path("previousCursor").asText() + "\"}").expect(200);
            backward.add(userNames(page));
        }
        Collections.reverse(backward);

        assertThat(backward).isEqualTo(forward);
        assertThat(forward.stream().flatMap(List::stream).toList()).isSorted();
        assertThat(post("{\"filter\":\"userName sw \\\"member0\\\"\",\"sortBy\":\"userName\",\"count\":50,"
                + "\"cursor\":\"\"}").expect(200).has("nextCursor")).isTrue();
    }

    /**
     * A cursor page without a projection comes from the stored renderings: each user exactly as its own read shows
     * it, and the same users, total and cursors as a projected page, which is rendered from the users.
     */
    @Test
    void aPageByCursorShowsEachUserAsItsOwnReadAndAProjectedPageListsTheSame() {
        String query = "/Users?filter=" + encode(FILTER) + "&sortBy=userName&count=7";
        JsonNode whole = get(query + "&cursor=").expect(200);
        JsonNode projected = get(query + "&attributes=userName&cursor=").expect(200);
        JsonNode next = get(query + "&cursor=" + whole.path("nextCursor").asText()).expect(200);
        JsonNode nextProjected = get(query + "&attributes=userName&cursor=" + projected.path("nextCursor").asText())
                .expect(200);

        assertThat(whole.path("Resources").size()).isEqualTo(7);
        for (JsonNode user : whole.path("Resources")) {
            assertThat(user).isEqualTo(get("/Users/" + user.path("id").asText()).expect(200));
        }
        assertThat(ids(projected)).isEqualTo(ids(whole));
        assertThat(projected.path("totalResults")).isEqualTo(whole.path("totalResults"));
        assertThat(projected.path("Resources").get(0).has("displayName")).isFalse();
        assertThat(ids(nextProjected)).isEqualTo(ids(next)).doesNotContainAnyElementsOf(ids(whole));
        assertThat(next.path("previousCursor").asText()).isNotEmpty();
    }

    @Test
    void everyMisuseOfACursorIsA400WithItsScimType() {
        String query = "/Users?filter=" + encode(FILTER) + "&count=10";
        String next = get(query + "&cursor=").expect(200).path("nextCursor").asText();
        byte[] bytes = Base64.getUrlDecoder().decode(next);
        bytes[bytes.length / 2] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String otherToken = scim.server().createScimReadySite(scim.site() + "-other");

        get(query + "&cursor=" + tampered).expectScimError(400, "invalidCursor");
        get(query + "&cursor=not-a-cursor").expectScimError(400, "invalidCursor");
        get("/Users?filter=" + encode("userName sw \"x\"") + "&count=10&cursor=" + next)
                .expectScimError(400, "invalidCursor");
        get(query + "&sortBy=userName&cursor=" + next).expectScimError(400, "invalidCursor");
        get("/Users?filter=" + encode(FILTER) + "&count=11&cursor=" + next).expectScimError(400, "invalidCount");
        get("/Users?count=201&cursor").expectScimError(400, "invalidCount");
        get(query + "&startIndex=1&cursor=" + next).expectScimError(400, "invalidValue");
        // the bearer token decides the site: another site's token with this site's cursor reads nothing
        call("GET", scim.server().scimBase(scim.site() + "-other") + query + "&cursor="
                + next).bearer(otherToken).send()
                .expectScimError(400, "invalidCursor");
        call("GET", base() + query + "&cursor=" + next).bearer(otherToken).send().expectScimError(401, null);
        post("{\"count\":10,\"cursor\":7}").expectScimError(400, "invalidCursor");
    }

    @Test
    void indexPagingStaysTheDefaultAndServiceProviderConfigSaysSo() {
        JsonNode page = get("/Users?startIndex=3&count=2").expect(200);
        assertThat(page.path("startIndex").asInt()).isEqualTo(3);
        assertThat(page.has("nextCursor")).isFalse();
        assertThat(get("/Users?count=0&cursor").expect(200).path("totalResults").asLong())
                .isGreaterThanOrEqualTo(STAYING.size());

        JsonNode pagination = get("/ServiceProviderConfig").expect(200).path("pagination");
        assertThat(pagination.path("cursor").asBoolean()).isTrue();
        assertThat(pagination.path("index").asBoolean()).isTrue();
        assertThat(pagination.path("defaultPaginationMethod").asText()).isEqualTo("index");
        assertThat(pagination.path("defaultPageSize").asInt()).isEqualTo(200);
        assertThat(pagination.path("maxPageSize").asInt()).isEqualTo(200);
        assertThat(pagination.path("cursorTimeout").asInt()).isEqualTo(600);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("Resources").forEach(user -> ids.add(user.path("id").asText()));
        return ids;
    }

    private static List<String> userNames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("Resources").forEach(user -> names.add(user.path("userName").asText()));
        return names;
    }

    private static String create(String userName, String displayName) {
        return call("POST", base() + "/Users").bearer(scim.token())
                .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                        + "\",\"displayName\":\"" + displayName + "\"}")
                .send().expect(201).path("id").asText();
    }

    private static Http.Reply get(String path) {
        return call("GET", base() + path).bearer(scim.token()).send();
    }

    private static Http.Reply post(String searchRequest) {
        return call("POST", base() + "/Users/.search").bearer(scim.token()).json(searchRequest).send();
    }

    private static String base() {
        return scim.scimBase();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
