package dev.roster.scim.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.ScimArray;
import dev.roster.scim.core.model.ScimObject;
import dev.roster.scim.core.model.ScimValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

class ScimJsonTest {

    @Test
    void roundTripsEveryKindOfValue() {
        String json = "{\"userName\":\"ann\",\"active\":true,\"n\":42,\"d\":1.5,\"x\":null,"
                + "\"emails\":[{\"value\":\"a@b.c\",\"primary\":false}],\"big\":123456789012345678901234567890}";

        ScimValue value = ScimJson.read(json);

        assertThat(ScimJson.write(value)).isEqualTo(json);
        ScimObject object = (ScimObject) value;
        assertThat(object.getBoolean("active")).contains(true);
        assertThat(object.get("d")).contains(ScimValue.of(new BigDecimal("1.5")));
        assertThat(object.getArray("emails").map(ScimArray::size)).contains(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "[1,]", "{\"a\":1} trailing", "", "nul", "{\"a\":1,\"a\":2}"})
    void malformedJsonIsInvalidSyntax(String json) {
        assertThatThrownBy(() -> ScimJson.read(json))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_SYNTAX));
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> ScimJson.read(deep))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_SYNTAX);
                    assertThat(e.detail()).contains("nest");
                });
    }

    @Test
    void aBodyThatIsNotAnObjectIsInvalidSyntax() {
        assertThatThrownBy(() -> ScimJson.readObject("[1,2]"))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.detail()).contains("must be a JSON object, not an array"));
    }

    @Test
    void errorsNameTheLineAndColumn() {
        assertThatThrownBy(() -> ScimJson.read("{\n  \"a\": tru\n}"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail()).contains("line 2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e9999999", "-1E+100", "1E2147483647", "1E2147483648", "1e-9999999", "0.1e-99",
            "1E-2147483649"})
    void numbersWithAnExponentOutOfRangeAreInvalidValue(String number) {
        assertThatThrownBy(() -> ScimJson.read("{\"count\": " + number + "}"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("out of range");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+99", "-9.5e99", "-1e99", "1e-99", "0e999999", "123456789012345678901234567890"})
    void numbersWithinTheExponentRangeAreRead(String number) {
        ScimValue value = ScimJson.read(number);

        assertThat(ScimJson.read(ScimJson.write(value))).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"s\": \"\\ud800\"}", "{\"s\": \"\\udc00x\"}", "{\"s\": \"a\\ude00\\ud83d\"}",
            "[\"\\udbff\"]"})
    void anUnpairedSurrogateIsInvalidSyntax(String json) {
        assertThatThrownBy(() -> ScimJson.read(json))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_SYNTAX);
                    assertThat(e.detail()).contains("unpaired surrogate");
                });
    }

    @Test
    void aMemberNameWithAnUnpairedSurrogateIsInvalidSyntax() {
        // Jackson's parser refuses such names in JSON text itself; a tree built in code can still hold one.
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("\udc00", 1);

        assertThatThrownBy(() -> ScimJson.fromJackson(tree))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_SYNTAX));
    }

    /** Found by PatchBodyFuzzTest: Jackson takes leading zero bytes for UTF-32 and threw an I/O error on them. */
    @ParameterizedTest
    @ValueSource(strings = {"AP8AAAA0Lg==", "AAAAeyI=", "AAB7Ig==", "AAAAeyI6MX0+eyI="})
    void bytesThatAreNotUtf8JsonAreInvalidSyntax(String base64) {
        byte[] body = java.util.Base64.getDecoder().decode(base64);

        assertThatThrownBy(() -> ScimJson.read(new java.io.ByteArrayInputStream(body)))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_SYNTAX));
    }

    @Test
    void aSurrogatePairIsRead() {
        assertThat(ScimJson.read("\"\\ud83d\\ude00\"")).isEqualTo(ScimValue.of("\uD83D\uDE00"));
    }
}
