package dev.roster.scim.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;

class ScimJsonTest {

    /**
     * The streaming writer gives the text that serialising the Jackson tree gave before it, and as bytes its UTF-8
     * encoding, characters beyond the BMP included (not as escaped surrogates), so that stored text and bytes
     * written now agree (ADR 026).
     */
    @Test
    void writesWhatTheJacksonTreeSerialises() throws Exception {
        String json = "{\"s\":\"q\\\" b\\\\ c\\u0001 \\u2028 \u00e9 \ud83d\ude00 </\",\"n\":-42,\"d\":1.50,"
                + "\"e\":1E+3,\"x\":null,\"t\":true,\"a\":[[],{},[1,{\"k\":\"v\"}]],"
                + "\"big\":123456789012345678901234567890,\"small\":0.000000001}";
        ScimValue value = ScimJson.read(json);
        String viaTree = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(ScimJson.toJackson(value));

        assertThat(ScimJson.write(value)).isEqualTo(viaTree);
        assertThat(ScimJson.writeBytes(value)).isEqualTo(viaTree.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Reading streams tokens into the core's tree (ADR 042); the tree is the one Jackson's own tree turned into
     * before: every kind of value, numbers in every notation, escapes, characters beyond the BMP, nesting, order.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                    + "\"path\":\"active\",\"value\":false}]}",
            "{\"s\":\"q\\\" \\u00e9 \ud83d\ude00\",\"n\":-42,\"d\":1.50,\"e\":1E+3,\"z\":-0.0,\"x\":null,"
                    + "\"t\":true,\"f\":false,\"a\":[[],{},[1,{\"k\":\"v\"}]],\"big\":123456789012345678901234567890}",
            "[1, 2.5e-3, \"x\", null]", "\"text\"", "0", "  true  ", "{}", "[]"})
    void readsTheTreeJacksonsOwnTreeGave(String json) throws Exception {
        ScimValue viaTree = ScimJson.fromJackson(new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(json));

        assertThat(ScimJson.read(json)).isEqualTo(viaTree);
        assertThat(ScimJson.write(ScimJson.read(json))).isEqualTo(ScimJson.write(viaTree));
    }

