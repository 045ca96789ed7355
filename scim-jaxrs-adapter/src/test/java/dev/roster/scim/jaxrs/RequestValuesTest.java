package dev.roster.scim.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.OptionalInt;

class RequestValuesTest {

    @Test
    void blankParametersAreAbsent() {
        assertThat(RequestValues.text((String) null)).isEmpty();
        assertThat(RequestValues.text("  ")).isEmpty();
        assertThat(RequestValues.integer("count", "")).isEmpty();
        assertThat(RequestValues.text("userName eq \"a\"")).contains("userName eq \"a\"");
    }

    @Test
    void integerParametersAreReadWithinTheIntRange() {
        assertThat(RequestValues.integer("count", " 50 ")).isEqualTo(OptionalInt.of(50));
        assertThat(RequestValues.integer("count", "-5")).isEqualTo(OptionalInt.of(-5));
        assertThat(RequestValues.integer("count", "2147483647")).isEqualTo(OptionalInt.of(Integer.MAX_VALUE));
        assertThat(RequestValues.integer("startIndex", "-2147483648")).isEqualTo(OptionalInt.of(Integer.MIN_VALUE));
        assertThat(RequestValues.integer("count", "1e2")).isEqualTo(OptionalInt.of(100));
        assertInvalidValue(() -> RequestValues.integer("count", "ten"), "'count' must be an integer");
        assertInvalidValue(() -> RequestValues.integer("count", "2.5"), "'count' must be an integer");
    }

    @Test
    @Timeout(10)
    void integerParametersBeyondTheIntRangeAreOutOfRangeAtOnce() {
        for (String text : new String[]{"2147483648", "-2147483649", "99999999999", "1e9999999", "1e99999999999",
                "9".repeat(100_000), "1e-9999999"}) {
            assertInvalidValue(() -> RequestValues.integer("count", text), "'count' is out of range");
        }
    }

    @Test
    @Timeout(10)
    void integerMembersBeyondTheIntRangeAreOutOfRange() {
        ScimObject body = ScimObject.builder()
                .put("count", ScimValue.of(new BigDecimal("1e308")))
                .put("startIndex", ScimValue.of(Integer.MAX_VALUE + 1L))
                .build();

        assertInvalidValue(() -> RequestValues.integer(body, "count"), "'count' is out of range");
        assertInvalidValue(() -> RequestValues.integer(body, "startIndex"), "'startIndex' is out of range");
    }

    @Test
    void bodyMembersOfTheWrongTypeAreInvalidValuesNamingThem() {
        ScimObject body = ScimObject.builder()
                .put("filter", ScimValue.of(5))
                .put("count", ScimValue.of(new BigDecimal("2.5")))
                .put("scimEnabled", "yes")
                .put("role", "  ")
                .build();

        assertInvalidValue(() -> RequestValues.text(body, "filter"), "filter");
        assertInvalidValue(() -> RequestValues.integer(body, "count"), "count");
        assertInvalidValue(() -> RequestValues.bool(body, "scimEnabled"), "scimEnabled");
        assertInvalidValue(() -> RequestValues.requiredText(body, "role"), "role");
        assertThat(RequestValues.bool(body, "manageRoles")).isEmpty();
    }

    @Test
    void wellTypedBodyMembersAreRead() {
        ScimObject body = ScimObject.builder()
                .put("filter", "active eq true").put("count", ScimValue.of(10)).put("scimEnabled", true).build();

        assertThat(RequestValues.requiredText(body, "filter")).isEqualTo("active eq true");
        assertThat(RequestValues.integer(body, "count")).isEqualTo(OptionalInt.of(10));
        assertThat(RequestValues.bool(body, "scimEnabled")).contains(true);
    }

    private static void assertInvalidValue(Runnable read, String named) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
            assertThat(e.detail()).contains(named);
        });
    }
}
