package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.filter.AttributePath;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.UserAttributeResolver;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value of a path-less add or replace, "a set of attributes" of the resource (RFC 7644 §3.5.2.1, §3.5.2.3),
 * split into one entry per attribute so that each is applied like an operation with that attribute as its path.
 * Keys are read the way {@link dev.roster.scim.core.internal.mapping.UserInputNormalizer} reads a resource: in any
 * case, dotted ({@code "name.givenName"}), URN-qualified ({@code "urn:…:enterprise:2.0:User:department"}), as extension
 * objects under their URN, or wrapped in an object under the core schema URN. {@code schemas} and keys no schema
 * defines are skipped. JSON {@code null} values are kept: they unassign their attribute.
 */
final class PathlessValue {

    /** One attribute (possibly with a sub-attribute, from a dotted key) and its value as sent. */
    record Entry(ResolvedAttribute attribute, ScimValue value) {
    }

    private PathlessValue() {
    }

    static List<Entry> entries(ScimObject value) {
        List<Entry> entries = new ArrayList<>();
        collect(value, entries);
        return entries;
    }

    private static void collect(ScimObject value, List<Entry> entries) {
        value.forEach((key, member) -> {
            if (key.equalsIgnoreCase("schemas")) {
                return;
            }
            if (key.equalsIgnoreCase(UserSchemas.CORE_USER) && member instanceof ScimObject coreMembers) {
                collect(coreMembers, entries);
                return;
            }
            Optional<String> extension = key.regionMatches(true, 0, "urn:", 0, 4)
                    ? UserAttributeResolver.canonicalExtensionUrn(key)
                    : Optional.empty();
            if (extension.isPresent() && member instanceof ScimObject extensionMembers) {
                extensionMembers.forEach((name, extensionValue) -> AttributePath
                        .resolve(key + ":" + name)
                        .ifPresent(resolved -> entries.add(new Entry(resolved, extensionValue))));
            } else {
                AttributePath.resolve(key).ifPresent(resolved -> entries.add(new Entry(resolved, member)));
            }
        });
    }
}
