package dev.roster.scim.core.port.in;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimBoolean;
import dev.roster.scim.core.json.ScimNumber;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * How a request's query parameters and the members of its small JSON bodies (a SearchRequest, an admin API body)
 * are read, the same way by every adapter: blank means absent, and a value of the wrong type is
 * {@code 400 invalidValue} naming it. Numbers are bounded from their text ({@link ScimNumber#parse}) before anything
 * converts them, so {@code count=1e999999999} costs nothing and is refused as out of range.
 *
 * <pre>{@code
 * ParameterValues.integer("count", "50");     // OptionalInt[50]
 * ParameterValues.text(body, "filter");       // the member's string, if it holds a non-blank one
 * }</pre>
 *
 * <p>{@link SearchRequest#fromQuery} and {@link SearchRequest#fromBody} use it; so does the JAX-RS adapter's
 * {@code RequestValues}, for the reference server's admin API. Stateless and thread-safe.
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /**
     * A query parameter as text; absent (null) or blank is absent.
     *
     * @param parameter the parameter's value as the client sent it, or empty when it did not send it
     * @return the value, unchanged (not stripped), or empty when it is absent or blank
     */
    public static Optional<String> text(Optional<String> parameter) {
        return parameter.filter(text -> !text.isBlank());
    }

    /**
     * An integer query parameter: absent or blank is absent; a number that is not whole or does not fit an
     * {@code int} is {@code 400 invalidValue}.
     *
     * @param name      the parameter's name, for the error's detail
     * @param parameter the parameter's value as the client sent it, or empty
     * @return the integer, or empty when the parameter is absent or blank
     * @throws ScimException {@code 400 invalidValue} for a value that is no number, not whole, or beyond an
     *                       {@code int}
     */
    public static OptionalInt integer(String name, Optional<String> parameter) {
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
     * A string member; absent, null or blank is absent.
     *
     * @param body the JSON body
     * @param name the member's name, matched in any case (as every SCIM attribute name)
     * @return the member's string, or empty when it is absent, null or blank
     * @throws ScimException {@code 400 invalidValue} when the member holds something other than a string
     */
    public static Optional<String> text(ScimObject body, String name) {
        return text(member(body, name, ScimString.class, "a string").map(ScimString::value));
    }

    /**
     * An integer member, bounded like an integer query parameter.
     *
     * @param body the JSON body
     * @param name the member's name, matched in any case
     * @return the integer, or empty when the member is absent or null
     * @throws ScimException {@code 400 invalidValue} when the member is no number, not whole, or beyond an
     *                       {@code int}
     */
    public static OptionalInt integer(ScimObject body, String name) {
        return member(body, name, ScimNumber.class, "an integer")
                .map(number -> OptionalInt.of(toInt(name, number)))
                .orElse(OptionalInt.empty());
    }

    /**
     * A boolean member.
     *
     * @param body the JSON body
     * @param name the member's name, matched in any case
     * @return the member's value, or empty when it is absent or null
     * @throws ScimException {@code 400 invalidValue} when the member is no JSON {@code true} or {@code false}
     */
    public static Optional<Boolean> bool(ScimObject body, String name) {
        return member(body, name, ScimBoolean.class, "true or false").map(ScimBoolean::value);
    }

    /**
     * A member holding attribute names, as a search body's {@code attributes} and {@code excludedAttributes}
     * (RFC 7644 §3.4.3): an array of strings or, tolerated, one comma-separated string; read as the comma-separated
     * text the query parameter of the same name holds, absent when blank. Any other JSON type is
     * {@code 400 invalidValue}. The names themselves are the projection's to check.
     *
     * @param body the request body
     * @param name the member's name
     * @return the names, comma-separated, if the member holds any
     */
    public static Optional<String> names(ScimObject body, String name) {
        Optional<ScimValue> value = body.getAssigned(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof ScimString string) {
            return text(Optional.of(string.value()));
        }
        if (value.get() instanceof ScimArray array && array.values().stream().allMatch(ScimString.class::isInstance)) {
            return text(Optional.of(array.values().stream().map(v -> ((ScimString) v).value())
                    .collect(Collectors.joining(","))));
        }
        throw ScimException.invalidValue("'" + name + "' must be an array of attribute names.");
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
