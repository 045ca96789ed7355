package dev.roster.scim.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code attributes} and {@code excludedAttributes} of a request (RFC 7644 §3.4.2.5, §3.9), applied to a
 * resource under each attribute's {@code returned} characteristic: {@code always} attributes ({@code id}) and
 * {@code schemas} stay, {@code never} ones never show, {@code request} ones only when asked for. Names are resolved
 * case-insensitively, with or without a schema URN; a bare extension URN selects the whole extension; names no
 * schema defines are ignored.
 *
 * <pre>{@code
 * Projection.of(Optional.of("userName,name.givenName"), Optional.empty()).apply(resource);
 * }</pre>
 */
public final class Projection {

    /** No {@code attributes}, no {@code excludedAttributes}: the default set. */
    public static final Projection DEFAULT = new Projection(List.of(), List.of(), List.of(), List.of());

    private final List<ResolvedAttribute> attributes;
    private final List<String> attributeExtensions;
    private final List<ResolvedAttribute> excluded;
    private final List<String> excludedExtensions;

    private Projection(List<ResolvedAttribute> attributes, List<String> attributeExtensions,
                       List<ResolvedAttribute> excluded, List<String> excludedExtensions) {
        this.attributes = attributes;
        this.attributeExtensions = attributeExtensions;
        this.excluded = excluded;
        this.excludedExtensions = excludedExtensions;
    }

    /** Parses the two comma-separated parameters as clients send them. */
    public static Projection of(Optional<String> attributes, Optional<String> excludedAttributes) {
        List<String> included = split(attributes);
        List<String> excludedNames = split(excludedAttributes);
        return new Projection(resolveAll(included), extensionsIn(included), resolveAll(excludedNames),
                extensionsIn(excludedNames));
    }

    public ScimObject apply(ScimObject resource) {
        ScimObject result = attributes.isEmpty() && attributeExtensions.isEmpty() ? withoutNeverReturned(resource)
                : onlyRequested(resource);
        for (ResolvedAttribute attribute : excluded) {
            if (attribute.target().returned() != Returned.ALWAYS && attribute.attribute().returned() != Returned.ALWAYS) {
                result = remove(result, attribute);
            }
        }
        for (String urn : excludedExtensions) {
            result = result.without(urn);
        }
        return result;
    }

    private ScimObject onlyRequested(ScimObject resource) {
        ScimObject.Builder kept = ScimObject.builder();
        resource.forEach((name, value) -> {
            if (name.equalsIgnoreCase("schemas") || isAlwaysReturned(name)) {
                kept.put(name, value);
            } else if (attributeExtensions.stream().anyMatch(name::equalsIgnoreCase)) {
                kept.put(name, value);
            }
        });
        ScimObject result = kept.build();
        for (ResolvedAttribute attribute : attributes) {
            if (attribute.target().returned() != Returned.NEVER) {
                result = copy(resource, result, attribute);
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

    private static ScimObject withoutNeverReturned(ScimObject resource) {
        ScimObject result = resource;
        for (String name : resource.names()) {
            Optional<ResolvedAttribute> resolved = UserAttributeResolver.resolvePath(name);
            if (resolved.isPresent() && resolved.get().attribute().returned() == Returned.NEVER) {
                result = result.without(name);
            }
        }
        return result;
    }

    private static boolean isAlwaysReturned(String name) {
        return UserAttributeResolver.resolve(Optional.empty(), name)
                .filter(resolved -> !resolved.extension())
                .map(resolved -> resolved.attribute().returned() == Returned.ALWAYS)
                .orElse(false);
    }

    private static List<String> split(Optional<String> parameter) {
        return parameter.map(text -> Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private static List<ResolvedAttribute> resolveAll(List<String> names) {
        return names.stream()
                .map(UserAttributeResolver::resolvePath)
                .flatMap(Optional::stream)
                .toList();
    }

    private static List<String> extensionsIn(List<String> names) {
        return names.stream()
                .map(name -> UserAttributeResolver.schema(name).filter(schema -> !schema.id()
                        .equals(UserSchemas.CORE_USER)).map(SchemaDefinition::id))
                .flatMap(Optional::stream)
                .toList();
    }
}
