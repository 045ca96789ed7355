package dev.roster.scim.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimBoolean;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import org.junit.jupiter.api.Test;

import java.util.List;

class ParameterValuesTest {

    @Test
    void aBodysAttributeNamesAreAnArrayOrOneCommaSeparatedString() {
        ScimObject body = ScimObject.builder()
                .put("attributes", new ScimArray(List.of(new ScimString("userName"), new ScimString("emails"))))
                .put("excludedAttributes", "name, title").build();

        assertThat(ParameterValues.names(body, "attributes")).contains("userName,emails");
        assertThat(ParameterValues.names(body, "excludedAttributes")).contains("name, title");
    }

    @Test
    void absentNullBlankAndEmptyNamesAreAbsent() {
        ScimObject body = ScimObject.builder().put("attributes", " ")
                .put("excludedAttributes", new ScimArray(List.of())).build();

        assertThat(ParameterValues.names(body, "attributes")).isEmpty();
        assertThat(ParameterValues.names(body, "excludedAttributes")).isEmpty();
        assertThat(ParameterValues.names(ScimObject.builder().build(), "attributes")).isEmpty();
    }

    @Test
    void namesOfAnotherTypeAreInvalidValueNamingTheMember() {
        ScimObject body = ScimObject.builder()
                .put("attributes", new ScimArray(List.of(new ScimString("userName"), ScimBoolean.TRUE)))
                .put("excludedAttributes", ScimBoolean.TRUE).build();

        for (String member : List.of("attributes", "excludedAttributes")) {
            assertThatThrownBy(() -> ParameterValues.names(body, member))
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                        assertThat(e.detail()).contains("'" + member + "'");
                    });
        }
    }
}
