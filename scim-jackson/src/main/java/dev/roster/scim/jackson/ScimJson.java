package dev.roster.scim.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
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
import dev.roster.scim.core.json.ReceivedJson;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimBoolean;
import dev.roster.scim.core.json.ScimNull;
import dev.roster.scim.core.json.ScimNumber;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON text and Jackson trees to and from the core's {@link ScimValue}. Reading is bounded ({@link JsonLimits}:
 * document size, nesting depth, string, name and number length, token count), duplicate names are refused, in any
 * case, and the tree is built through {@link ReceivedJson}, so it holds only what the core accepts. Every refusal is
 * a {@link ScimException}: {@code 400 invalidSyntax} with the line and column for malformed JSON,
 * {@code 400 invalidValue} for a number out of range — never a Jackson exception.
 *
 * <pre>{@code
 * ScimValue body = ScimJson.read(inputStream);
 * String text = ScimJson.write(resource);
 * }</pre>
 */
public final class ScimJson {

    private static final ObjectMapper REQUEST_MAPPER = mapper(JsonLimits.REQUESTS);
    private static final ObjectMapper STORED_DOCUMENT_MAPPER = mapper(JsonLimits.STORED_DOCUMENTS);

    private ScimJson() {
    }

    private static ObjectMapper mapper(StreamReadConstraints limits) {
        // Characters beyond the BMP as their UTF-8 bytes, not as escapes of their surrogates: what text written
        // to a String and then encoded gives, so that stored renderings and bytes written now agree (ADR 026).
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits)
                        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * Reads one JSON value a client sent, within the request bounds of {@link JsonLimits}.
     *
     * @param json the body, in UTF-8 as RFC 8259 §8.1 requires
     * @return the value
     * @throws ScimException {@code 400 invalidSyntax} when the text is empty, not well-formed JSON, followed by
     *         more text, beyond a bound or breaking a rule of {@link ReceivedJson}; {@code 400 invalidValue} for a
     *         number out of range
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ScimValue read(InputStream json) {
        return read(REQUEST_MAPPER, json);
    }

