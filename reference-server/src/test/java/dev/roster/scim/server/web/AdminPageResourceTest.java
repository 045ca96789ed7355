package dev.roster.scim.server.web;

import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin page and its assets as plain HTTP: what is served, with which headers, and what is not. */
class AdminPageResourceTest {

    @TempDir
    static Path dataDirectory;

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dataDirectory.resolve("page.db"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static RawHttp.Response get(String target) {
        return RawHttp.send(server.host(), server.port(), "GET", target, Map.of(), new byte[0]);
    }

    @Test
    void pageIsServedWithoutCredentialsForAnyValidSiteName() {
        RawHttp.Response response = get("/c/not-created-yet/admin/scim");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html").contains("charset=utf-8"));
        assertThat(response.bodyText()).contains("<h1>SCIM integration</h1>", "/admin/assets/admin.js");
    }

    @Test
    void pageForAnInvalidSiteNameIsNotFound() {
        assertThat(get("/c/No%20Such%20Site!/admin/scim").status()).isEqualTo(404);
    }

    @Test
    void assetsAreServedWithTheirContentTypes() {
        assertThat(get("/admin/assets/admin.css").header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(get("/admin/assets/admin.js").header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    }

    @Test
    void pageForbidsInlineScriptFramingSniffingAndReferrers() {
        RawHttp.Response response = get("/c/demo/admin/scim");

        assertThat(response.header("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("Referrer-Policy")).contains("no-referrer");
        assertThat(response.bodyText()).doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/assets/admin-scim.html", "/admin/assets/..%2Fweb%2Fadmin.js",
            "/admin/assets/%2e%2e%2fMETA-INF%2fservices%2fch.qos.logback.classic.spi.Configurator",
            "/admin/assets/../../META-INF/services/ch.qos.logback.classic.spi.Configurator",
            "/admin/assets/ch.qos.logback.classic.spi.Configurator",
            "/admin/assets/", "/admin/assets/ADMIN.JS"})
    void onlyKnownAssetsAreServedSoNoPathEscapesTheWebFolder(String target) {
        RawHttp.Response response = get(target);

        assertThat(response.status()).isIn(400, 404);
        assertThat(response.bodyText()).doesNotContain("LoggingConfiguration", "use strict");
    }
}
