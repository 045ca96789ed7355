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

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of value, so that a new kind breaks every switch over the tree at compile time. */
    interface Visitor<R> {
        R visitObject(ScimObject value);

        R visitArray(ScimArray value);

        R visitString(ScimString value);

        R visitNumber(ScimNumber value);

        R visitBoolean(ScimBoolean value);

        R visitNull(ScimNull value);
    }

    static ScimString of(String value) {
        return new ScimString(value);
    }

    static ScimBoolean of(boolean value) {
        return value ? ScimBoolean.TRUE : ScimBoolean.FALSE;
    }

    static ScimNumber of(long value) {
        return new ScimNumber(BigDecimal.valueOf(value));
    }

    static ScimNumber of(BigDecimal value) {
        return new ScimNumber(value);
    }

    static ScimNull nullValue() {
        return ScimNull.INSTANCE;
    }

    /** JSON {@code null}; SCIM treats it like an absent attribute (RFC 7643 §2.5). */
    default boolean isNull() {
        return false;
    }

    /** The JSON type's name, for error messages: "object", "array", "string", "number", "boolean", "null". */
    String jsonType();
}
