package dev.roster.scim.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimNumber;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

class SearchRequestTest {

    @Test
    void queryParametersAsSentBlankOnesAbsent() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("filter", "active eq true");
        parameters.put("sortBy", " ");
        parameters.put("sortOrder", null);
        parameters.put("startIndex", "3");
        parameters.put("count", "");

        assertThat(SearchRequest.fromQuery(parameters)).isEqualTo(new SearchRequest(Optional.of("active eq true"),
                Optional.empty(), Optional.empty(), OptionalInt.of(3), OptionalInt.empty(), Optional.empty()));
    }

    @Test
    void anEmptyCursorParameterAsksForCursorPaging() {
        assertThat(SearchRequest.fromQuery(Map.of("cursor", "")).cursor()).contains("");
        assertThat(SearchRequest.fromQuery(Map.of()).cursor()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"count, 2.5, must be an integer", "count, ten, must be an integer",
            "startIndex, 1e999999999, out of range", "count, 2147483648, out of range"})
    void aNumberThatIsNoIntIsInvalidValueNamingTheParameter(String name, String value, String detail) {
        assertThatThrownBy(() -> SearchRequest.fromQuery(Map.of(name, value)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("'" + name + "'").contains(detail);
                });
    }

    @Test
    void aBodyIsReadByTheSameRules() {
        ScimObject body = ScimObject.builder()
                .put("schemas", new ScimArray(List.of(new ScimString(SearchRequest.SCHEMA.toLowerCase()))))
                .put("filter", "userName sw \"a\"").put("sortBy", "").put("count", new ScimNumber(new BigDecimal(5)))
                .put("cursor", "").build();

        assertThat(SearchRequest.fromBody(body)).isEqualTo(new SearchRequest(Optional.of("userName sw \"a\""),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.of(5), Optional.of("")));
    }

    @Test
    void bodyMembersOfTheWrongTypeAreRefusedWithTheirScimType() {
        assertRefused(ScimObject.builder().put("count", "5").build(), ScimErrorType.INVALID_VALUE, "'count'");
        assertRefused(ScimObject.builder().put("filter", true).build(), ScimErrorType.INVALID_VALUE, "'filter'");
        assertRefused(ScimObject.builder().put("count", new ScimNumber(new BigDecimal("1.5"))).build(), ScimErrorType.INVALID_VALUE,
                "must be an integer");
        assertRefused(ScimObject.builder().put("cursor", new ScimNumber(new BigDecimal(5))).build(), ScimErrorType.INVALID_CURSOR,
                "cursor must be a string");
        assertRefused(ScimObject.builder().put("schemas", new ScimArray(List.of(
                new ScimString("urn:ietf:params:scim:api:messages:2.0:ListResponse")))).build(),
                ScimErrorType.INVALID_SYNTAX, SearchRequest.SCHEMA);
    }

    private static void assertRefused(ScimObject body, ScimErrorType type, String detail) {
        assertThatThrownBy(() -> SearchRequest.fromBody(body))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(type);
                    assertThat(e.detail()).contains(detail);
                });
    }
}
