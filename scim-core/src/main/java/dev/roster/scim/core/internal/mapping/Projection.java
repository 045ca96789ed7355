package dev.roster.scim.core.internal.mapping;

import dev.roster.scim.core.filter.AttributePath;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.Returned;
import dev.roster.scim.core.schema.SchemaDefinition;
import dev.roster.scim.core.schema.UserAttributeResolver;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code attributes} and {@code excludedAttributes} of a request (RFC 7644 §3.4.2.5, §3.9), applied to a
 * resource under each attribute's {@code returned} characteristic (RFC 7643 §7):
 * <ul>
 *   <li>without {@code attributes}, the default set: everything but {@code never} and {@code request} attributes;</li>
 *   <li>{@code attributes} replaces the default set with the attributes it names, plus those returned
 *       {@code always} ({@code id}) and {@code schemas}. It does so whatever it names: names that no schema defines
 *       select nothing, so {@code attributes=nonsense} returns {@code id} and {@code schemas} alone;</li>
 *   <li>{@code excludedAttributes} removes the attributes it names from the result, except those returned
 *       {@code always}; names no schema defines remove nothing;</li>
 *   <li>every name is an attribute path, in the grammar filters and PATCH paths follow ({@link AttributePath}):
 *       {@code RequestedAttributes} refuses the others ({@code na$me}, {@code emails[type eq "work"]}) with
 *       {@code 400 invalidValue};</li>
 *   <li>{@code never} attributes never show, {@code request} ones only when named in {@code attributes}.</li>
 * </ul>
 * Names are resolved case-insensitively, with or without a schema URN, with or without a sub-attribute
 * ({@code name.givenName}); a bare schema URN names every attribute of that schema: an extension's whole object,
 * or, for the core User schema, all attributes outside the extensions.
 *
 * <pre>{@code
 * Projection.of(List.of("userName", "name.givenName"), List.of()).apply(resource);
 * }</pre>
 */
public final class Projection {

    /** No {@code attributes}, no {@code excludedAttributes}: the default set. */
    public static final Projection DEFAULT = new Projection(Optional.empty(), Names.NONE);

    /** What {@code attributes} names, if the request named anything in it. */
    private final Optional<Names> attributes;
    private final Names excluded;

    private Projection(Optional<Names> attributes, Names excluded) {
        this.attributes = attributes;
        this.excluded = excluded;
    }

    /**
     * The projection of the names of the two parameters, each an attribute path ({@link AttributePath}): the
     * request's adapter checked them ({@code RequestedAttributes}, which refuses the others with
     * {@code 400 invalidValue}).
     *
     * @param attributes         the names of {@code attributes}; empty for the default set
     * @param excludedAttributes the names of {@code excludedAttributes}
     * @return the projection; {@link #DEFAULT} when both are empty
     */
    public static Projection of(List<String> attributes, List<String> excludedAttributes) {
        if (attributes.isEmpty() && excludedAttributes.isEmpty()) {
            return DEFAULT;
        }
        return new Projection(
                attributes.isEmpty() ? Optional.empty() : Optional.of(Names.resolve(attributes)),
                Names.resolve(excludedAttributes));
    }

    /**
     * The resource under this projection.
     *
     * @param resource a User resource, {@code meta.location} included
     * @return what the client asked to see of it
     */
    public ScimObject apply(ScimObject resource) {
        ScimObject result = attributes.map(names -> onlyRequested(resource, names))
                .orElseGet(() -> defaultSet(resource));
        for (ResolvedAttribute attribute : excluded.attributes) {
            if (attribute.target().returned() != Returned.ALWAYS && attribute.attribute().returned() != Returned.ALWAYS) {
                result = remove(result, attribute);
            }
        }
        for (String urn : excluded.schemas) {
            result = withoutSchema(result, urn);
        }
        return result;
    }

    private static ScimObject onlyRequested(ScimObject resource, Names names) {
        ScimObject.Builder kept = ScimObject.builder();
        resource.forEach((name, value) -> {
            if (name.equalsIgnoreCase("schemas") || isAlwaysReturned(name)
                    || names.schemas.stream().anyMatch(urn -> isOfSchema(name, urn) && isShownByDefault(name))) {
                kept.put(name, value);
            }
        });
        ScimObject result = kept.build();
        for (ResolvedAttribute attribute : names.attributes) {
            if (attribute.target().returned() != Returned.NEVER) {
                result = copy(resource, result, attribute);
            }
        }
        return result;
    }

    /** Whether a top-level member belongs to the schema: an extension's object, or a core attribute. */
    private static boolean isOfSchema(String member, String urn) {
        return urn.equals(UserSchemas.CORE_USER) ? !isExtensionMember(member) : member.equalsIgnoreCase(urn);
    }

    private static boolean isExtensionMember(String member) {
        return member.regionMatches(true, 0, "urn:", 0, 4);
    }