    /**
     * Reads one JSON value a client sent, from text; as {@link #read(InputStream)}.
     *
     * @param json the JSON text
     * @return the value
     * @throws ScimException as {@link #read(InputStream)}
     */
    public static ScimValue read(String json) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a JSON object a client sent, such as a User or a PATCH request; as {@link #read(InputStream)}.
     *
     * @param json the body, in UTF-8
     * @return the object
     * @throws ScimException as {@link #read(InputStream)}, and {@code 400 invalidSyntax} for a value that is not an
     *         object
     */
    public static ScimObject readObject(InputStream json) {
        return requireObject(read(json));
    }

    /**
     * Reads a JSON object a client sent, from text; as {@link #readObject(InputStream)}.
     *
     * @param json the JSON text
     * @return the object
     * @throws ScimException as {@link #readObject(InputStream)}
     */
    public static ScimObject readObject(String json) {
        return readObject(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a JSON object Roster wrote itself, such as a stored user document: the bounds on what the value tree
     * holds apply, the bounds on a request's size do not: a user may outgrow one request over many PATCHes.
     *
     * @param json the stored JSON text
     * @return the object
     * @throws ScimException as {@link #readObject(InputStream)}, which for a stored document means it is corrupt
     */
    public static ScimObject readStoredObject(String json) {
        return requireObject(readStored(json));
    }

    private static ScimValue read(ObjectMapper mapper, InputStream json) {
        return read(() -> mapper.getFactory().createParser(json));
    }

    private static ScimValue readStored(String json) {
        return read(() -> STORED_DOCUMENT_MAPPER.getFactory().createParser(json));
    }

    private static ScimValue read(ParserSource source) {
        try (JsonParser parser = source.open()) {
            return readOne(parser);
        } catch (NumberFormatException e) {
            // Jackson lexes the number first, so only an exponent beyond the int range ends up here.
            throw ScimNumber.outOfRange();
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    @FunctionalInterface
    private interface ParserSource {
        JsonParser open() throws IOException;
    }

    /**
     * The one value the text holds, built token by token into the core's tree: no Jackson tree in between, which
     * for a PATCH body or a stored document cost as much again as the core's tree (issue 12, ADR 042). The
     * parser's features and constraints are the mapper's, so the bounds, the duplicate check and the refusal of
     * trailing tokens are what {@code readTree} enforced.
     */
    private static ScimValue readOne(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw ScimException.invalidSyntax("The request body is empty; a JSON value was expected.");
        }
        ScimValue value = valueAt(parser, first);
        if (parser.nextToken() != null) {
            JsonLocation location = parser.currentTokenLocation();
            throw ScimException.invalidSyntax("The request body is not valid JSON at line " + location.getLineNr()
                    + ", column " + location.getColumnNr() + ": more follows its value; send one JSON value.");
        }
        return value;
    }

    /** The value that starts at the current token; nesting is bounded by the parser ({@link JsonLimits}). */
    private static ScimValue valueAt(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ReceivedJson.ObjectBuilder object = ReceivedJson.object();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    object.member(name, valueAt(parser, parser.nextToken()));
                }
                return object.build();
            }
            case START_ARRAY: {
                List<ScimValue> values = new ArrayList<>();
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY;
                        element = parser.nextToken()) {
                    values.add(valueAt(parser, element));
                }
                return new ScimArray(values);
            }
            case VALUE_STRING:
                return ReceivedJson.string(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return ScimValue.of(parser.getDecimalValue());
            case VALUE_TRUE:
                return ScimValue.of(true);
            case VALUE_FALSE:
                return ScimValue.of(false);
            case VALUE_NULL:
                return ScimValue.nullValue();
            default:
                // A parser of text yields no other token where a value starts (embedded objects are binary formats').
                throw ScimException.invalidSyntax("The request body is not valid JSON: unexpected " + token + ".");
        }
    }

    private static RuntimeException refusal(IOException failure) {
        if (failure instanceof StreamConstraintsException e) {
            return JsonLimits.refusal(e);
        }
        if (failure instanceof JsonProcessingException e) {
            return ScimException.invalidSyntax(describe(e));
        }
        if (failure instanceof CharConversionException e) {
            // Jackson guesses UTF-16 or UTF-32 from leading zero bytes (RFC 4627's old rule) and reports bytes that
            // then don't decode as an I/O error; they are a malformed body, not a failed read.
            return ScimException.invalidSyntax("The request body is not valid JSON text; send it as UTF-8: "
                    + e.getMessage());
        }
        return new UncheckedIOException(failure);
    }

    private static ScimObject requireObject(ScimValue value) {
        if (value instanceof ScimObject object) {
            return object;
        }
        throw ScimException.invalidSyntax("The request body must be a JSON object, not " + article(value) + ".");
    }

    /**
     * Writes a value as compact JSON text, members in the tree's order.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(ScimValue value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = REQUEST_MAPPER.getFactory().createGenerator(text)) {
            write(value, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    /**
     * Writes a value as compact JSON in UTF-8, for a response body: the bytes {@link #write(ScimValue)} encodes.
     *
     * @param value the value
     * @return the UTF-8 bytes of the JSON text
     */
    public static byte[] writeBytes(ScimValue value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = REQUEST_MAPPER.getFactory().createGenerator(bytes)) {
            write(value, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("a ByteArrayOutputStream does not fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A generator of compact JSON in UTF-8 onto the stream, configured as {@link #write(ScimValue)} writes; closing
     * it flushes and leaves the stream open.
     *
     * @param output where the JSON goes
     * @return a generator the caller closes
     * @throws IOException if Jackson cannot set the generator up
     */
    public static JsonGenerator generator(OutputStream output) throws IOException {
        return REQUEST_MAPPER.getFactory().createGenerator(output).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * Writes the value straight to the generator, with no Jackson tree in between: what {@link #write(ScimValue)}
     * writes, so that a response can stream values and stored text side by side.
     *
     * @param value the value
     * @param generator where it is written, left open
     * @throws IOException if the generator's output fails
     */
    public static void write(ScimValue value, JsonGenerator generator) throws IOException {
        try {
            value.accept(new GeneratorWriter(generator));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Numbers as {@link #toJackson} makes them: integral ones as integers, the rest as decimals. */
    private static final class GeneratorWriter implements ScimValue.Visitor<Void> {
        private final JsonGenerator generator;

        GeneratorWriter(JsonGenerator generator) {
            this.generator = generator;
        }

        @Override
        public Void visitObject(ScimObject object) {
            run(generator::writeStartObject);
            object.forEach((name, member) -> {
                run(() -> generator.writeFieldName(name));
                member.accept(this);
            });
            run(generator::writeEndObject);
            return null;
        }

        @Override
        public Void visitArray(ScimArray array) {
            run(generator::writeStartArray);
            array.values().forEach(element -> element.accept(this));
            run(generator::writeEndArray);
            return null;
        }

        @Override
        public Void visitString(ScimString string) {
            run(() -> generator.writeString(string.value()));
            return null;
        }

        @Override
        public Void visitNumber(ScimNumber number) {
            BigDecimal decimal = number.value();
            run(() -> {
                if (number.isIntegral()) {
                    generator.writeNumber(decimal.toBigIntegerExact());
                } else {
                    generator.writeNumber(decimal);
                }
            });
            return null;
        }

        @Override
        public Void visitBoolean(ScimBoolean bool) {
            run(() -> generator.writeBoolean(bool.value()));
            return null;
        }

        @Override
        public Void visitNull(ScimNull nothing) {
            run(generator::writeNull);
            return null;
        }

        private static void run(Write write) {
            try {
                write.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @FunctionalInterface
        private interface Write {
            void run() throws IOException;
        }
    }

    /**
     * A Jackson tree as the core's value tree, under the rules of {@link ReceivedJson}. The size bounds of
     * {@link JsonLimits} are the parser's: a tree built some other way is not held to them.
     *
     * @param node the tree; a missing node becomes JSON {@code null}
     * @return the value tree
     * @throws ScimException {@code 400 invalidSyntax} for an unpaired surrogate or a member name repeated in any
     *         case; {@code 400 invalidValue} for a number out of range
     */
    public static ScimValue fromJackson(JsonNode node) {
        if (node.isObject()) {
            ReceivedJson.ObjectBuilder object = ReceivedJson.object();
            node.fields().forEachRemaining(field -> object.member(field.getKey(), fromJackson(field.getValue())));
            return object.build();
        }
        if (node.isArray()) {
            List<ScimValue> values = new ArrayList<>(node.size());
            node.forEach(element -> values.add(fromJackson(element)));
            return new ScimArray(values);
        }
        if (node.isTextual()) {
            return ReceivedJson.string(node.textValue());
        }
        if (node.isBoolean()) {
            return ScimValue.of(node.booleanValue());
        }
        if (node.isNumber()) {
            return ScimValue.of(node.decimalValue());
        }
        if (node.isNull() || node.isMissingNode()) {
            return ScimValue.nullValue();
        }
        // Binary and POJO nodes never come out of parsing text.
        return ReceivedJson.string(node.asText());
    }

    /**
     * The core's value tree as a Jackson tree, for an adapter that writes through Jackson itself. Whole numbers
     * become integer nodes, so {@code 5} is written as {@code 5}, not {@code 5.0}.
     *
     * @param value the value tree
     * @return a new Jackson tree, which the caller may change
     */
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
