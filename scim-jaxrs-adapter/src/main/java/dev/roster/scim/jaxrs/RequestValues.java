package dev.roster.scim.jaxrs;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.port.in.ParameterValues;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads query parameters and members of small JSON request bodies (a SearchRequest, the admin API's bodies) the
 * same way everywhere: blank means absent, and a value of the wrong type is {@code 400 invalidValue} naming it. The
 * rules are the core's ({@link ParameterValues}); this is their JAX-RS face, where an absent parameter is null.
 */
public final class RequestValues {

    private RequestValues() {
    }

    /** A query parameter; null or blank is absent. */
    public static Optional<String> text(String parameter) {
        return ParameterValues.text(Optional.ofNullable(parameter));
    }

    /**
     * An integer query parameter. The core bounds the number from its text before converting it; a number that is
     * not whole or does not fit an {@code int} is {@code 400 invalidValue}.
     */
    public static OptionalInt integer(String name, String parameter) {
        return ParameterValues.integer(name, Optional.ofNullable(parameter));
    }

    /** A string member; absent, null or blank is absent. */
    public static Optional<String> text(ScimObject body, String name) {
        return ParameterValues.text(body, name);
    }

    public static String requiredText(ScimObject body, String name) {
        return text(body, name).orElseThrow(() -> ScimException.invalidValue("'" + name + "' is required."));
    }

    /** An integer member, bounded like an integer query parameter. */
    public static OptionalInt integer(ScimObject body, String name) {
        return ParameterValues.integer(body, name);
    }

    public static Optional<Boolean> bool(ScimObject body, String name) {
        return ParameterValues.bool(body, name);
    }
}
