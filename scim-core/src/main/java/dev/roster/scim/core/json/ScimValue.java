package dev.roster.scim.core.json;

import java.math.BigDecimal;

/**
 * An immutable JSON value as SCIM sees it (RFC 7643 §2.3): the core's own tree, so that it needs no JSON library.
 * Adapters convert their JSON library's tree to and from it at the edge.
 *
 * <pre>{@code
 * ScimObject user = ScimObject.builder()
 *     .put("userName", ScimValue.of("ann"))
 *     .put("active", ScimValue.of(true))
 *     .build();
 * }</pre>
 */
public sealed interface ScimValue permits ScimObject, ScimArray, ScimString, ScimNumber, ScimBoolean, ScimNull {

    /**
     * Calls the visitor's method for this kind of value: the exhaustive alternative to a {@code switch} over the
     * sealed hierarchy, which Java 17 has only as a preview.
     *
     * @param visitor what to do with each kind of value
     * @param <R>     what the visitor answers
     * @return the visitor's answer for this value
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of value, so that a new kind breaks every switch over the tree at compile time.
     *
     * @param <R> what each method answers
     */
    interface Visitor<R> {
        /**
         * Visits a JSON object.
         *
         * @param value the object
         * @return the answer for it
         */
        R visitObject(ScimObject value);

        /**
         * Visits a JSON array.
         *
         * @param value the array
         * @return the answer for it
         */
        R visitArray(ScimArray value);

        /**
         * Visits a JSON string.
         *
         * @param value the string
         * @return the answer for it
         */
        R visitString(ScimString value);

        /**
         * Visits a JSON number.
         *
         * @param value the number
         * @return the answer for it
         */
        R visitNumber(ScimNumber value);

        /**
         * Visits a JSON boolean.
         *
         * @param value the boolean
         * @return the answer for it
         */
        R visitBoolean(ScimBoolean value);

        /**
         * Visits JSON {@code null}.
         *
         * @param value the null value, always {@link ScimNull#INSTANCE} unless built by hand
         * @return the answer for it
         */
        R visitNull(ScimNull value);
    }

    /**
     * A string value. It does not check for unpaired surrogates: text a client sent goes through
     * {@link ReceivedJson#string} instead.
     *
     * @param value the text
     * @return the string value
     * @throws NullPointerException if {@code value} is null
     */
    static ScimString of(String value) {
        return new ScimString(value);
    }

    /**
     * A boolean value.
     *
     * @param value the boolean
     * @return {@link ScimBoolean#TRUE} or {@link ScimBoolean#FALSE}
     */
    static ScimBoolean of(boolean value) {
        return value ? ScimBoolean.TRUE : ScimBoolean.FALSE;
    }

    /**
     * A whole number.
     *
     * @param value the number; every {@code long} is within {@link ScimNumber}'s bounds
     * @return the number value
     */
    static ScimNumber of(long value) {
        return new ScimNumber(BigDecimal.valueOf(value));
    }

    /**
     * A decimal number, normalised as {@link ScimNumber} describes.
     *
     * @param value the number
     * @return the number value
     * @throws dev.roster.scim.core.error.ScimException {@code 400 invalidValue} if it is outside
     *         {@link ScimNumber}'s bounds
     */
    static ScimNumber of(BigDecimal value) {
        return new ScimNumber(value);
    }

    /**
     * JSON {@code null}.
     *
     * @return {@link ScimNull#INSTANCE}
     */
    static ScimNull nullValue() {
        return ScimNull.INSTANCE;
    }

    /**
     * Whether this is JSON {@code null}, which SCIM treats like an absent attribute (RFC 7643 §2.5).
     *
     * @return true for {@link ScimNull} only
     */
    default boolean isNull() {
        return false;
    }

    /**
     * The JSON type's name, for error messages.
     *
     * @return one of "object", "array", "string", "number", "boolean", "null"
     */
    String jsonType();
}
