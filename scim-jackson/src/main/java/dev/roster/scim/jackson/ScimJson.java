package dev.roster.scim.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.ScimArray;
import dev.roster.scim.core.model.ScimBoolean;
import dev.roster.scim.core.model.ScimNull;
import dev.roster.scim.core.model.ScimNumber;
import dev.roster.scim.core.model.ScimObject;
import dev.roster.scim.core.model.ScimString;
import dev.roster.scim.core.model.ScimValue;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text and Jackson trees to and from the core's {@link ScimValue}. Reading is bounded (nesting depth, string
 * and number length, number exponent; duplicate keys and unpaired surrogates refused) and every malformed input
 * becomes a {@code 400} ({@code invalidSyntax}, {@code invalidValue} for a number out of range) with the line and
 * column where Jackson knows them, never a Jackson exception.
 *
 * <pre>{@code
 * ScimValue body = ScimJson.read(inputStream);
 * String text = ScimJson.write(resource);
 * }</pre>
 */
public final class ScimJson {

    /** Deeper JSON than this is refused: no SCIM resource nests beyond a handful of levels. */
    public static final int MAX_NESTING_DEPTH = 32;

    /** Longest number text read, in digits; {@link #MAX_NUMBER_EXPONENT} keeps what is written back within it. */
    public static final int MAX_NUMBER_LENGTH = 100;

    /**
     * Largest decimal exponent a number may have, either way. A hundred characters can write {@code 1e999999999},
     * whose digits alone would take a gigabyte when the number is written back as an integer or compared as one;
     * with this bound an integer writes back in at most {@link #MAX_NUMBER_LENGTH} digits, which reads again.
     */
    public static final int MAX_NUMBER_EXPONENT = MAX_NUMBER_LENGTH - 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(1 << 20)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ScimJson() {
    }

    /** Reads one JSON value; {@code ScimException.invalidSyntax} when it is not well-formed JSON. */
    public static ScimValue read(InputStream json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw ScimException.invalidSyntax("The request body is empty; a JSON value was expected.");
            }
            return fromJackson(node);
        } catch (StreamConstraintsException e) {
            throw ScimException.invalidSyntax("The JSON is too deeply nested or too long: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ScimException.invalidSyntax(describe(e));
        } catch (NumberFormatException e) {
            // Jackson's own conversion refuses an exponent past int's range, and says so with this exception.
            throw numberOutOfRange();
        } catch (CharConversionException e) {
            // Jackson guesses UTF-16 or UTF-32 from leading zero bytes (RFC 4627's old rule) and reports bytes that
            // then don't decode as an I/O error; they are a malformed body, not a failed read.
            throw ScimException.invalidSyntax("The request body is not valid JSON text; send it as UTF-8: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScimValue read(String json) {
        return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Reads a JSON object; {@code invalidSyntax} for anything else. */
    public static ScimObject readObject(InputStream json) {
        ScimValue value = read(json);
        if (value instanceof ScimObject object) {
            return object;
        }
        throw ScimException.invalidSyntax("The request body must be a JSON object, not " + article(value) + ".");
    }

    public static ScimObject readObject(String json) {
        return readObject(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static String write(ScimValue value) {
        try {
            return MAPPER.writeValueAsString(toJackson(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ScimValue tree always serialises", e);
        }
    }

    public static byte[] writeBytes(ScimValue value) {
        try {
            return MAPPER.writeValueAsBytes(toJackson(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ScimValue tree always serialises", e);
        }
    }

    public static ScimValue fromJackson(JsonNode node) {
        if (node.isObject()) {
            Map<String, ScimValue> members = new LinkedHashMap<>();
            node.fields().forEachRemaining(field ->
                    members.put(unicode(field.getKey()), fromJackson(field.getValue())));
            return new ScimObject(members);
        }
        if (node.isArray()) {
            List<ScimValue> values = new ArrayList<>(node.size());
            node.forEach(element -> values.add(fromJackson(element)));
            return new ScimArray(values);
        }
        if (node.isTextual()) {
            return ScimValue.of(unicode(node.textValue()));
        }
        if (node.isBoolean()) {
            return ScimValue.of(node.booleanValue());
        }
        if (node.isNumber()) {
            return ScimValue.of(bounded(node.decimalValue()));
        }
        if (node.isNull() || node.isMissingNode()) {
            return ScimValue.nullValue();
        }
        // Binary and POJO nodes never come out of parsing text.
        return ScimValue.of(node.asText());
    }

    public static JsonNode toJackson(ScimValue value) {
        return value.accept(new ScimValue.Visitor<JsonNode>() {
            @Override
            public JsonNode visitObject(ScimObject object) {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                object.forEach((name, member) -> node.set(name, toJackson(member)));
                return node;
            }

            @Override
            public JsonNode visitArray(ScimArray array) {
                ArrayNode node = JsonNodeFactory.instance.arrayNode(array.size());
                array.values().forEach(element -> node.add(toJackson(element)));
                return node;
            }

            @Override
            public JsonNode visitString(ScimString string) {
                return JsonNodeFactory.instance.textNode(string.value());
            }

            @Override
            public JsonNode visitNumber(ScimNumber number) {
                BigDecimal decimal = number.value();
                if (number.isIntegral()) {
                    return JsonNodeFactory.instance.numberNode(decimal.toBigIntegerExact());
                }
                return JsonNodeFactory.instance.numberNode(decimal);
            }

            @Override
            public JsonNode visitBoolean(ScimBoolean bool) {
                return JsonNodeFactory.instance.booleanNode(bool.value());
            }

            @Override
            public JsonNode visitNull(ScimNull nothing) {
                return JsonNodeFactory.instance.nullNode();
            }
        });
    }

    /**
     * A JSON escape such as {@code "\\ud800"} can write half of a surrogate pair, which is not Unicode text and has
     * no UTF-8 form, so it would be stored and answered as {@code ?}, a different string from the one received.
     */
    private static String unicode(String text) {
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            throw ScimException.invalidSyntax("The request body holds a string with an unpaired surrogate (a \\u"
                    + "d800-\\udfff escape that is not half of a pair); write a character beyond U+FFFF as a pair,"
                    + " e.g. \\ud83d\\ude00.");
        }
        return text;
    }

    private static BigDecimal bounded(BigDecimal number) {
        // The exponent of the leading digit, computed in long: precision - scale overflows int at the extremes.
        long exponent = (long) number.precision() - number.scale() - 1;
        if (number.signum() != 0 && Math.abs(exponent) > MAX_NUMBER_EXPONENT) {
            throw numberOutOfRange();
        }
        return number;
    }

    private static ScimException numberOutOfRange() {
        return ScimException.invalidValue("A number in the request body is out of range: its decimal exponent must"
                + " lie between -" + MAX_NUMBER_EXPONENT + " and " + MAX_NUMBER_EXPONENT + ".");
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String what = e.getOriginalMessage();
        // Jackson's messages can quote parser internals; keep the first sentence, which says what was wrong.
        int cut = what.indexOf('\n');
        if (cut > 0) {
            what = what.substring(0, cut);
        }
        return "The request body is not valid JSON" + where + ": " + what;
    }

    private static String article(ScimValue value) {
        String type = value.jsonType();
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }

}
