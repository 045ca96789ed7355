package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.mapping.UserInputNormalizer;
import dev.roster.scim.core.json.ScimObject;

import java.util.List;

/**
 * Applies a PATCH request (RFC 7644 §3.5.2) to the canonical representation of a User, the form
 * {@link dev.roster.scim.core.internal.mapping.UserInputNormalizer} produces: core attributes at top level, extension
 * attributes in an object under their URN, names spelled as the schemas spell them. The result has the same form;
 * every value written goes through the normaliser, so it is typed ({@code "False"} becomes {@code false}) and a
 * value of the wrong type is {@code 400 invalidValue}.
 *
 * <p>Operations apply in order, each to the result of the one before. The request is atomic: if any operation
 * fails, {@code apply} throws a {@link ScimException} and nothing else happens; the input, being immutable, is
 * untouched.
 *
 * <p>What the RFC leaves open and how Roster decides it:
 * <ul>
 *   <li>Attributes no schema defines are ignored, in paths and in path-less values, as everywhere in Roster;
 *       an unknown sub-attribute of a known attribute is {@code invalidPath}.</li>
 *   <li>A path naming a read-only attribute ({@code id}, {@code meta}, {@code groups}) is {@code mutability};
 *       read-only attributes inside a path-less value are ignored, as in a PUT (RFC 7644 §3.5.1).</li>
 *   <li>{@code add} and {@code replace} on a single-valued complex attribute both merge sub-attributes (§3.5.2.3:
 *       "sub-attributes that are not specified in the value parameter are left unchanged").</li>
 *   <li>{@code add}/{@code replace} with a path {@code attr[filter].sub} whose filter selects no value, where the
 *       filter is {@code eq} comparisons joined by {@code and} ({@code emails[type eq "work"].value}, as Entra ID
 *       sends for a user without a work email), adds a value built from the filter and the sub-attribute; any other
 *       filtered path that selects nothing is {@code noTarget}, for remove too (RFC 7644 §3.12).</li>
 *   <li>Removing an attribute that has no value is a no-op; removing a required one ({@code userName}) is
 *       {@code mutability} (§3.5.2.2).</li>
 *   <li>A JSON {@code null} value unassigns the target (RFC 7643 §2.5).</li>
 * </ul>
 *
 * <pre>{@code
 * ScimObject patched = PatchEngine.apply(UserInputNormalizer.normalize(current), PatchRequest.parse(body));
 * }</pre>
 */
public final class PatchEngine {

    private static final SchemaInvariants INVARIANTS = SchemaInvariants.forUsers();

    private PatchEngine() {
    }

    /**
     * The resource with every operation applied.
     *
     * @throws ScimException a 400 with the scimType of RFC 7644 §3.12 if an operation cannot be applied
     */
    public static ScimObject apply(ScimObject resource, PatchRequest request) {
        TouchedSlots touched = new TouchedSlots();
        ScimObject result = applyOperations(resource, request, touched);
        INVARIANTS.check(resource, result, touched);
        UserInputNormalizer.requireBoundedValues(result);
        return result;
    }

    /** The operations applied in order, each slot they write noted in {@code touched}; no invariant checked. */
    static ScimObject applyOperations(ScimObject resource, PatchRequest request, TouchedSlots touched) {
        ScimObject result = resource;
        List<PatchOperation> operations = request.operations();
        for (int i = 0; i < operations.size(); i++) {
            PatchOperation operation = operations.get(i);
            try {
                result = operation.accept(new OperationApplier(result, touched));
            } catch (ScimException e) {
                // Entra ID and Okta show the detail to the admin; with several operations, say which one failed.
                throw new ScimException(e.type(), "Operation " + (i + 1) + " (" + operation.keyword() + "): "
                        + e.detail());
            }
        }
        return result;
    }
}
