package dev.roster.scim.core.inspect;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the request inspector masks in a body before keeping it: the value of every member whose name looks like a
 * secret ({@code password}, anything with {@code secret}, {@code token}, {@code credential}, {@code apiKey},
 * {@code privateKey}, {@code authorization}, in any case), at any depth, and the {@code value} of a PATCH operation
 * whose {@code path} names such a member ({@code {"op":"replace","path":"password","value":"…"}}). A masked value
 * becomes the string {@value #MASK}, so the admin sees that one was sent.
 *
 * <pre>{@code
 * Redaction.redact(body)   // {"userName":"ann","password":"[redacted]"}
 * }</pre>
 */
public final class Redaction {

    /** What a masked value becomes: a string, so that the body stays valid JSON of the same shape. */
    public static final String MASK = "[redacted]";
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "secret", "token", "credential",
            "apikey", "api_key", "privatekey", "private_key", "authorization");

    private Redaction() {
    }

    /**
     * The value with every secret masked, at any depth.
     *
     * @param value a request or response body, or any part of one
     * @return a copy in which each secret member's value (and a PATCH operation's {@code value} for a secret
     *         {@code path}) is {@value #MASK}; the value itself when it is neither an object nor an array
     */
    public static ScimValue redact(ScimValue value) {
        if (value instanceof ScimObject object) {
            return redactObject(object);
        }
        if (value instanceof ScimArray array) {
            return new ScimArray(array.values().stream().map(Redaction::redact).toList());
        }
        return value;
    }

    /**
     * Whether a member of that name, or a PATCH path that mentions it, holds a secret.
     *
     * @param name a member name or a PATCH {@code path}
     * @return true if it contains, in any case, {@code password}, {@code passwd}, {@code secret}, {@code token},
     *         {@code credential}, {@code apikey}, {@code api_key}, {@code privatekey}, {@code private_key} or
     *         {@code authorization}
     */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    private static ScimObject redactObject(ScimObject object) {
        boolean secretPath = object.members().entrySet().stream()
                .anyMatch(member -> member.getKey().equalsIgnoreCase("path")
                        && member.getValue() instanceof ScimString path && isSecretName(path.value()));
        ScimObject.Builder redacted = ScimObject.builder();
        for (Map.Entry<String, ScimValue> member : object.members().entrySet()) {
            boolean masked = isSecretName(member.getKey())
                    || (secretPath && member.getKey().equalsIgnoreCase("value"));
            redacted.put(member.getKey(), masked ? ScimValue.of(MASK) : redact(member.getValue()));
        }
        return redacted.build();
    }
}
