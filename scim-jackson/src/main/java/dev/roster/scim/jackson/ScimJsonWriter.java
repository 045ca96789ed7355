package dev.roster.scim.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.roster.scim.core.json.ScimValue;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams one JSON document onto an output stream, as {@link ScimJson#write(ScimValue)} writes values, so that an
 * adapter writes a large response member by member without building its tree, and without Jackson's types. It can
 * copy JSON text kept elsewhere (a stored rendering, ADR 026) raw, which the caller vouches for. Closing it flushes
 * and leaves the stream open. The calls must make one well-formed document (each start ended, members only inside an
 * object), as with Jackson's generator underneath. Not thread-safe: one writer per response.
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

    /**
     * A writer of compact UTF-8 JSON onto the stream.
     *
     * @param output where the document goes; left open on {@link #close()}
     * @return the writer, which the caller closes
     * @throws IOException if Jackson cannot set the generator up
     */
    public static ScimJsonWriter on(OutputStream output) throws IOException {
        return new ScimJsonWriter(ScimJson.generator(output));
    }

    /**
     * Starts an object: the document, or a value inside an array.
     *
     * @throws IOException if the output stream fails
     */
    public void startObject() throws IOException {
        generator.writeStartObject();
    }

    /**
     * Ends the object started last.
     *
     * @throws IOException if the output stream fails
     */
    public void endObject() throws IOException {
        generator.writeEndObject();
    }

    /**
     * A member whose value is an array: the name, then the array's start.
     *
     * @param name the member's name
     * @throws IOException if the output stream fails
     */
    public void startArrayField(String name) throws IOException {
        generator.writeArrayFieldStart(name);
    }

    /**
     * Ends the array started last.
     *
     * @throws IOException if the output stream fails
     */
    public void endArray() throws IOException {
        generator.writeEndArray();
    }

    /**
     * A member whose value is a string.
     *
     * @param name  the member's name
     * @param value the string, escaped as JSON needs
     * @throws IOException if the output stream fails
     */
    public void stringField(String name, String value) throws IOException {
        generator.writeStringField(name, value);
    }

    /**
     * A member whose value is an integer.
     *
     * @param name  the member's name
     * @param value the integer
     * @throws IOException if the output stream fails
     */
    public void numberField(String name, long value) throws IOException {
        generator.writeNumberField(name, value);
    }

    /**
     * A value, as {@link ScimJson#write(ScimValue)} writes it: an array element, or after a member's name.
     *
     * @param value the value
     * @throws IOException if the output stream fails
     */
    public void value(ScimValue value) throws IOException {
        ScimJson.write(value, generator);
    }

    /**
     * Flushes what is written; the stream stays open.
     *
     * @throws IOException if the output stream fails
     */
    @Override
    public void close() throws IOException {
        generator.close();
    }
}
