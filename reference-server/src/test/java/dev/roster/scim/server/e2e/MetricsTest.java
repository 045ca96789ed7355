package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.server.AccessLogFormat;
import dev.roster.scim.server.ServerOptions;
import dev.roster.scim.server.admin.MetricsToken;
import dev.roster.scim.server.support.ScimReadyServer;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code GET /metrics} over HTTP: who may read it, and that what it counts moves as SCIM calls happen. */
class MetricsTest {

    private static final String SITE = "acme";
    private static final String SCRAPE_TOKEN = "scrape-token-0123456789abcdef0123456789abcdef";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** A server per test (an instance field): the tests count what the server did since it started. */
    @RegisterExtension
    final ScimReadyServer scim = ScimReadyServer.onSqlite("metrics.db").withSite(SITE).withOptions(path ->
            TestServer.options(path).withMonitoring(new ServerOptions.Monitoring(AccessLogFormat.TEXT,
                    MetricsToken.of(SCRAPE_TOKEN))));

    private TestServer server;
    private String scimToken;

    @BeforeEach
    void start() {
        server = scim.server();
        scimToken = scim.token();
    }

    @Test
    void metricsAreRefusedWithoutCredentialsAndWithAScimTokenAndServedToTheScraperAndTheAdmin() {
        call("GET", server.baseUrl() + "/metrics").send().expectScimError(401, null);
        call("GET", server.baseUrl() + "/metrics").bearer(scimToken).send().expectScimError(401, null);
        call("GET", server.baseUrl() + "/metrics").bearer(SCRAPE_TOKEN + "x").send().expectScimError(401, null);
        call("GET", server.baseUrl() + "/metrics").header("Authorization", TestServer.basic("admin", "wrong"))
                .send().expectScimError(401, null);
        // The scrape token opens /metrics only, not the admin API.
        call("GET", server.baseUrl() + "/admin/api/sites").bearer(SCRAPE_TOKEN).send().expectScimError(401, null);

        Http.Reply scraped = call("GET", server.baseUrl() + "/metrics").bearer(SCRAPE_TOKEN).send();
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(scraped.header("Cache-Control")).contains("no-store");
        assertThat(scraped.body()).contains("# TYPE http_server_requests_seconds");

        Http.Reply asAdmin = call("GET", server.baseUrl() + "/metrics").admin().send();
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
                "process_uptime_seconds", "system_cpu_count", "roster_inspector_exchanges_dropped",
                "roster_inspector_exchanges_failed", "# TYPE roster_access_log_lines_dropped_total counter",
                "roster_db_pool_connections{pool=\"roster-sqlite-readers\",state=\"idle\"}",
                "roster_db_pool_connections_max{pool=\"roster-sqlite-readers\"}");
    }

    @Test
    void aScimDeactivationMovesTheSitesCounterByExactlyOne() {
        String id = server.signIn(SITE, "ann");
        double before = sample(scrape(), "roster_accounts_deactivated_total", "site=\"acme\"", "source=\"scim\"");

        call("PATCH", server.scimBase(SITE) + "/Users/" + id).bearer(scimToken)
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"value\":{\"active\":false}}]}").send().expect(200);

        String after = scrape();
        assertThat(sample(after, "roster_accounts_deactivated_total", "site=\"acme\"", "source=\"scim\""))
                .isEqualTo(before + 1);
        // An admin's deactivation is another source, and the same PATCH again changes nothing.
        call("PATCH", server.scimBase(SITE) + "/Users/" + id).bearer(scimToken)
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"value\":{\"active\":false}}]}").send().expect(200);
        assertThat(sample(scrape(), "roster_accounts_deactivated_total", "site=\"acme\"", "source=\"scim\""))
                .isEqualTo(before + 1);
    }

    @Test
    void aScimWriteIsCountedAndTimedOnTheWritePath() {
        String id = server.signIn(SITE, "dora");
        String before = scrape();

        call("PATCH", server.scimBase(SITE) + "/Users/" + id).bearer(scimToken)
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"value\":{\"active\":false}}]}").send().expect(200);

        String after = scrapeOnceWritesSettled();
        double acknowledged = sample(after, "roster_db_writes_total", "outcome=\"acknowledged\"");
        // The request inspector writes its captures in transactions of its own, so "at least" is what is certain.
        assertThat(acknowledged)
                .isGreaterThanOrEqualTo(sample(before, "roster_db_writes_total", "outcome=\"acknowledged\"") + 1);
        assertThat(sample(after, "roster_db_write_seconds_count")).isGreaterThanOrEqualTo(acknowledged);
        assertThat(sample(after, "roster_db_write_seconds_sum")).isPositive();
        assertThat(sample(after, "roster_db_commits_total")).isPositive().isLessThanOrEqualTo(acknowledged);
        assertThat(after).contains("roster_db_writes_total{outcome=\"failed\"}");
    }

    /**
     * A scrape taken while no write is between its commit and its acknowledgement. The inspector's batches commit off
     * the request threads, so a scrape can fall after a commit was counted and before its writers were: commits
     * exceed acknowledged writes for that instant only. Likewise the timer's count and the acknowledged counter are
     * read one after the other in a scrape, so a write acknowledged between the two reads shows in one only. A path
     * that counts too many, or times too few, never settles.
     */
    private String scrapeOnceWritesSettled() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String metrics = scrape();
        while (!writesSettled(metrics) && System.nanoTime() < deadline) {
            metrics = scrape();
        }
        return metrics;
    }

    private static boolean writesSettled(String metrics) {
        double acknowledged = sample(metrics, "roster_db_writes_total", "outcome=\"acknowledged\"");
        return sample(metrics, "roster_db_commits_total") <= acknowledged
                && sample(metrics, "roster_db_write_seconds_count") >= acknowledged;
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatusNeverByRawPath() {
        String id = server.signIn(SITE, "bob");
        call("GET", server.scimBase(SITE) + "/Users/" + id).bearer(scimToken).send().expect(200);
        call("GET", server.scimBase(SITE) + "/Users/" + id).bearer("wrong-token").send().expectScimError(401, null);

        String metrics = scrape();
        assertThat(sample(metrics, "http_server_requests_seconds_count", "method=\"GET\"",
                "uri=\"/c/{site}/auth/scim/v2/Users/{id}\"", "status=\"200\"")).isEqualTo(1);
        assertThat(sample(metrics, "http_server_requests_seconds_count", "method=\"GET\"", "uri=\"UNMATCHED\"",
                "status=\"401\"")).as(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count"))
                .toList().toString()).isEqualTo(1);
        assertThat(metrics).doesNotContain(id).doesNotContain("/c/acme/").doesNotContain("wrong-token")
                .doesNotContain(scimToken);
    }

    @Test
    void eachRequestIsTimedOnceIntoTheSeriesOfItsMethodRouteStatusOutcomeAndException() {
        String id = server.signIn(SITE, "carol");
        for (int i = 0; i < 3; i++) {
            call("GET", server.scimBase(SITE) + "/Users/" + id).bearer(scimToken).send().expect(200);
        }
        call("GET", server.scimBase(SITE) + "/Nothing").bearer(scimToken).send().expectScimError(404, null);

        String metrics = scrape();
        assertThat(sample(metrics, "http_server_requests_seconds_count", "method=\"GET\"",
                "uri=\"/c/{site}/auth/scim/v2/Users/{id}\"", "status=\"200\"", "outcome=\"SUCCESS\"",
                "exception=\"None\"")).isEqualTo(3);
        assertThat(sample(metrics, "http_server_requests_seconds_count", "method=\"GET\"", "uri=\"NOT_FOUND\"",
                "status=\"404\"", "outcome=\"CLIENT_ERROR\"")).isEqualTo(1);
        assertThat(sample(metrics, "http_server_requests_seconds_sum", "method=\"GET\"",
                "uri=\"/c/{site}/auth/scim/v2/Users/{id}\"", "status=\"200\"")).isGreaterThan(0);
    }

    @Test
    void refusalsAreCountedByStatusAndScimTypeAndIgnoredRolesBySite() {
        String id = server.signIn(SITE, "carl");
        call("PATCH", server.scimBase(SITE) + "/Users/no-such-user").bearer(scimToken)
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"value\":{\"active\":false}}]}").send().expectScimError(404, null);
        call("GET", server.scimBase(SITE) + "/Users?filter=userName%20eq").bearer(scimToken).send()
                .expectScimError(400, "invalidFilter");
        server.admin("PATCH", "/c/" + SITE + "/admin/api/settings", "{\"manageRoles\":false}", 200);
        call("PATCH", server.scimBase(SITE) + "/Users/" + id).bearer(scimToken)
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"path\":\"userType\",\"value\":\"Admin\"}]}").send().expect(200);

        String metrics = scrape();
        assertThat(sample(metrics, "roster_scim_refusals_total", "site=\"acme\"", "status=\"404\"",
                "scimType=\"none\"")).isEqualTo(1);
        assertThat(sample(metrics, "roster_scim_refusals_total", "site=\"acme\"", "status=\"400\"",
                "scimType=\"invalidFilter\"")).isEqualTo(1);
        assertThat(sample(metrics, "roster_scim_roles_ignored_total", "site=\"acme\"")).isEqualTo(1);
        assertThat(sample(metrics, "roster_accounts_role_changes_total", "site=\"acme\"")).isZero();
    }

    private String scrape() {
        return call("GET", server.baseUrl() + "/metrics").bearer(SCRAPE_TOKEN).send().body();
    }

    /** The sum of the samples of {@code name} whose labels include all of {@code labels}; 0 when there is none. */
    static double sample(String exposition, String name, String... labels) {
        List<String> wanted = Arrays.asList(labels);
        return exposition.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> wanted.stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
