package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** SCIM dateTime values over HTTP, read and written by one type (ADR 028, {@code ScimDateTime}). */
class DateTimeValuesTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("datetimes.db").withUniqueSite("datetimes");

    private static String created;

    @BeforeAll
    static void startServer() {
        String id = scim.server().admin("POST", "/c/" + scim.site() + "/sso/sign-in",
                "{\"userName\":\"ada@example.com\",\"email\":\"ada@example.com\"}", 201).path("id").asText();
        created = get("/Users/" + id).expect(200).path("meta").path("created").asText();
    }

    @Test
    void metaTimesAreUtcAtMillisecondPrecision() {
        assertThat(created).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z");
    }

    @Test
    void aFilterDateTimeWithoutAnOffsetIsUtc() {
        String withoutOffset = created.replace("Z", "");

        assertThat(count("meta.created eq \"" + withoutOffset + "\"")).isEqualTo(1);
        assertThat(count("meta.created gt \"" + withoutOffset + "\"")).isZero();
    }

    @Test
    void aFilterDateTimeFinerThanMillisecondsComparesExactly() {
        Instant at = Instant.parse(created);
        String justAfter = at.toString().replace("Z", "") + (at.getNano() == 0 ? ".0000001Z" : "0001Z");

        assertThat(count("meta.created lt \"" + justAfter + "\"")).isEqualTo(1);
        assertThat(count("meta.created ge \"" + justAfter + "\"")).isZero();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2000-01-01T00:00Z", "2000-01-01t00:00:00z", "2000-01-01T00:00:00+0100",
            "2000-02-30T00:00:00Z"})
    void aFilterValueThatIsNoXsdDateTimeIsInvalidFilter(String value) {
        JsonNode error = get("/Users?filter=" + encode("meta.created gt \"" + value + "\""))
                .expectScimError(400, "invalidFilter");
        assertThat(error.path("detail").asText()).contains("not a dateTime");
    }

    private static int count(String filter) {
        return get("/Users?filter=" + encode(filter)).expect(200).path("totalResults").asInt();
    }

    private static Http.Reply get(String path) {
        return call("GET", scim.scimBase() + path).bearer(scim.token()).send();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
