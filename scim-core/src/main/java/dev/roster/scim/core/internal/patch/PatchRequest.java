package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A PATCH request body (RFC 7644 §3.5.2): the operations, in the order they are to be applied.
 *
 * <p>{@link #parse} reads the body as identity providers really send it:
 * <ul>
 *   <li>{@code Operations} and the members of each operation are found in any case, and so is the {@code op}
 *       keyword ({@code "Replace"} from Entra ID is {@code replace});</li>
 *   <li>{@code schemas} may be missing or empty; when it is there it must name
 *       {@value #PATCH_OP} (other URNs beside it are tolerated), because a body that says it is some other message
 *       was not meant as a PATCH;</li>
 *   <li>a {@code path} that is JSON {@code null} or blank counts as absent;</li>
 *   <li>{@code remove} may carry a {@code value} (Entra ID's way of naming values to remove).</li>
 * </ul>
 * Errors: no {@code Operations} array, an empty one, an operation that is not an object or has no known
 * {@code op} are {@code 400 invalidSyntax}; a {@code remove} without a path is {@code 400 noTarget} (§3.5.2.2); an
 * {@code add} or {@code replace} without a {@code value} is {@code 400 invalidValue} ("a required value was
 * missing", §3.12); a malformed path is {@code 400 invalidPath}.
 *
 * <pre>{@code
 * PatchRequest request = PatchRequest.parse(body);   // {"schemas": [...PatchOp], "Operations": [{"op": ...}]}
 * ScimObject patched = PatchEngine.apply(resource, request);
 * }</pre>
 */
public record PatchRequest(List<PatchOperation> operations) {

    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public PatchRequest {
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("a PATCH request has at least one operation");
        }
    }

    public static PatchRequest of(PatchOperation... operations) {
        return new PatchRequest(List.of(operations));
    }

    /**
     * The most operations one PATCH may carry. Identity providers send a handful; the cap keeps one request from
     * holding the single SQLite writer for minutes. Over it is {@code 413}, as RFC 7644 §3.7 answers a Bulk
     * request over its {@code maxOperations}.
     */
    public static final int MAX_OPERATIONS = 1_000;

    /** Reads a PATCH request body; see the class description for what is accepted. */
    public static PatchRequest parse(ScimObject body) {
        requirePatchOpSchema(body.get("schemas"));
        ScimValue operations = body.get("Operations")
                .orElseThrow(() -> ScimException.invalidSyntax("A PATCH request needs an 'Operations' array."));
        if (!(operations instanceof ScimArray array) || array.isEmpty()) {
            throw ScimException.invalidSyntax("'Operations' must be an array of one or more operations.");
        }
        if (array.size() > MAX_OPERATIONS) {
            throw new ScimException(ScimErrorType.PAYLOAD_TOO_LARGE, "A PATCH request may carry at most "
                    + MAX_OPERATIONS + " operations; this one has " + array.size() + ".");
        }
        List<PatchOperation> parsed = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            parsed.add(operation(array.values().get(i), i));
        }
        return new PatchRequest(parsed);
    }

    private static void requirePatchOpSchema(Optional<ScimValue> schemas) {
        if (schemas.isEmpty() || schemas.get().isNull()) {
            return;
        }
        List<ScimValue> listed = schemas.get() instanceof ScimArray array ? array.values() : List.of(schemas.get());
        if (listed.isEmpty()) {
            return;
        }
        boolean patchOp = false;
        for (ScimValue urn : listed) {
            if (!(urn instanceof ScimString string)) {
                throw ScimException.invalidSyntax("'schemas' must list URNs as strings.");
            }
            patchOp |= string.value().strip().equalsIgnoreCase(PATCH_OP);
        }
        if (!patchOp) {
            throw ScimException.invalidSyntax("A PATCH request's 'schemas' must contain '" + PATCH_OP + "'.");
        }
    }

    private static PatchOperation operation(ScimValue value, int index) {
        String where = "Operation " + (index + 1);
        if (!(value instanceof ScimObject operation)) {
            throw ScimException.invalidSyntax(where + " must be an object with 'op', 'path' and 'value'.");
        }
        ScimValue op = operation.get("op")
                .orElseThrow(() -> ScimException.invalidSyntax(where + " has no 'op'."));
        if (!(op instanceof ScimString keyword)) {
            throw ScimException.invalidSyntax(where + " has an 'op' that is not a string.");
        }
        Optional<PatchPath> path = path(operation, where);
        Optional<ScimValue> argument = operation.get("value");
        switch (keyword.value().strip().toLowerCase(Locale.ROOT)) {
            case "add":
                return new PatchOperation.Add(path, requireValue(argument, where, "add"));
            case "replace":
                return new PatchOperation.Replace(path, requireValue(argument, where, "replace"));
            case "remove":
                PatchPath target = path.orElseThrow(() -> ScimException.noTarget(where
                        + " is a 'remove' without a 'path'; a remove needs a path (RFC 7644 §3.5.2.2)."));
                return new PatchOperation.Remove(target, argument);
            default:
                throw ScimException.invalidSyntax(where + " has the unknown op '" + shorten(keyword.value())
                        + "'; expected add, replace or remove.");
        }
    }

    private static Optional<PatchPath> path(ScimObject operation, String where) {
        Optional<ScimValue> path = operation.get("path").filter(value -> !value.isNull());
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (!(path.get() instanceof ScimString text)) {
            throw ScimException.invalidPath(where + " has a 'path' that is not a string.");
        }
        return text.value().isBlank() ? Optional.empty() : Optional.of(PatchPath.parse(text.value()));
    }

    private static ScimValue requireValue(Optional<ScimValue> value, String where, String op) {
        return value.orElseThrow(() -> ScimException.invalidValue(where + " is an '" + op + "' without a 'value'."));
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
