package dev.roster.scim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ScimObjectTest {

    @Test
    void looksUpMembersInAnyCase() {
        ScimObject user = ScimObject.builder().put("userName", "ann").build();

        assertThat(user.getString("USERNAME")).contains("ann");
        assertThat(user.nameOf("username")).contains("userName");
    }

    @Test
    void replacingAMemberInAnotherCaseKeepsItsPositionAndTakesTheNewSpelling() {
        ScimObject user = ScimObject.builder().put("a", "1").put("userName", "ann").put("z", "2").build();

        ScimObject renamed = user.with("USERNAME", ScimValue.of("bob"));

        assertThat(renamed.names()).containsExactly("a", "USERNAME", "z");
        assertThat(renamed.getString("userName")).contains("bob");
    }

    @Test
    void withoutRemovesInAnyCase() {
        ScimObject user = ScimObject.builder().put("title", "Boss").build();

        assertThat(user.without("TITLE").isEmpty()).isTrue();
        assertThat(user.without("other")).isSameAs(user);
    }

    @Test
    void numbersEqualRegardlessOfScale() {
        assertThat(new ScimNumber(new java.math.BigDecimal("1.0"))).isEqualTo(ScimValue.of(1));
        assertThat(new ScimNumber(new java.math.BigDecimal("0.00"))).isEqualTo(ScimValue.of(0));
    }

    @Property
    void nullMembersCountAsUnassigned(@ForAll String name) {
        ScimObject object = ScimObject.builder().put(name, ScimValue.nullValue()).build();

        assertThat(object.has(name)).isTrue();
        assertThat(object.getAssigned(name)).isEmpty();
    }
}
