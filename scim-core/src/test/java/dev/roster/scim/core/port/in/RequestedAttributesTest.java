package dev.roster.scim.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

class RequestedAttributesTest {

    @Test
    void queryParametersAreCommaSeparatedNamesBlankOnesNone() {
        RequestedAttributes requested = RequestedAttributes.of(Optional.of(" userName , ,name.givenName,"),
                Optional.of("emails"));

        assertThat(requested.attributes()).containsExactly("userName", "name.givenName");
        assertThat(requested.excludedAttributes()).containsExactly("emails");
        assertThat(requested.isDefault()).isFalse();
        assertThat(RequestedAttributes.of(Optional.of(" , ,"), Optional.empty()).isDefault()).isTrue();
        assertThat(RequestedAttributes.of(Optional.empty(), Optional.empty())).isEqualTo(RequestedAttributes.DEFAULT);
    }

    @Test
    void wellFormedNamesNoSchemaDefinesAreKept() {
        assertThat(RequestedAttributes.of(Optional.of("nonsense,name.nonsense"), Optional.empty()).attributes())
                .containsExactly("nonsense", "name.nonsense");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"emails[type eq \"work\"]", "na$me", "$foo", "name.givenName.x", "1name", "user name",
            "urn:bad urn:x", "name."})
    void namesThatAreNoAttributePathAreInvalidValueInEitherParameter(String name) {
        for (Runnable reading : new Runnable[]{
                () -> RequestedAttributes.of(Optional.of("userName," + name), Optional.empty()),
                () -> RequestedAttributes.of(Optional.empty(), Optional.of(name)),
                () -> new RequestedAttributes(List.of(name), List.of())}) {
            assertThatThrownBy(reading::run)
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                        assertThat(e.detail()).contains(name).contains("no attribute path");
                    });
        }
    }

    @Test
    void aSearchBodyNamesThemInAnArrayOrOneString() {
        ScimObject body = ScimObject.builder()
                .put("attributes", ScimArray.of(ScimValue.of("userName"), ScimValue.of("emails.value")))
                .put("excludedAttributes", "name, displayName")
                .build();

        RequestedAttributes requested = RequestedAttributes.fromBody(body);

        assertThat(requested.attributes()).containsExactly("userName", "emails.value");
        assertThat(requested.excludedAttributes()).containsExactly("name", "displayName");
        assertThat(RequestedAttributes.fromBody(ScimObject.EMPTY)).isEqualTo(RequestedAttributes.DEFAULT);
    }

    @Test
    void aSearchBodyMemberOfAnotherTypeIsInvalidValue() {
        for (ScimValue wrong : List.<ScimValue>of(ScimValue.of(3), ScimArray.of(ScimValue.of("userName"),
                ScimValue.of(true)))) {
            ScimObject body = ScimObject.builder().put("attributes", wrong).build();

            assertThatThrownBy(() -> RequestedAttributes.fromBody(body))
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                        assertThat(e.detail()).contains("'attributes' must be an array of attribute names");
                    });
        }
    }
}
