package dev.roster.scim.core.json;

import dev.roster.scim.core.error.ScimException;

/**
 * What SCIM requires of JSON text a client sent, for the adapter that turns a JSON parser's output into the
 * {@link ScimValue} tree. Build strings and objects through here, and the tree holds only what the core accepts:
 * <ul>
 *   <li>strings and member names are Unicode text: a surrogate that is not half of a pair (an escaped U+D800 alone) has no
 *       UTF-8 form, so a store would keep something else than what was sent (RFC 8259 §8.2, RFC 7643 §2.3.1) —
 *       {@code 400 invalidSyntax};</li>
 *   <li>an object names each member once in any case: SCIM attribute names are case-insensitive (RFC 7643 §2.1),
 *       so {@code userName} and {@code USERNAME} in one object are the same attribute sent twice —
 *       {@code 400 invalidSyntax}, as an exact duplicate is;</li>
 *   <li>numbers are within {@link ScimNumber}'s bounds, which {@link ScimValue#of(java.math.BigDecimal)} checks —
 *       {@code 400 invalidValue}.</li>
 * </ul>
 *
 * <pre>{@code
 * ReceivedJson.ObjectBuilder user = ReceivedJson.object();
 * user.member("userName", ReceivedJson.string("ann"));
 * user.member("USERNAME", ReceivedJson.string("bob"));   // 400 invalidSyntax
 * }</pre>
 */
public final class ReceivedJson {

    private ReceivedJson() {
    }

    /**
     * A JSON string's value, checked to be Unicode text.
     *
     * @param value the string as the JSON parser decoded it
     * @return the string value
     * @throws ScimException {@code 400 invalidSyntax} if it holds an unpaired surrogate
     */
    public static ScimString string(String value) {
        requireUnicode(value, "A string");
        return ScimValue.of(value);
    }

    /**
     * An empty object to add a JSON object's members to, in order.
     *
     * @return a new builder, for one object
     */
    public static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    private static void requireUnicode(String text, String what) {
        ScimString.unpairedSurrogate(text).ifPresent(at -> {
            throw ScimException.invalidSyntax(String.format("%s in the JSON holds an unpaired surrogate, \\u%04x,"
                    + " at index %d; JSON text must be Unicode: a character beyond U+FFFF is escaped as a"
                    + " surrogate pair, such as \\ud83d\\ude00.", what, (int) text.charAt(at), at));
        });
    }

    /** The members of one JSON object, refusing a name that an earlier member has in any case. */
    public static final class ObjectBuilder {
        private final ScimObject.Builder members = ScimObject.builder();

        private ObjectBuilder() {
        }

        /**
         * Adds a member after the earlier ones.
         *
         * @param name  the member's name as the JSON parser decoded it
         * @param value the member's value, itself built through {@link ReceivedJson}
         * @return this builder
         * @throws ScimException {@code 400 invalidSyntax} if the name holds an unpaired surrogate or repeats an
         *         earlier member's name in any case
         */
        public ObjectBuilder member(String name, ScimValue value) {
            requireUnicode(name, "A member name");
            members.putIfNew(name, value).ifPresent(earlier -> {
                throw ScimException.invalidSyntax(earlier.equals(name)
                        ? "The JSON object names \"" + name + "\" twice; send each attribute once."
                        : "The JSON object has both \"" + earlier + "\" and \"" + name + "\"; SCIM attribute names"
                        + " are case-insensitive (RFC 7643 §2.1), so they are the same attribute: send it once.");
            });
            return this;
        }

        /**
         * The object of the members added so far, in order.
         *
         * @return the object
         */
        public ScimObject build() {
            return members.build();
        }
    }
}