    @Test
    void aStoredDocumentReadsAsARequestBodyDoes() {
        String json = "{\"name\":{\"givenName\":\"\u00c5sa\"},\"emails\":[{\"value\":\"a@b.c\",\"primary\":true}],"
                + "\"otherAttributes\":{\"urn:x:1\":{\"n\":12.50}}}";

        assertThat(ScimJson.readStoredObject(json)).isEqualTo(ScimJson.readObject(json));
        assertThatThrownBy(() -> ScimJson.readStoredObject(json + " {}"))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.detail()).contains("line 1").contains("more follows its value"));
    }

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
    void requestsNestThirtyTwoLevelsDeepAndNoDeeper() {
        String deepest = "[".repeat(32) + "]".repeat(32);
        assertThat(ScimJson.read(deepest)).isInstanceOf(ScimArray.class);
        String objects = "{\"a\":".repeat(31) + "{}" + "}".repeat(31);
        assertThat(ScimJson.read(objects)).isInstanceOf(ScimObject.class);

        assertRefused(() -> ScimJson.read("[" + deepest + "]"), ScimErrorType.INVALID_SYNTAX,
                "nests deeper than 32 levels");
        assertRefused(() -> ScimJson.read("{\"a\":" + objects + "}"), ScimErrorType.INVALID_SYNTAX,
                "nests deeper than 32 levels");
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
    @ValueSource(strings = {"1e9999999", "-1e999999999", "1e-9999999", "1e99999999999", "1e309",
            "12345678901234567890123456789012345"})
    @Timeout(10)
    void aNumberOutOfRangeIsInvalidValueAtOnce(String number) {
        assertRefused(() -> ScimJson.read("{\"count\":" + number + "}"), ScimErrorType.INVALID_VALUE,
                "out of range");
        assertRefused(() -> ScimJson.read("{\"Operations\":[{\"value\":{\"x\":[" + number + "]}}]}"),
                ScimErrorType.INVALID_VALUE, "out of range");
    }

    @Test
    void aNumberWrittenWithTooManyCharactersIsInvalidValue() {
        assertRefused(() -> ScimJson.read("[" + "9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "]"),
                ScimErrorType.INVALID_VALUE, "out of range");
        assertRefused(() -> ScimJson.read("[0." + "1".repeat(JsonLimits.MAX_NUMBER_LENGTH) + "]"),
                ScimErrorType.INVALID_VALUE, "out of range");
    }

    /**
     * The number of digits is the bound, not the value: one written with 399 zeros after the point is still one.
     * Jackson counts the digits of the integer part, the fraction and the exponent, not the point or the signs.
     */
    @Test
    void numbersAreReadUpToFourHundredDigitsWhateverTheirValue() {
        String longest = "1." + "0".repeat(399);
        assertThat(ScimJson.read("[" + longest + "]")).isEqualTo(ScimJson.read("[1]"));
        assertThat(ScimJson.read("[-1." + "0".repeat(398) + "e0]"))
                .isEqualTo(ScimJson.read("[-1]"));

        assertRefused(() -> ScimJson.read("[" + longest + "0]"), ScimErrorType.INVALID_VALUE, "out of range");
        assertRefused(() -> ScimJson.read("{\"count\":" + longest + "e0}"), ScimErrorType.INVALID_VALUE,
                "out of range");
    }

    @Test
    void numbersAtTheEdgesOfTheRangeRoundTrip() {
        ScimValue numbers = ScimJson.read("[1e308,-1e-308,9223372036854775807,1234567890123456789012345678901234]");

        assertThat(ScimJson.read(ScimJson.write(numbers))).isEqualTo(numbers);
        assertThat(ScimJson.write(ScimJson.read("[1e2]"))).isEqualTo("[100]");
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

    @Test
    void stringsNamesAndTokensAreBounded() {
        String longest = "x".repeat(JsonLimits.MAX_STRING_LENGTH);
        assertThat(ScimJson.readObject("{\"a\":\"" + longest + "\"}").getString("a")).contains(longest);
        assertRefused(() -> ScimJson.read("{\"a\":\"" + longest + "x\"}"), ScimErrorType.INVALID_SYNTAX,
                "string longer than 65536");

        String longestName = "n".repeat(JsonLimits.MAX_NAME_LENGTH);
        assertThat(ScimJson.readObject("{\"" + longestName + "\":1}").has(longestName)).isTrue();
        assertRefused(() -> ScimJson.read("{\"" + longestName + "n\":1}"), ScimErrorType.INVALID_SYNTAX,
                "member name longer than 256");

        // "[" and "]" are tokens too.
        String mostTokens = "[" + "0,".repeat((int) JsonLimits.MAX_TOKEN_COUNT - 3) + "0]";
        assertThat(ScimJson.read(mostTokens)).isInstanceOf(ScimArray.class);
        assertRefused(() -> ScimJson.read("[0," + mostTokens.substring(1)), ScimErrorType.INVALID_SYNTAX,
                "more than 200000 tokens");
    }

    @Test
    void aDocumentOfExactlyOneMebibyteIsRead() {
        String padding = " ".repeat((1 << 20) - 2);

        assertThat(ScimJson.read(new ByteArrayInputStream(("{" + padding + "}").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)))).isEqualTo(ScimObject.builder().build());
    }

    @Test
    void aDocumentOverOneMebibyteIsRefusedWhileReading() {
        String padding = " ".repeat(JsonLimits.MAX_DOCUMENT_BYTES - 1);

        assertRefused(() -> ScimJson.read("{" + padding + "}"), ScimErrorType.INVALID_SYNTAX,
                "longer than 1048576 bytes");
    }

    @Test
    void storedDocumentsMayOutgrowARequest() {
        String longString = "x".repeat(JsonLimits.MAX_STRING_LENGTH * 4);
        StringBuilder many = new StringBuilder("{\"long\":\"" + longString + "\",\"values\":[");
        for (int i = 0; i < JsonLimits.MAX_TOKEN_COUNT; i++) {
            many.append(i == 0 ? "" : ",").append("{\"value\":\"v").append(i).append("\"}");
        }
        String stored = many.append("]}").toString();
        assertThat(stored.length()).isGreaterThan(JsonLimits.MAX_DOCUMENT_BYTES);

        ScimObject document = ScimJson.readStoredObject(stored);

        assertThat(document.getString("long")).contains(longString);
        assertThat(document.getArray("values").map(ScimArray::size)).contains((int) JsonLimits.MAX_TOKEN_COUNT);
        assertRefused(() -> ScimJson.readStoredObject("[" + "[".repeat(JsonLimits.MAX_NESTING_DEPTH) + "]"
                .repeat(JsonLimits.MAX_NESTING_DEPTH) + "]"), ScimErrorType.INVALID_SYNTAX, "nests deeper");
    }

    @Test
    @Timeout(30)
    void anObjectOfNinetyThousandMembersIsReadInLinearTime() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 90_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":0");
        }
        assertThat(json.length()).isLessThan(JsonLimits.MAX_DOCUMENT_BYTES);

        assertThat(ScimJson.readObject(json.append("}").toString()).size()).isEqualTo(90_000);
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

    private static void assertRefused(Runnable read, ScimErrorType type, String detail) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.detail()).contains(detail);
        });
    }
}
