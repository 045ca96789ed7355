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

    /** A query parameter; null or blank is absent. */
    public static Optional<String> text(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter);
    }

    /**
     * An integer query parameter. The core bounds the number from its text before converting it; a number that is
     * not whole or does not fit an {@code int} is {@code 400 invalidValue}.
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

    /** A string member; absent, null or blank is absent. */
    public static Optional<String> text(ScimObject body, String name) {
        return member(body, name, ScimString.class, "a string").map(ScimString::value).flatMap(RequestValues::text);
    }

    public static String requiredText(ScimObject body, String name) {
        return text(body, name).orElseThrow(() -> ScimException.invalidValue("'" + name + "' is required."));
    }

    /** An integer member, bounded like an integer query parameter. */
    public static OptionalInt integer(ScimObject body, String name) {
        return member(body, name, ScimNumber.class, "an integer")
                .map(number -> OptionalInt.of(toInt(name, number)))
                .orElse(OptionalInt.empty());
    }

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
