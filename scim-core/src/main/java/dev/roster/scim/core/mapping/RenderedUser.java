package dev.roster.scim.core.mapping;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A user's SCIM representation as a store kept it at the user's last write: the compact JSON text of
 * {@link UserResources#defaultRepresentation}, which the core cannot write itself (it knows no JSON text). The
 * text ends with the {@code meta} object, and {@code meta} with {@code version}: the adapter that serves it adds
 * {@code meta.location}, the one request-dependent member, right before the last two closing braces.
 *
 * <p>The text is held as UTF-8, the encoding both the databases and the HTTP response use, so that a page goes from
 * the store's bytes to the response's without being decoded and encoded again (ADR 035).
 *
 * <pre>{@code
 * RenderedUser ann = new RenderedUser("2819c223", "{\"schemas\":[…],\"id\":\"2819c223\",…,\"meta\":{…}}");
 * ann.writeUtf8(out, ann.utf8Length() - 2); // all but the closing braces of meta and of the user
 * }</pre>
 */
public final class RenderedUser {

    private final String id;
    private final byte[] utf8;

    /**
     * A rendering from its text.
     *
     * @param id   the user's id, for {@code meta.location}
     * @param json the representation: a JSON object whose last member is {@code meta}, itself a JSON object
     * @throws NullPointerException     for a null argument
     * @throws IllegalArgumentException for a text that does not end with <code>}}</code>: no {@code meta} object last
     */
    public RenderedUser(String id, String json) {
        this(id, Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
    }

    private RenderedUser(String id, byte[] utf8) {
        Objects.requireNonNull(id, "id");
        int length = utf8.length;
        if (length < 2 || utf8[length - 2] != '}' || utf8[length - 1] != '}') {
            throw new IllegalArgumentException("A rendered user ends with its meta object");
        }
        this.id = id;
        this.utf8 = utf8;
    }

    /**
     * A rendering from its UTF-8 text as a store read it. The array is taken, not copied: the caller hands it over
     * and must not change it afterwards.
     *
     * @param id   the user's id, for {@code meta.location}
     * @param utf8 the representation as UTF-8: a JSON object whose last member is {@code meta}, itself an object
     * @return the rendering
     * @throws NullPointerException     for a null argument
     * @throws IllegalArgumentException for a text that does not end with <code>}}</code>: no {@code meta} object last
     */
    public static RenderedUser ofUtf8(String id, byte[] utf8) {
        return new RenderedUser(id, Objects.requireNonNull(utf8, "utf8"));
    }

    /**
     * The user's id.
     *
     * @return the id, for {@code meta.location}
     */
    public String id() {
        return id;
    }

    /**
     * The representation as text, decoded anew at each call: for tests and callers off the hot path.
     *
     * @return the JSON text
     */
    public String json() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * How long the representation is in UTF-8.
     *
     * @return its length in bytes
     */
    public int utf8Length() {
        return utf8.length;
    }

    /**
     * Writes the first {@code length} bytes of the UTF-8 representation.
     *
     * @param out    where they go
     * @param length how many bytes, at most {@link #utf8Length()}
     * @throws IOException               if {@code out} fails
     * @throws IndexOutOfBoundsException for a length outside 0 … {@link #utf8Length()}
     */
    public void writeUtf8(OutputStream out, int length) throws IOException {
        Objects.checkFromIndexSize(0, length, utf8.length);
        out.write(utf8, 0, length);
    }

    /**
     * Equal when the ids and the texts are.
     *
     * @param other the object to compare with
     * @return whether {@code other} is the same rendering of the same user
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedUser that && id.equals(that.id) && Arrays.equals(utf8, that.utf8);
    }

    /**
     * A hash of the id and the text.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(utf8);
    }

    /**
     * The id and the text, for diagnostics.
     *
     * @return {@code RenderedUser[id=…, json=…]}
     */
    @Override
    public String toString() {
        return "RenderedUser[id=" + id + ", json=" + json() + "]";
    }
}
