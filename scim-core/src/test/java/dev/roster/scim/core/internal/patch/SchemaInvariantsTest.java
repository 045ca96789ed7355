package dev.roster.scim.core.internal.patch;

import static dev.roster.scim.core.internal.patch.PatchFixtures.json;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.Mutability;
import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.UserSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Immutable attributes (RFC 7643 §7, RFC 7644 §3.5.2): the User schemas have none, so the rule is shown on a schema
 * made for the test, with an immutable simple attribute and an immutable sub-attribute.
 */
class SchemaInvariantsTest {

    private static final SchemaInvariants INVARIANTS = new SchemaInvariants(List.of(
            attribute(AttributeDefinition.string("employeeId").mutability(Mutability.IMMUTABLE).build()),
            attribute(AttributeDefinition.complex("badge",
                    AttributeDefinition.string("serial").mutability(Mutability.IMMUTABLE).build(),
                    AttributeDefinition.string("colour").build()).build()),
            attribute(AttributeDefinition.string("login").required().build())));

    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of("an immutable attribute without a value may be given one",
                        "{}", "{\"employeeId\": \"e-1\"}"),
                Arguments.of("an immutable attribute may be set to the value it has",
                        "{\"employeeId\": \"e-1\"}", "{\"employeeId\": \"e-1\"}"),
                Arguments.of("other sub-attributes of a complex attribute may change",
                        "{\"badge\": {\"serial\": \"s-1\", \"colour\": \"red\"}}",
                        "{\"badge\": {\"serial\": \"s-1\", \"colour\": \"blue\"}}"),
                Arguments.of("an immutable sub-attribute without a value may be given one",
                        "{\"badge\": {\"colour\": \"red\"}}", "{\"badge\": {\"serial\": \"s-1\", \"colour\": \"red\"}}"),
                Arguments.of("a required attribute may change",
                        "{\"login\": \"a\"}", "{\"login\": \"b\"}"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("allowed")
    void changesTheSchemaAllows(String behaviour, String before, String after) {
        assertThatCode(() -> INVARIANTS.check(json(before), json(after))).doesNotThrowAnyException();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("an immutable attribute with a value cannot change",
                        "{\"employeeId\": \"e-1\"}", "{\"employeeId\": \"e-2\"}"),
                Arguments.of("an immutable attribute with a value cannot be removed",
                        "{\"employeeId\": \"e-1\"}", "{}"),
                Arguments.of("an immutable sub-attribute with a value cannot change",
                        "{\"badge\": {\"serial\": \"s-1\"}}", "{\"badge\": {\"serial\": \"s-2\"}}"),
                Arguments.of("an immutable sub-attribute goes with its complex attribute",
                        "{\"badge\": {\"serial\": \"s-1\"}}", "{}"),
                Arguments.of("a required attribute cannot be removed",
                        "{\"login\": \"a\"}", "{}"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refused")
    void changesTheSchemaRefusesAreMutabilityErrors(String behaviour, String before, String after) {
        assertThatThrownBy(() -> INVARIANTS.check(json(before), json(after)))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.type()).isEqualTo(ScimErrorType.MUTABILITY));
    }

    private static ResolvedAttribute attribute(AttributeDefinition definition) {
        return new ResolvedAttribute(UserSchemas.CORE_USER, false, definition, Optional.empty());
    }
}
