package dev.roster.scim.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.roster.scim.core.json.ScimValue;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams one JSON document onto an output stream, as {@link ScimJson#write(ScimValue)} writes values, so that an
 * adapter writes a large response member by member without building its tree, and without Jackson's types. It can
 * copy JSON text kept elsewhere (a stored rendering, ADR 026) raw, which the caller vouches for. Closing it flushes
 * and leaves the stream open.
 *
 * <pre>{@code
 * try (ScimJsonWriter json = ScimJsonWriter.on(out)) {
 *     json.startObject();
 *     json.numberField("totalResults", 3);
 *     json.endObject();
 * }
 * }</pre>
 */
public final class ScimJsonWriter implements AutoCloseable {

    private final JsonGenerator generator;

    private ScimJsonWriter(JsonGenerator generator) {
        this.generator = generator;
    }

    public static ScimJsonWriter on(OutputStream output) throws IOException {
        return new ScimJsonWriter(ScimJson.generator(output));
    }

    public void startObject() throws IOException {
        generator.writeStartObject();
    }

    public void endObject() throws IOException {
        generator.writeEndObject();
    }

    /** A member whose value is an array: the name, then the array's start. */
    public void startArrayField(String name) throws IOException {
        generator.writeArrayFieldStart(name);
    }

    public void endArray() throws IOException {
        generator.writeEndArray();
    }

    public void stringField(String name, String value) throws IOException {
        generator.writeStringField(name, value);
    }

    public void numberField(String name, long value) throws IOException {
        generator.writeNumberField(name, value);
    }

    public void value(ScimValue value) throws IOException {
        ScimJson.write(value, generator);
    }

    /**
     * An object value from JSON text that ends with a nested object (like a rendering's {@code meta}), with one more
     * member added at the end of that nested object: {@code memberJson} is the member as JSON text, comma first
     * ({@code ,"location":"…"}). Neither text is checked.
     */
    public void objectWithLastMember(String objectJson, String memberJson) throws IOException {
        generator.writeRawValue(objectJson, 0, objectJson.length() - 2);
        generator.writeRaw(memberJson);
        generator.writeRaw("}}");
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
