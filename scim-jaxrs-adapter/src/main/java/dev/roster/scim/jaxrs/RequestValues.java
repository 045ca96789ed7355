package dev.roster.scim.jaxrs;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimBoolean;
import dev.roster.scim.core.json.ScimNumber;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads query parameters and members of small JSON request bodies (a SearchRequest, the admin API's bodies) the
 * same way everywhere: blank means absent, and a value of the wrong type is {@code 400 invalidValue} naming it.
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
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter);
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
        Optional<String> text = text(parameter);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        Optional<ScimNumber> number;
        try {
            number = ScimNumber.parse(text.get());
        } catch (ScimException beyondTheBounds) {
            throw outOfRange(name);
        }
        return OptionalInt.of(toInt(name, number.orElseThrow(() -> notAnInteger(name))));
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
        return member(body, name, ScimString.class, "a string").map(ScimString::value).flatMap(RequestValues::text);
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
        return member(body, name, ScimNumber.class, "an integer")
                .map(number -> OptionalInt.of(toInt(name, number)))
                .orElse(OptionalInt.empty());
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
        return member(body, name, ScimBoolean.class, "true or false").map(ScimBoolean::value);
    }

    private static int toInt(String name, ScimNumber number) {
        return number.asInt().orElseThrow(() -> number.isIntegral() ? outOfRange(name) : notAnInteger(name));
    }

    private static ScimException outOfRange(String name) {
        return ScimException.invalidValue("'" + name + "' is out of range: it must be an integer from "
                + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ".");
    }

    private static ScimException notAnInteger(String name) {
        return ScimException.invalidValue("'" + name + "' must be an integer.");
    }

    private static <T extends ScimValue> Optional<T> member(ScimObject body, String name, Class<T> type,
                                                            String expected) {
        Optional<ScimValue> value = body.getAssigned(name);
        if (value.isPresent() && !type.isInstance(value.get())) {
            throw ScimException.invalidValue("'" + name + "' must be " + expected + ".");
        }
        return value.map(type::cast);
    }
}
