package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.mapping.UserInputNormalizer;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * At most one value of a multi-valued attribute is {@code primary} (RFC 7643 §2.4). When an operation makes a value
 * primary, every other value stops being primary (RFC 7644 §3.5.2: the server "SHALL ... automatically set
 * 'primary' to 'false' for any other values"); an operation that makes two values primary at once is
 * {@code 400 invalidValue}, since no server could choose between them.
 */
final class PrimaryRule {

    private PrimaryRule() {
    }

    /**
     * The values after an operation that wrote the values at the {@code touched} indexes.
     *
     * @param name the attribute, for messages
     */
    static ScimArray settle(List<ScimValue> values, Set<Integer> touched, String name) {
        long primaries = touched.stream().map(values::get).filter(PrimaryRule::isPrimary).count();
        if (primaries > 1) {
            throw ScimException.invalidValue("The operation on '" + name + "' makes " + primaries
                    + " values primary; at most one value may be primary.");
        }
        List<ScimValue> settled = new ArrayList<>(values);
        if (primaries == 1) {
            for (int i = 0; i < settled.size(); i++) {
                if (!touched.contains(i) && isPrimary(settled.get(i))) {
                    settled.set(i, ((ScimObject) settled.get(i)).with("primary", ScimValue.of(false)));
                }
            }
        }
        ScimArray result = new ScimArray(settled);
        UserInputNormalizer.requireAtMostOnePrimary(result, name);
        return result;
    }

    private static boolean isPrimary(ScimValue value) {
        return value instanceof ScimObject object && object.getBoolean("primary").orElse(false);
    }
}
