package dev.roster.scim.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.ScimArray;
import dev.roster.scim.core.model.ScimObject;
import dev.roster.scim.core.model.ScimValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
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
    @ValueSource(strings = {"\\ud800", "\\udbff", "\\udc00", "\\ude00\\ud83d", "x\\ud83d"})
    void aStringWithAnEscapedLoneSurrogateIsInvalidSyntax(String escape) {
        assertRefused(() -> ScimJson.read("{\"userName\":\"" + escape + "\"}"), ScimErrorType.INVALID_SYNTAX,
                "unpaired surrogate");
        // Jackson itself refuses a broken pair in a member name, in its own words.
        assertRefused(() -> ScimJson.read("{\"a" + escape + "\":1}"), ScimErrorType.INVALID_SYNTAX, "surrogate");
        assertRefused(() -> ScimJson.read("[[\"" + escape + "\"]]"), ScimErrorType.INVALID_SYNTAX,
                "unpaired surrogate");
    }

    @Test
    void aSurrogateEncodedAsUtf8BytesIsInvalidSyntax() {
        byte[] cesu = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};

        assertRefused(() -> ScimJson.read(new ByteArrayInputStream(cesu)), ScimErrorType.INVALID_SYNTAX, "UTF-8");
    }

    @Test
    void anEscapedSurrogatePairIsOneCharacter() {
        ScimObject user = ScimJson.readObject("{\"userName\":\"\\ud83d\\ude00\"}");

        assertThat(user.getString("userName")).contains("😀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"userName\":\"a\",\"USERNAME\":\"b\"}",
            "{\"name\":{\"givenName\":\"a\",\"GivenName\":\"b\"}}",
            "{\"Operations\":[{\"op\":\"add\",\"OP\":\"remove\"}]}",
            "{\"filter\":\"x\",\"Filter\":\"y\"}"})
    void membersThatDifferOnlyInCaseAreInvalidSyntax(String json) {
        assertRefused(() -> ScimJson.read(json), ScimErrorType.INVALID_SYNTAX, "case-insensitive");
    }

    private static void assertRefused(Runnable read, ScimErrorType type, String detail) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.detail()).contains(detail);
        });
    }
}
