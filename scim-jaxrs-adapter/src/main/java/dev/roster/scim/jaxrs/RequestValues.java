package dev.roster.scim.jaxrs;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.ScimBoolean;
import dev.roster.scim.core.model.ScimNumber;
import dev.roster.scim.core.model.ScimObject;
import dev.roster.scim.core.model.ScimString;
import dev.roster.scim.core.model.ScimValue;

import java.math.BigInteger;
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

    /** An integer query parameter; beyond the int range it is read as the nearest int ("all", "past the end"). */
    public static OptionalInt integer(String name, String parameter) {
        Optional<String> text = text(parameter).map(String::strip);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            BigInteger value = new BigInteger(text.get());
            return OptionalInt.of(value.max(BigInteger.valueOf(Integer.MIN_VALUE))
                    .min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("The parameter '" + name + "' must be an integer.");
        }
    }

    /** A string member; absent, null or blank is absent. */
    public static Optional<String> text(ScimObject body, String name) {
        return member(body, name, ScimString.class, "a string").map(ScimString::value).flatMap(RequestValues::text);
    }

    public static String requiredText(ScimObject body, String name) {
        return text(body, name).orElseThrow(() -> ScimException.invalidValue("'" + name + "' is required."));
    }

    public static OptionalInt integer(ScimObject body, String name) {
        Optional<ScimNumber> number = member(body, name, ScimNumber.class, "an integer");
        if (number.isPresent() && !number.get().isIntegral()) {
            throw ScimException.invalidValue("'" + name + "' must be an integer.");
        }
        return number.map(n -> integer(name, n.value().toPlainString())).orElse(OptionalInt.empty());
    }

    public static Optional<Boolean> bool(ScimObject body, String name) {
        return member(body, name, ScimBoolean.class, "true or false").map(ScimBoolean::value);
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
