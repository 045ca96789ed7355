package dev.roster.scim.core.mapping;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttributePath;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserProfile;
import dev.roster.scim.core.schema.Returned;
import dev.roster.scim.core.schema.SchemaDefinition;
import dev.roster.scim.core.schema.ScimDateTime;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a {@link User} to its SCIM representation (RFC 7643 §4.1) and a canonical representation back to a
 * {@link UserProfile}. The representation shows the user's actual role in {@code userType} and its actual status
 * in {@code active}, and marks a pending identity with {@code pending: true} in Roster's extension;
 * {@code meta.location} is left to the adapter, which knows the base URL.
 *
 * <pre>{@code
 * ScimObject json = UserResources.toScim(user);
 * User changed = UserResources.profileOf(UserInputNormalizer.normalize(body)).applyTo(user);
 * }</pre>
 */
public final class UserResources {

    /** Attributes with a typed home in {@link User}, or decided by policy, or never kept. */
    private static final Set<String> NOT_OTHER = caseInsensitive("schemas", "id", "meta", "externalId", "userName",
            "displayName", "name", "emails", "active", "userType", "password", "groups", UserSchemas.ROLE_EXTENSION);

    /** What {@link #toScim} shows that {@link #editableView} leaves out. */
    private static final Set<String> NOT_EDITABLE = caseInsensitive("schemas", "id", "meta", "userType", "active",
            UserSchemas.ROLE_EXTENSION);

    /**
     * {@link #isShownByDefault} of the names a rendering has, as the schemas spell them, worked out once: each
     * member of each rendering resolved its name as an attribute path.
     */
    private static final Map<String, Boolean> SHOWN_BY_DEFAULT = shownByDefault();

    private UserResources() {
    }

    private static Map<String, Boolean> shownByDefault() {
        Map<String, Boolean> shown = new HashMap<>();
        List<String> names = new ArrayList<>(List.of("schemas"));
        UserSchemas.COMMON_ATTRIBUTES.forEach(attribute -> names.add(attribute.name()));
        for (SchemaDefinition schema : UserSchemas.ALL) {
            names.add(schema.id());
            if (schema.id().equals(UserSchemas.CORE_USER)) {
                schema.attributes().forEach(attribute -> names.add(attribute.name()));
            }
        }
        names.forEach(name -> shown.put(name, resolvesToShownByDefault(name)));
        return Map.copyOf(shown);
    }

    /**
     * The full representation: every attribute the user has, {@code schemas} first and {@code meta} last.
     *
     * @param user the user
     * @return the User resource without {@code meta.location} and before projection; {@code meta.version} is the
     *         user's ETag (RFC 7644 §3.14)
     */
    public static ScimObject toScim(User user) {
        ScimObject.Builder json = ScimObject.builder()
                .put("schemas", schemasOf(user))
                .put("id", user.id());
        putProfile(json, user);
        List<String> extensions = new ArrayList<>();
        user.otherAttributes().forEach((name, value) -> {
            if (name.regionMatches(true, 0, "urn:", 0, 4)) {
                extensions.add(name);
            } else {
                json.put(name, value);
            }
        });
        json.put("userType", user.role().scimValue())
                .put("active", user.active());
        extensions.forEach(urn -> user.otherAttributes().get(urn).ifPresent(value -> json.put(urn, value)));
        if (user.pending()) {
            json.put(UserSchemas.ROLE_EXTENSION, ScimObject.builder().put(UserSchemas.PENDING_ATTRIBUTE, true).build());
        }
        json.put("meta", ScimObject.builder()
                .put("resourceType", "User")
                .put("created", ScimDateTime.print(user.created()))
                .put("lastModified", ScimDateTime.print(user.lastModified()))
                .put("version", user.etag())
                .build());
        return json.build();
    }

    /**
     * A resource with its {@code meta.location} (RFC 7643 §3.1), the one member only the adapter that serves it
     * knows.
     *
     * @param resource a resource, such as {@link #toScim}'s
     * @param location the resource's URI
     * @return the resource with {@code location} added to its {@code meta}; unchanged if it has no {@code meta}
     */
    public static ScimObject withLocation(ScimObject resource, String location) {
        return resource.getObject("meta")
                .map(meta -> resource.with("meta", meta.with("location", ScimValue.of(location))))
                .orElse(resource);
    }

