package dev.roster.scim.core.schema;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves attribute references of the User resource against {@link UserSchemas}: names in any case, with or
 * without a schema URN (RFC 7644 §3.10), and the role alias identity providers use: {@code stackUserType} at top
 * level or under any {@code urn:ietf:params:scim:schemas:extension:<name>:2.0:User} extension URN (Entra ID lets
 * the admin pick the extension name) means Roster's role extension attribute.
 *
 * <pre>{@code
 * UserAttributeResolver.resolve(Optional.empty(), "Name", Optional.of("GIVENNAME"))  // name.givenName
 * }</pre>
 */
public final class UserAttributeResolver {

    /**
     * The role alias: Roster's extension attribute that sets the site role for identity providers which keep
     * {@code userType} for themselves (Entra ID).
     */
    public static final String ROLE_ATTRIBUTE = "stackUserType";

    private static final Pattern ANY_USER_EXTENSION = Pattern.compile(
            "urn:ietf:params:scim:schemas:extension:[^:]+:2\\.0:User", Pattern.CASE_INSENSITIVE);

    private UserAttributeResolver() {
    }

    /**
     * Resolves {@code urn:attribute.sub}; empty when no schema defines it (callers ignore such attributes).
     * A sub-attribute that the attribute does not define resolves to empty too.
     *
     * @param schemaUrn    the schema URN the reference names, in any case; empty for the core schema or the
     *                     common attributes
     * @param attribute    the attribute's name, in any case
     * @param subAttribute the sub-attribute's name, in any case, if the reference names one
     * @return where the reference lands; empty if no schema defines it
     */
    public static Optional<ResolvedAttribute> resolve(Optional<String> schemaUrn, String attribute,
                                                      Optional<String> subAttribute) {
        return resolveAttribute(schemaUrn, attribute).flatMap(resolved -> {
            if (subAttribute.isEmpty()) {
                return Optional.of(resolved);
            }
            return resolved.attribute().subAttribute(subAttribute.get())
                    .map(sub -> new ResolvedAttribute(resolved.schemaUrn(), resolved.extension(),
                            resolved.attribute(), Optional.of(sub)));
        });
    }

    /**
     * Resolves a top-level attribute (no sub-attribute).
     *
     * @param schemaUrn the schema URN the reference names, in any case; empty for the core schema
     * @param attribute the attribute's name, in any case
     * @return where the reference lands; empty if no schema defines it
     */
    public static Optional<ResolvedAttribute> resolve(Optional<String> schemaUrn, String attribute) {
        return resolveAttribute(schemaUrn, attribute);
    }

    /**
     * The User's schema of that URN in any case.
     *
     * @param urn a schema URN
     * @return the core User schema or one of its extensions; empty for any other URN
     */
    public static Optional<SchemaDefinition> schema(String urn) {
        return UserSchemas.ALL.stream().filter(schema -> schema.id().equalsIgnoreCase(urn)).findFirst();
    }

    /**
     * The canonical URN of an extension: a known extension's own, and for any other
     * {@code urn:ietf:params:scim:schemas:extension:*:2.0:User}, the role extension (whose only attribute is the
     * role alias).
     *
     * @param urn a schema URN, in any case
     * @return the extension's URN as {@link UserSchemas} spells it; empty for the core schema and any URN that
     *         names no User extension
     */
    public static Optional<String> canonicalExtensionUrn(String urn) {
        if (urn.equalsIgnoreCase(UserSchemas.CORE_USER)) {
            return Optional.empty();
        }
        Optional<SchemaDefinition> known = schema(urn);
        if (known.isPresent()) {
            return Optional.of(known.get().id());
        }
        return ANY_USER_EXTENSION.matcher(urn).matches() ? Optional.of(UserSchemas.ROLE_EXTENSION) : Optional.empty();
    }

    private static Optional<ResolvedAttribute> resolveAttribute(Optional<String> schemaUrn, String attribute) {
        if (schemaUrn.isEmpty() || schemaUrn.get().equalsIgnoreCase(UserSchemas.CORE_USER)) {
            Optional<ResolvedAttribute> core = UserSchemas.CORE_USER_SCHEMA.attribute(attribute)
                    .or(() -> common(attribute))
                    .map(definition -> new ResolvedAttribute(UserSchemas.CORE_USER, false, definition,
                            Optional.empty()));
            if (core.isPresent() || schemaUrn.isPresent()) {
                return core;
            }
            return attribute.equalsIgnoreCase(ROLE_ATTRIBUTE) ? roleAttribute() : Optional.empty();
        }
        String urn = schemaUrn.get();
        Optional<SchemaDefinition> known = schema(urn);
        if (known.isPresent()) {
            return known.get().attribute(attribute)
                    .map(definition -> new ResolvedAttribute(known.get().id(), true, definition, Optional.empty()));
        }
        if (ANY_USER_EXTENSION.matcher(urn).matches() && attribute.toLowerCase(Locale.ROOT)
                .equals(ROLE_ATTRIBUTE.toLowerCase(Locale.ROOT))) {
            return roleAttribute();
        }
        return Optional.empty();
    }

    private static Optional<AttributeDefinition> common(String attribute) {
        for (AttributeDefinition common : UserSchemas.COMMON_ATTRIBUTES) {
            if (common.name().equalsIgnoreCase(attribute)) {
                return Optional.of(common);
            }
        }
        return Optional.empty();
    }

    private static Optional<ResolvedAttribute> roleAttribute() {
        return UserSchemas.ROLE_EXTENSION_SCHEMA.attribute(ROLE_ATTRIBUTE)
                .map(definition -> new ResolvedAttribute(UserSchemas.ROLE_EXTENSION, true, definition,
                        Optional.empty()));
    }
}
