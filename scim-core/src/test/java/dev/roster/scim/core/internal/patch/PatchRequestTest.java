package dev.roster.scim.core.internal.patch;

import static dev.roster.scim.core.internal.patch.PatchFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.stream.Stream;

class PatchRequestTest {

    @Test
    void operationsAreReadInOrderWithTheirPathsAndValues() {
        PatchRequest request = PatchRequest.parse(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [
                   {"op": "add", "path": "nickName", "value": "Babs"},
                   {"op": "replace", "value": {"active": false}},
                   {"op": "remove", "path": "title"}]}
                """));

        assertThat(request.operations()).containsExactly(
                PatchOperation.add("nickName", ScimValue.of("Babs")),
                PatchOperation.replace(ScimObject.builder().put("active", false).build()),
                PatchOperation.remove("title"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Add", "ADD", "add", " add "})
    void opKeywordsAreCaseInsensitiveAsEntraCapitalisesThem(String op) {
        PatchRequest request = PatchRequest.parse(json(
                "{\"Operations\": [{\"op\": \"" + op + "\", \"path\": \"title\", \"value\": \"x\"}]}"));

        assertThat(request.operations().get(0)).isInstanceOf(PatchOperation.Add.class);
    }

    @Test
    void memberNamesOfTheBodyAndOfOperationsAreCaseInsensitive() {
        PatchRequest request = PatchRequest.parse(json("""
                {"SCHEMAS": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "operations": [{"OP": "Replace", "Path": "title", "VALUE": "Boss"}]}
                """));

        assertThat(request.operations()).containsExactly(PatchOperation.replace("title", ScimValue.of("Boss")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{\"Operations\": [{\"op\": \"replace\", \"value\": {\"active\": false}}]}",
            "{\"schemas\": [], \"Operations\": [{\"op\": \"replace\", \"value\": {\"active\": false}}]}",
            "{\"schemas\": null, \"Operations\": [{\"op\": \"replace\", \"value\": {\"active\": false}}]}",
            "{\"schemas\": \"urn:ietf:params:scim:api:messages:2.0:PatchOp\","
                    + " \"Operations\": [{\"op\": \"replace\", \"value\": {\"active\": false}}]}",
            "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:patchop\", \"urn:example:x\"],"
                    + " \"Operations\": [{\"op\": \"replace\", \"value\": {\"active\": false}}]}"})
    void aMissingOrEmptySchemasListIsToleratedAndThePatchOpUrnMatchesInAnyCase(String body) {
        assertThat(PatchRequest.parse(json(body)).operations()).hasSize(1);
    }

    @ParameterizedTest(name = "[{index}] blank or null path means none: {0}")
    @ValueSource(strings = {"\"\"", "\"  \"", "null"})
    void aBlankOrNullPathCountsAsAbsent(String path) {
        PatchRequest request = PatchRequest.parse(json(
                "{\"Operations\": [{\"op\": \"replace\", \"path\": " + path + ", \"value\": {\"active\": false}}]}"));

        assertThat(request.operations().get(0).path()).isEmpty();
    }

    @Test
    void aRemoveKeepsTheValueEntraSendsWithIt() {
        PatchRequest request = PatchRequest.parse(json("""
                {"Operations": [{"op": "Remove", "path": "emails", "value": [{"value": "a@example.com"}]}]}
                """));

        PatchOperation.Remove remove = (PatchOperation.Remove) request.operations().get(0);
        assertThat(remove.value()).contains(json("{\"v\": [{\"value\": \"a@example.com\"}]}").get("v").orElseThrow());
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("{}", ScimErrorType.INVALID_SYNTAX, "Operations"),
                Arguments.of("{\"Operations\": []}", ScimErrorType.INVALID_SYNTAX, "one or more"),
                Arguments.of("{\"Operations\": {\"op\": \"add\"}}", ScimErrorType.INVALID_SYNTAX, "array"),
                Arguments.of("{\"Operations\": [\"add\"]}", ScimErrorType.INVALID_SYNTAX, "Operation 1"),
                Arguments.of("{\"Operations\": [{\"path\": \"title\", \"value\": \"x\"}]}",
                        ScimErrorType.INVALID_SYNTAX, "no 'op'"),
                Arguments.of("{\"Operations\": [{\"op\": 1, \"value\": {}}]}", ScimErrorType.INVALID_SYNTAX, "'op'"),
                Arguments.of("{\"Operations\": [{\"op\": \"replace\", \"value\": {}}, {\"op\": \"move\","
                        + " \"path\": \"title\"}]}", ScimErrorType.INVALID_SYNTAX, "Operation 2 has the unknown op 'move'"),
                Arguments.of("{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + " \"Operations\": [{\"op\": \"replace\", \"value\": {}}]}", ScimErrorType.INVALID_SYNTAX,
                        "PatchOp"),
                Arguments.of("{\"schemas\": [42], \"Operations\": [{\"op\": \"replace\", \"value\": {}}]}",
                        ScimErrorType.INVALID_SYNTAX, "schemas"),
                Arguments.of("{\"Operations\": [{\"op\": \"remove\"}]}", ScimErrorType.NO_TARGET, "path"),
                Arguments.of("{\"Operations\": [{\"op\": \"remove\", \"path\": \"\"}]}", ScimErrorType.NO_TARGET,
                        "path"),
                Arguments.of("{\"Operations\": [{\"op\": \"add\", \"path\": \"title\"}]}",
                        ScimErrorType.INVALID_VALUE, "without a 'value'"),
                Arguments.of("{\"Operations\": [{\"op\": \"replace\"}]}", ScimErrorType.INVALID_VALUE,
                        "without a 'value'"),
                Arguments.of("{\"Operations\": [{\"op\": \"replace\", \"path\": 7, \"value\": \"x\"}]}",
                        ScimErrorType.INVALID_PATH, "not a string"),
                Arguments.of("{\"Operations\": [{\"op\": \"replace\", \"path\": \"emails[type eq\", \"value\": \"x\"}]}",
                        ScimErrorType.INVALID_PATH, "emails[type eq"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("malformedBodies")
    void malformedBodiesAreRefusedWithTheScimTypeOfRfc7644Section312(String body, ScimErrorType type,
                                                                     String mentioned) {
        assertThatThrownBy(() -> PatchRequest.parse(json(body)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(type);
                    assertThat(e.detail()).contains(mentioned);
                });
    }

    @Test
    void factoriesParseTheirPaths() {
        assertThat(PatchOperation.remove("name.givenName").path())
                .contains(new PatchPath(Optional.empty(), "name", Optional.empty(), Optional.of("givenName")));
    }
}
