package dev.roster.scim.core.port.in;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttributePath;
import dev.roster.scim.core.json.ScimObject;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes a client asked to get back (RFC 7644 §3.4.2.5, §3.9): the names of its {@code attributes} and
 * {@code excludedAttributes}, query parameters of any request that answers with Users, or members of a
 * {@code POST .search} body. Adapters read them with {@link #of} or {@link #fromBody} before they call the use
 * case, so that a malformed name refuses a {@code POST}, {@code PUT} or {@code PATCH} before it writes, and hand
 * them to {@link ScimUsers#render}, which applies them under each attribute's {@code returned} characteristic
 * (RFC 7643 §7).
 *
 * <p>Every name is an attribute path ({@link AttributePath}: {@code [schema URN:]attribute[.subAttribute]}), or
 * {@code 400 invalidValue}; well-formed names that no schema defines are kept and select or remove nothing.
 * Immutable.
 *
 * <pre>{@code
 * RequestedAttributes requested = RequestedAttributes.of(Optional.of("userName,name.givenName"), Optional.empty());
 * ScimObject body = scimUsers.render(user, location, requested);
 * }</pre>
 *
 * @param attributes         the names in {@code attributes}, as written: the attributes to return instead of the
 *                           default set ({@code id} and {@code schemas} are returned anyway); empty for the
 *                           default set
 * @param excludedAttributes the names in {@code excludedAttributes}, as written: attributes to leave out of the
 *                           result, those returned {@code always} excepted; empty to leave nothing out
 */
public record RequestedAttributes(List<String> attributes, List<String> excludedAttributes) {

    /** Neither parameter: the default set of every resource. */
    public static final RequestedAttributes DEFAULT = new RequestedAttributes(List.of(), List.of());

    /**
     * Checks every name and copies both lists.
     *
     * @param attributes         the names in {@code attributes}, as written: the attributes to return instead of the
     *                           default set ({@code id} and {@code schemas} are returned anyway); empty for the
     *                           default set
     * @param excludedAttributes the names in {@code excludedAttributes}, as written: attributes to leave out of the
     *                           result, those returned {@code always} excepted; empty to leave nothing out
     * @throws ScimException {@code 400 invalidValue} for a name that is no attribute path
     */
    public RequestedAttributes {
        attributes = wellFormed("attributes", attributes);
        excludedAttributes = wellFormed("excludedAttributes", excludedAttributes);
    }

    /**
     * The two query parameters as the client sent them: comma-separated names, space around a name ignored;
     * absent, blank and empty names are no names.
     *
     * @param attributes         the {@code attributes} parameter, if the request has one
     * @param excludedAttributes the {@code excludedAttributes} parameter, if the request has one
     * @return the names of both
     * @throws ScimException {@code 400 invalidValue} for a name that is no attribute path
     */
    public static RequestedAttributes of(Optional<String> attributes, Optional<String> excludedAttributes) {
        return new RequestedAttributes(split(attributes), split(excludedAttributes));
    }

    /**
     * The {@code attributes} and {@code excludedAttributes} of a {@code POST .search} body (RFC 7644 §3.4.3): each an
     * array of names or, tolerated, one comma-separated string.
     *
     * @param body the search body
     * @return the names of both members; none for an absent or {@code null} member
     * @throws ScimException {@code 400 invalidValue} for a member that is neither, or a name that is no attribute
     *                       path
     */
    public static RequestedAttributes fromBody(ScimObject body) {
        return of(ParameterValues.names(body, "attributes"), ParameterValues.names(body, "excludedAttributes"));
    }

    /**
     * Whether the request named nothing in either parameter, so that the default set answers it (and a store's
     * renderings of the default set may, {@link ScimUsers#searchRendered}).
     *
     * @return {@code true} for {@link #DEFAULT}
     */
    public boolean isDefault() {
        return attributes.isEmpty() && excludedAttributes.isEmpty();
    }

    private static List<String> wellFormed(String parameter, List<String> names) {
        List<String> copy = List.copyOf(Objects.requireNonNull(names, parameter));
        for (String name : copy) {
            if (!AttributePath.isWellFormed(name)) {
                throw ScimException.invalidValue(parameter + " names '" + name + "', which is no attribute path: "
                        + "write [schema URN:]attribute[.subAttribute], such as name.givenName.");
            }
        }
        return copy;
    }

    private static List<String> split(Optional<String> parameter) {
        return parameter.map(text -> Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