    /**
     * What a read without {@code attributes} or {@code excludedAttributes} returns (RFC 7643 §7, the default set),
     * {@code meta.location} aside: {@link #toScim} without the attributes returned {@code never} or
     * {@code request}. A store that keeps each user's rendering ({@link RenderedUser}) keeps this one.
     *
     * @param user the user
     * @return the User resource a read without projection returns, without {@code meta.location}
     */
    public static ScimObject defaultRepresentation(User user) {
        return defaultSet(toScim(user));
    }

    /**
     * The resource's default set (RFC 7643 §7).
     *
     * @param resource a User resource
     * @return the resource without its top-level {@code never} and {@code request} attributes
     */
    public static ScimObject defaultSet(ScimObject resource) {
        // No copy at all when every member is shown, as in every rendering of a stored user, and one copy
        // otherwise: a copy of the tree per dropped member was part of every PATCH's rendering (issue 12).
        boolean everyMemberShown = true;
        for (String name : resource.names()) {
            if (!isShownByDefault(name)) {
                everyMemberShown = false;
                break;
            }
        }
        if (everyMemberShown) {
            return resource;
        }
        ScimObject.Builder shown = ScimObject.builder();
        resource.forEach((name, value) -> {
            if (isShownByDefault(name)) {
                shown.put(name, value);
            }
        });
        return shown.build();
    }

    /**
     * Whether a top-level member is in the default set: members no schema defines are.
     *
     * @param name a top-level member name of a User resource, in any case
     * @return {@code false} for an attribute returned {@code never} or {@code request}
     */
    public static boolean isShownByDefault(String name) {
        Boolean known = SHOWN_BY_DEFAULT.get(name);
        return known != null ? known : resolvesToShownByDefault(name);
    }

    private static boolean resolvesToShownByDefault(String name) {
        return AttributePath.resolve(name)
                .map(resolved -> resolved.attribute().returned() != Returned.NEVER
                        && resolved.attribute().returned() != Returned.REQUEST)
                .orElse(true);
    }

    /**
     * The profile in a canonical representation (see
     * {@link dev.roster.scim.core.internal.mapping.UserInputNormalizer}). {@code userName} is required (RFC 7643
     * §4.1.1): {@code 400 invalidValue} without one.
     *
     * @param canonical a User resource in canonical form, as a client's POST or PUT body becomes after
     *                  normalisation
     * @return what the client may set of the user: {@code userName} (stripped), {@code externalId},
     *         {@code displayName}, {@code name}, {@code emails} and every other attribute but those the service
     *         provider or the policy decides ({@code id}, {@code meta}, {@code active}, {@code userType},
     *         {@code password}, {@code groups}, Roster's extension)
     * @throws ScimException {@code 400 invalidValue} without a {@code userName}, or for an email without a
     *         {@code value}
     */
    public static UserProfile profileOf(ScimObject canonical) {
        String userName = canonical.getString("userName").map(String::strip).filter(name -> !name.isEmpty())
                .orElseThrow(() -> ScimException.invalidValue("The attribute 'userName' is required."));
        ScimObject.Builder others = ScimObject.builder();
        canonical.forEach((name, value) -> {
            if (!NOT_OTHER.contains(name)) {
                others.put(name, value);
            }
        });
        return new UserProfile(userName,
                canonical.getString("externalId"),
                canonical.getString("displayName"),
                canonical.getObject("name").map(UserResources::nameOf).orElse(Name.EMPTY),
                canonical.getArray("emails").map(UserResources::emailsOf).orElse(List.of()),
                others.build());
    }

