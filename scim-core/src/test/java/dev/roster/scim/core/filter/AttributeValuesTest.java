package dev.roster.scim.core.filter;

import static dev.roster.scim.core.filter.FilterFixtures.attr;
import static dev.roster.scim.core.filter.FilterFixtures.urn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.UserSchemas;

import org.junit.jupiter.api.Test;

class AttributeValuesTest {

    @Test
    void flattensTheSubAttributeOfEachValue() {
        assertThat(AttributeValues.valuesAt(SampleUsers.EMILE, attr("emails.value")))
                .containsExactly(ScimValue.of("emile@work.example.com"), ScimValue.of("emile@home.example.org"));
    }

    @Test
    void returnsEachValueOfAMultiValuedAttributeLeavingNullsOut() {
        assertThat(AttributeValues.valuesAt(SampleUsers.ANN, attr("emails"))).hasSize(1);
    }

    @Test
    void readsExtensionAttributesUnderTheirUrn() {
        assertThat(AttributeValues.valuesAt(SampleUsers.EMILE, urn(UserSchemas.ENTERPRISE_USER, "manager.value")))
                .containsExactly(ScimValue.of("42"));
    }

    @Test
    void givesNothingForNullAbsentEmptyUnknownAndNeverReturnedAttributes() {
        assertThat(AttributeValues.valuesAt(SampleUsers.ANN, attr("title"))).isEmpty();
        assertThat(AttributeValues.valuesAt(SampleUsers.ZED, attr("emails.value"))).isEmpty();
        assertThat(AttributeValues.valuesAt(SampleUsers.ANN, attr("phoneNumbers"))).isEmpty();
        assertThat(AttributeValues.valuesAt(SampleUsers.EMILE, attr("unknownThing"))).isEmpty();
        assertThat(AttributeValues.valuesAt(SampleUsers.EMILE, attr("password"))).isEmpty();
    }

    @Test
    void knowsTheSchemasAttribute() {
        assertThat(AttributeValues.resolve(attr("SCHEMAS"))).isPresent();
        assertThat(AttributeValues.resolve(urn(UserSchemas.CORE_USER, "schemas"))).isPresent();
        assertThat(AttributeValues.resolve(urn(UserSchemas.ENTERPRISE_USER, "schemas"))).isEmpty();
        assertThat(AttributeValues.valuesAt(SampleUsers.EMILE, attr("schemas"))).hasSize(2);
    }

    @Test
    void countsOnlyNonEmptyValuesAsPresent() {
        assertThat(AttributeValues.isPresent(ScimValue.of(""))).isFalse();
        assertThat(AttributeValues.isPresent(ScimArray.EMPTY)).isFalse();
        assertThat(AttributeValues.isPresent(ScimObject.EMPTY)).isFalse();
        assertThat(AttributeValues.isPresent(ScimValue.nullValue())).isFalse();
        assertThat(AttributeValues.isPresent(ScimArray.of(ScimValue.of(""), ScimObject.EMPTY))).isFalse();
        assertThat(AttributeValues.isPresent(ScimObject.builder().put("a", ScimValue.nullValue()).build())).isFalse();
        assertThat(AttributeValues.isPresent(ScimValue.of(false))).isTrue();
        assertThat(AttributeValues.isPresent(ScimValue.of(0))).isTrue();
        assertThat(AttributeValues.isPresent(ScimObject.builder().put("primary", false).build())).isTrue();
    }
}
