package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.server.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small fluent HTTP/1.1 client for the end-to-end tests: every call goes over a real socket to a real server.
 * HTTP/1.1 without an upgrade offer, as IdPs speak; {@code DefaultHttpClientTest} covers Java's default client,
 * which offers h2c.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String SCIM_JSON = "application/scim+json";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String method;
    private final String url;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Http(String method, String url) {
        this.method = method;
        this.url = url;
    }

    static Http call(String method, String url) {
        return new Http(method, url);
    }

    Http bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    Http admin() {
        return header("Authorization", TestServer.basic("admin", TestServer.ADMIN_PASSWORD));
    }

    Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A JSON body sent as {@code application/scim+json}, unless a Content-Type was set already. */
    Http json(String text) {
        headers.putIfAbsent("Content-Type", SCIM_JSON);
        return rawBody(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A body sent without adding any Content-Type. */
    Http rawBody(byte[] bytes) {
        body = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return this;
    }

    Reply send() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method + " " + url, response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with its JSON body parsed on demand. */
    record Reply(String request, HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError(this + " has no JSON body", e);
            }
        }

        /** Asserts the status, naming the request and body when it differs; returns the JSON body. */
        JsonNode expect(int status) {
            assertThat(status()).as("status of %s", this).isEqualTo(status);
            return body().isEmpty() ? JSON.createObjectNode() : json();
        }

        /**
         * Asserts a SCIM Error (RFC 7644 §3.12): the status, the Error schema, the status repeated as a string, the
         * {@code scimType} when one is expected (none otherwise), a detail, and nothing of the server's internals.
         */
        JsonNode expectScimError(int status, String scimType) {
            assertThat(status()).as("status of %s", this).isEqualTo(status);
            assertThat(contentType()).as("Content-Type of %s", this).startsWith(SCIM_JSON);
            JsonNode error = json();
            assertThat(error.path("schemas").isArray()).as("schemas of %s", this).isTrue();
            assertThat(error.path("schemas").get(0).asText()).as("schemas of %s", this).isEqualTo(ERROR_SCHEMA);
            assertThat(error.path("status").isTextual()).as("status is a string in %s", this).isTrue();
            assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
            if (scimType == null) {
                assertThat(error.has("scimType")).as("no scimType in %s", this).isFalse();
            } else {
                assertThat(error.path("scimType").asText()).as("scimType of %s", this).isEqualTo(scimType);
            }
            assertThat(error.path("detail").asText()).as("detail of %s", this).isNotBlank();
            assertThat(body()).as("body of %s", this)
                    .doesNotContain("Exception")
                    .doesNotContain("at dev.")
                    .doesNotContain("at org.")
                    .doesNotContain("at java.");
            return error;
        }

        @Override
        public String toString() {
            return shortened(request, 200) + " -> " + status() + " " + shortened(response.body(), 500);
        }

        private static String shortened(String text, int length) {
            return text.length() > length ? text.substring(0, length) + "…" : text;
        }
    }
}