    /**
     * The profile of an existing user, in the same canonical form {@link #profileOf} reads: the base a PATCH
     * applies to.
     *
     * @param user the user
     * @return its representation without {@code schemas}, {@code id}, {@code meta}, {@code userType},
     *         {@code active} and Roster's extension
     */
    public static ScimObject editableView(User user) {
        // Built directly, members in toScim's order: a PATCH built toScim (times printed, the ETag, schemas) and
        // copied the tree six times to drop what it had just added, three times per PATCH (ADR 042).
        ScimObject.Builder json = ScimObject.builder();
        putProfile(json, user);
        user.otherAttributes().forEach((name, value) -> {
            if (!isExtension(name) && !NOT_EDITABLE.contains(name)) {
                json.put(name, value);
            }
        });
        user.otherAttributes().forEach((name, value) -> {
            if (isExtension(name) && !NOT_EDITABLE.contains(name)) {
                json.put(name, value);
            }
        });
        return json.build();
    }

    /** The members of the user's typed profile, in the representation's order. */
    private static void putProfile(ScimObject.Builder json, User user) {
        json.putStringIfPresent("externalId", user.externalId())
                .put("userName", user.userName());
        if (!user.name().isEmpty()) {
            json.put("name", nameToScim(user.name()));
        }
        json.putStringIfPresent("displayName", user.displayName());
        if (!user.emails().isEmpty()) {
            json.put("emails", new ScimArray(user.emails().stream().<ScimValue>map(UserResources::emailToScim).toList()));
        }
    }

    private static boolean isExtension(String name) {
        return name.regionMatches(true, 0, "urn:", 0, 4);
    }

    private static ScimArray schemasOf(User user) {
        List<ScimValue> schemas = new ArrayList<>();
        schemas.add(ScimValue.of(UserSchemas.CORE_USER));
        user.otherAttributes().names().stream()
                .filter(name -> name.regionMatches(true, 0, "urn:", 0, 4))
                .forEach(urn -> schemas.add(ScimValue.of(urn)));
        if (user.pending()) {
            schemas.add(ScimValue.of(UserSchemas.ROLE_EXTENSION));
        }
        return new ScimArray(schemas);
    }

    /**
     * A name as its SCIM complex value (RFC 7643 §4.1.1).
     *
     * @param name the name
     * @return the {@code name} object; absent components are left out, so an empty name is <code>{}</code>
     */
    public static ScimObject nameToScim(Name name) {
        return ScimObject.builder()
                .putStringIfPresent("formatted", name.formatted())
                .putStringIfPresent("familyName", name.familyName())
                .putStringIfPresent("givenName", name.givenName())
                .putStringIfPresent("middleName", name.middleName())
                .putStringIfPresent("honorificPrefix", name.honorificPrefix())
                .putStringIfPresent("honorificSuffix", name.honorificSuffix())
                .build();
    }

    /**
     * A name from its SCIM complex value.
     *
     * @param name the {@code name} object
     * @return the name; a component that is absent or not a string is empty
     */
    public static Name nameOf(ScimObject name) {
        return new Name(name.getString("formatted"), name.getString("familyName"), name.getString("givenName"),
                name.getString("middleName"), name.getString("honorificPrefix"), name.getString("honorificSuffix"));
    }

    /**
     * One email as its SCIM complex value (RFC 7643 §4.1.2).
     *
     * @param email the email
     * @return the value with {@code value} and {@code primary}, and {@code type} and {@code display} if it has them
     */
    public static ScimObject emailToScim(Email email) {
        return ScimObject.builder()
                .put("value", email.value())
                .putStringIfPresent("type", email.type())
                .put("primary", email.primary())
                .putStringIfPresent("display", email.display())
                .build();
    }

    /**
     * Emails from their SCIM values.
     *
     * @param emails the {@code emails} array
     * @return the emails in order; elements that are not objects are skipped, and {@code primary} is false unless
     *         sent as {@code true}
     * @throws ScimException {@code 400 invalidValue} for an email without a {@code value}
     */
    public static List<Email> emailsOf(ScimArray emails) {
        List<Email> result = new ArrayList<>();
        for (ScimValue value : emails.values()) {
            if (value instanceof ScimObject email) {
                Optional<String> address = email.getString("value");
                if (address.isEmpty()) {
                    throw ScimException.invalidValue("Every value of 'emails' needs a 'value'.");
                }
                result.add(new Email(address.get(), email.getString("type"),
                        email.getBoolean("primary").orElse(false), email.getString("display")));
            }
        }
        return result;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
