package dev.roster.scim.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.ScimObject;
import dev.roster.scim.core.model.ScimValue;
import org.junit.jupiter.api.Test;

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
    void integersBeyondTheIntRangeAreClampedAndNonIntegersRefused() {
        assertThat(RequestValues.integer("count", " 50 ")).isEqualTo(OptionalInt.of(50));
        assertThat(RequestValues.integer("count", "99999999999")).isEqualTo(OptionalInt.of(Integer.MAX_VALUE));
        assertThat(RequestValues.integer("startIndex", "-99999999999")).isEqualTo(OptionalInt.of(Integer.MIN_VALUE));
        assertInvalidValue(() -> RequestValues.integer("count", "ten"), "count");
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