    private static ScimObject withoutSchema(ScimObject resource, String urn) {
        if (!urn.equals(UserSchemas.CORE_USER)) {
            return resource.without(urn);
        }
        ScimObject result = resource;
        for (String name : resource.names()) {
            if (!name.equalsIgnoreCase("schemas") && !isExtensionMember(name) && !isAlwaysReturned(name)) {
                result = result.without(name);
            }
        }
        return result;
    }

    private static ScimObject copy(ScimObject from, ScimObject to, ResolvedAttribute attribute) {
        Optional<ScimObject> source = container(from, attribute);
        Optional<ScimValue> value = source.flatMap(object -> object.get(attribute.attribute().name()));
        if (value.isEmpty()) {
            return to;
        }
        ScimValue selected = attribute.subAttribute().map(sub -> onlySub(value.get(), sub.name())).orElse(value.get());
        ScimObject target = container(to, attribute).orElse(ScimObject.EMPTY);
        ScimValue merged = target.get(attribute.attribute().name())
                .filter(existing -> attribute.subAttribute().isPresent())
                .map(existing -> mergeSubs(existing, selected))
                .orElse(selected);
        return withContainer(to, attribute, target.with(attribute.attribute().name(), merged));
    }

    private static ScimObject remove(ScimObject from, ResolvedAttribute attribute) {
        Optional<ScimObject> source = container(from, attribute);
        if (source.isEmpty()) {
            return from;
        }
        String name = attribute.attribute().name();
        ScimObject changed;
        if (attribute.subAttribute().isEmpty()) {
            changed = source.get().without(name);
        } else {
            Optional<ScimValue> value = source.get().get(name);
            if (value.isEmpty()) {
                return from;
            }
            changed = source.get().with(name, withoutSub(value.get(), attribute.subAttribute().get().name()));
        }
        return withContainer(from, attribute, changed);
    }

    private static Optional<ScimObject> container(ScimObject resource, ResolvedAttribute attribute) {
        return attribute.extension() ? resource.getObject(attribute.schemaUrn()) : Optional.of(resource);
    }

    private static ScimObject withContainer(ScimObject resource, ResolvedAttribute attribute, ScimObject container) {
        if (!attribute.extension()) {
            return container;
        }
        return container.isEmpty() ? resource.without(attribute.schemaUrn())
                : resource.with(attribute.schemaUrn(), container);
    }

    private static ScimValue onlySub(ScimValue value, String sub) {
        if (value instanceof ScimObject object) {
            return object.get(sub).map(v -> (ScimValue) ScimObject.builder().put(sub, v).build())
                    .orElse(ScimObject.EMPTY);
        }
        if (value instanceof ScimArray array) {
            return array.map(element -> onlySub(element, sub));
        }
        return value;
    }

    private static ScimValue withoutSub(ScimValue value, String sub) {
        if (value instanceof ScimObject object) {
            return object.without(sub);
        }
        if (value instanceof ScimArray array) {
            return array.map(element -> withoutSub(element, sub));
        }
        return value;
    }

    private static ScimValue mergeSubs(ScimValue existing, ScimValue addition) {
        if (existing instanceof ScimObject left && addition instanceof ScimObject right) {
            ScimObject merged = left;
            for (String name : right.names()) {
                merged = merged.with(name, right.get(name).orElseThrow());
            }
            return merged;
        }
        if (existing instanceof ScimArray left && addition instanceof ScimArray right && left.size() == right.size()) {
            List<ScimValue> merged = new ArrayList<>();
            for (int i = 0; i < left.size(); i++) {
                merged.add(mergeSubs(left.values().get(i), right.values().get(i)));
            }
            return new ScimArray(merged);
        }
        return addition;
    }

    private static ScimObject defaultSet(ScimObject resource) {
        return UserResources.defaultSet(resource);
    }

    private static boolean isShownByDefault(String name) {
        return UserResources.isShownByDefault(name);
    }

    private static boolean isAlwaysReturned(String name) {
        return UserAttributeResolver.resolve(Optional.empty(), name)
                .filter(resolved -> !resolved.extension())
                .map(resolved -> resolved.attribute().returned() == Returned.ALWAYS)
                .orElse(false);
    }

    /** The names of one parameter that some schema defines: attributes, and bare schema URNs. */
    private static final class Names {
        static final Names NONE = new Names(List.of(), List.of());

        final List<ResolvedAttribute> attributes;
        /** Canonical URNs: {@link UserSchemas#CORE_USER} or an extension's. */
        final List<String> schemas;

        private Names(List<ResolvedAttribute> attributes, List<String> schemas) {
            this.attributes = attributes;
            this.schemas = schemas;
        }

        static Names resolve(List<String> names) {
            return new Names(
                    names.stream().map(AttributePath::resolve).flatMap(Optional::stream).toList(),
                    names.stream().map(UserAttributeResolver::schema).flatMap(Optional::stream)
                            .map(SchemaDefinition::id).toList());
        }
    }
}
