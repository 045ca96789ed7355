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

    /**
     * A query parameter's text.
     *
     * @param parameter the parameter as JAX-RS injects it; null when the request has none
     * @return the text, unchanged; empty when null or blank
     */
    public static Optional<String> text(String parameter) {
        return ParameterValues.text(Optional.ofNullable(parameter));
    }

    /**
     * An integer query parameter. The core bounds the number from its text before converting it; a number that is
     * not whole or does not fit an {@code int} is {@code 400 invalidValue}.
     *
     * @param name      the parameter's name, for the detail, such as {@code "count"}
     * @param parameter the parameter as JAX-RS injects it; null when the request has none
     * @return the integer; empty when null or blank
     * @throws ScimException {@code 400 invalidValue} when the text is not a whole number within the {@code int}
     *         range
     */
    public static OptionalInt integer(String name, String parameter) {
        return ParameterValues.integer(name, Optional.ofNullable(parameter));
    }

    /**
     * A string member of a request body.
     *
     * @param body the body
     * @param name the member's name, in any case
     * @return the member's text; empty when absent, JSON {@code null} or blank
     * @throws ScimException {@code 400 invalidValue} when the member is there but not a string
     */
    public static Optional<String> text(ScimObject body, String name) {
        return ParameterValues.text(body, name);
    }

    /**
     * A string member a request body must have.
     *
     * @param body the body
     * @param name the member's name, in any case
     * @return the member's text, not blank
     * @throws ScimException {@code 400 invalidValue} when it is absent, JSON {@code null}, blank or not a string
     */
    public static String requiredText(ScimObject body, String name) {
        return text(body, name).orElseThrow(() -> ScimException.invalidValue("'" + name + "' is required."));
    }

    /**
     * An integer member of a request body, such as a SearchRequest's {@code count} (RFC 7644 §3.4.3).
     *
     * @param body the body
     * @param name the member's name, in any case
     * @return the integer; empty when absent or JSON {@code null}
     * @throws ScimException {@code 400 invalidValue} when the member is not a number, not whole, or outside the
     *         {@code int} range
     */
    public static OptionalInt integer(ScimObject body, String name) {
        return ParameterValues.integer(body, name);
    }

    /**
     * A boolean member of a request body.
     *
     * @param body the body
     * @param name the member's name, in any case
     * @return the boolean; empty when absent or JSON {@code null}
     * @throws ScimException {@code 400 invalidValue} when the member is not {@code true} or {@code false} (the
     *         string {@code "true"} is not)
     */
    public static Optional<Boolean> bool(ScimObject body, String name) {
        return ParameterValues.bool(body, name);
    }
}
