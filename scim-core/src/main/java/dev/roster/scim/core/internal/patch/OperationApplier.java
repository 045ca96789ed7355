package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.mapping.UserInputNormalizer;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.ResolvedAttribute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Applies one operation to one resource, returning the changed copy (RFC 7644 §3.5.2.1 to §3.5.2.3). The rules it
 * follows where the RFC is silent are listed on {@link PatchEngine}.
 */
final class OperationApplier implements PatchOperation.Visitor<ScimObject> {

    private enum Mode { ADD, REPLACE }

    private final ScimObject resource;
    private final TouchedSlots touched;

    OperationApplier(ScimObject resource, TouchedSlots touched) {
        this.resource = resource;
        this.touched = touched;
    }

    @Override
    public ScimObject visitAdd(PatchOperation.Add operation) {
        return operation.path()
                .map(path -> atPath(path, operation.value(), Mode.ADD))
                .orElseGet(() -> pathless(operation.value(), operation.keyword(), Mode.ADD));
    }

    @Override
    public ScimObject visitReplace(PatchOperation.Replace operation) {
        return operation.path()
                .map(path -> atPath(path, operation.value(), Mode.REPLACE))
                .orElseGet(() -> pathless(operation.value(), operation.keyword(), Mode.REPLACE));
    }

    @Override
    public ScimObject visitRemove(PatchOperation.Remove operation) {
        return PatchTarget.resolve(operation.target())
                .map(target -> remove(resource, requireWritable(target), operation.value()))
                .orElse(resource);
    }

    private ScimObject atPath(PatchPath path, ScimValue value, Mode mode) {
        return PatchTarget.resolve(path)
                .map(target -> set(resource, requireWritable(target), value, mode))
                .orElse(resource);
    }

    /** Each attribute of the value, applied as if it were the operation's path (RFC 7644 §3.5.2.1, §3.5.2.3). */
    private ScimObject pathless(ScimValue value, String keyword, Mode mode) {
        if (!(value instanceof ScimObject attributes)) {
            throw ScimException.invalidValue("An '" + keyword + "' without a path takes an object of attributes as "
                    + "its value, not a " + value.jsonType() + ".");
        }
        ScimObject result = resource;
        for (PathlessValue.Entry entry : PathlessValue.entries(attributes)) {
            PatchTarget target = PatchTarget.of(entry.attribute());
            // Read-only attributes in a partial representation are ignored, as in a PUT (RFC 7644 §3.5.1).
            if (target.writable()) {
                result = set(result, target, entry.value(), mode);
            }
        }
        return result;
    }

    /** Writes the target's slot and no other, as {@link #remove} does; both note the slot in {@code touched}. */
    private ScimObject set(ScimObject resource, PatchTarget target, ScimValue sent, Mode mode) {
        touched.add(target.resolved());
        if (sent.isNull()) {
            return remove(resource, target, Optional.empty());
        }
        if (target.selection().isPresent()) {
            return setSelected(resource, target, target.selection().get(), sent, mode);
        }
        AttributeDefinition attribute = target.attribute();
        ResolvedAttribute resolved = target.resolved();
        if (target.subAttribute().isPresent()) {
            if (attribute.multiValued()) {
                throw ScimException.invalidPath("'" + target.name() + "' names a sub-attribute of every value of '"
                        + attribute.name() + "'; select the values with a filter, as in " + attribute.name()
                        + "[type eq \"work\"]." + target.subAttribute().get().name() + ".");
            }
            AttributeDefinition sub = target.subAttribute().get();
            ScimValue value = UserInputNormalizer.normalizeValue(sub, sent, target.name());
            return AttributeSlots.write(resource, resolved, currentObject(resource, resolved).with(sub.name(), value));
        }
        ScimValue value = UserInputNormalizer.normalizeValue(attribute, sent, target.name());
        if (attribute.multiValued()) {
            ScimArray values = (ScimArray) value;
            return AttributeSlots.write(resource, resolved,
                    mode == Mode.REPLACE ? values : appended(currentValues(resource, resolved), values, target.name()));
        }
        if (attribute.isComplex()) {
            return AttributeSlots.write(resource, resolved,
                    merged(currentObject(resource, resolved), (ScimObject) value, sent, attribute));
        }
        return AttributeSlots.write(resource, resolved, value);
    }

    /** add/replace on {@code attr[filter]} and {@code attr[filter].sub}. */
    private static ScimObject setSelected(ScimObject resource, PatchTarget target, PatchTarget.Selection selection,
                                          ScimValue sent, Mode mode) {
        AttributeDefinition attribute = target.attribute();
        List<ScimValue> values = new ArrayList<>(currentValues(resource, target.resolved()));
        Set<Integer> selected = selected(values, selection);
        if (target.subAttribute().isPresent()) {
            AttributeDefinition sub = target.subAttribute().get();
            ScimValue value = UserInputNormalizer.normalizeValue(sub, sent, target.name());
            if (selected.isEmpty()) {
                // Entra ID sends emails[type eq "work"].value to users who have no work email yet: add one.
                ScimObject described = ValueFilters.describedValue(selection.filter(), attribute)
                        .orElseThrow(() -> noTarget(target));
                ScimArray added = (ScimArray) UserInputNormalizer.normalizeValue(attribute,
                        described.with(sub.name(), value), target.name());
                if (added.size() != 1) {
                    throw noTarget(target);
                }
                values.addAll(added.values());
                selected = Set.of(values.size() - 1);
            } else {
                selected.forEach(i -> values.set(i, ((ScimObject) values.get(i)).with(sub.name(), value)));
            }
        } else {
            if (selected.isEmpty()) {
                throw noTarget(target);
            }
            ScimArray one = (ScimArray) UserInputNormalizer.normalizeValue(attribute, sent, target.name());
            if (one.size() != 1 || !(one.values().get(0) instanceof ScimObject replacement)) {
                throw ScimException.invalidValue("The values that '" + target.name() + "' selects take one value, "
                        + "an object of sub-attributes.");
            }
            selected.forEach(i -> values.set(i, mode == Mode.REPLACE ? replacement
                    : merged((ScimObject) values.get(i), replacement, sent, attribute)));
        }
        return AttributeSlots.write(resource, target.resolved(), PrimaryRule.settle(values, selected, target.name()));
    }

    private ScimObject remove(ScimObject resource, PatchTarget target, Optional<ScimValue> listed) {
        touched.add(target.resolved());
        AttributeDefinition attribute = target.attribute();
        ResolvedAttribute resolved = target.resolved();
        Optional<AttributeDefinition> sub = target.subAttribute();
        if (target.selection().isPresent()) {
            List<ScimValue> values = currentValues(resource, resolved);
            Set<Integer> selected = selected(values, target.selection().get());
            if (selected.isEmpty()) {
                throw noTarget(target);
            }
            List<ScimValue> kept = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (!selected.contains(i)) {
                    kept.add(values.get(i));
                } else if (sub.isPresent()) {
                    keepUnlessEmpty(kept, ((ScimObject) values.get(i)).without(sub.get().name()));
                }
            }
            return AttributeSlots.write(resource, resolved, new ScimArray(kept));
        }
        if (sub.isPresent()) {
            if (attribute.multiValued()) {
                List<ScimValue> kept = new ArrayList<>();
                currentValues(resource, resolved).forEach(value -> keepUnlessEmpty(kept,
                        value instanceof ScimObject object ? object.without(sub.get().name()) : value));
                return AttributeSlots.write(resource, resolved, new ScimArray(kept));
            }
            return AttributeSlots.write(resource, resolved, currentObject(resource, resolved).without(sub.get().name()));
        }
        if (attribute.multiValued() && listed.isPresent() && !listed.get().isNull()) {
            return AttributeSlots.write(resource, resolved, withoutListed(currentValues(resource, resolved),
                    listed.get(), attribute, target.name()));
        }
        return AttributeSlots.write(resource, resolved, ScimValue.nullValue());
    }

    /** The values with the sent ones appended; a value already there is not added twice (§3.5.2.1). */
    private static ScimArray appended(List<ScimValue> current, ScimArray sent, String name) {
        List<ScimValue> values = new ArrayList<>(current);
        // Looked up by hash, not List.indexOf: a 1 MiB body can carry tens of thousands of values, and a linear
        // search per value kept a request busy (and the store's write lock held) for minutes.
        Map<ScimValue, Integer> positions = new HashMap<>();
        for (int i = values.size() - 1; i >= 0; i--) {
            positions.put(values.get(i), i);
        }
        Set<Integer> touched = new LinkedHashSet<>();
        for (ScimValue value : sent.values()) {
            Integer at = positions.get(value);
            if (at == null) {
                values.add(value);
                at = values.size() - 1;
                positions.put(value, at);
            }
            touched.add(at);
        }
        return PrimaryRule.settle(values, touched, name);
    }

    /**
     * The complex value with the sent sub-attributes merged in; sub-attributes not sent are left unchanged
     * (§3.5.2.3), and those sent as JSON null are unassigned.
     */
    private static ScimObject merged(ScimObject current, ScimObject normalized, ScimValue sent,
                                     AttributeDefinition attribute) {
        ScimObject result = current;
        for (Map.Entry<String, ScimValue> member : normalized.members().entrySet()) {
            result = result.with(member.getKey(), member.getValue());
        }
        if (sent instanceof ScimObject object) {
            for (String name : object.names()) {
                if (object.get(name).orElseThrow().isNull()) {
                    Optional<AttributeDefinition> sub = attribute.subAttribute(name);
                    if (sub.isPresent()) {
                        result = result.without(sub.get().name());
                    }
                }
            }
        }
        return result;
    }

    /**
     * The values except those the client listed. A listed value names a value by some of its sub-attributes
     * ({@code {"value": "a@x.org"}}), compared as the filter {@code eq} would compare them.
     */
    private static ScimArray withoutListed(List<ScimValue> current, ScimValue listed, AttributeDefinition attribute,
                                           String name) {
        ScimArray unwanted = (ScimArray) UserInputNormalizer.normalizeValue(attribute, listed, name);
        return new ScimArray(current.stream()
                .filter(value -> unwanted.values().stream().noneMatch(u -> describes(u, value, attribute)))
                .toList());
    }

    private static boolean describes(ScimValue description, ScimValue value, AttributeDefinition attribute) {
        if (!(description instanceof ScimObject wanted) || !(value instanceof ScimObject candidate)) {
            return description.equals(value);
        }
        return !wanted.isEmpty() && wanted.names().stream().allMatch(name -> {
            ScimValue expected = wanted.get(name).orElseThrow();
            Optional<ScimValue> actual = candidate.get(name);
            boolean caseExact = attribute.subAttribute(name).map(AttributeDefinition::caseExact).orElse(true);
            if (!caseExact && expected instanceof ScimString left && actual.orElse(null) instanceof ScimString right) {
                return left.value().equalsIgnoreCase(right.value());
            }
            return actual.map(expected::equals).orElse(false);
        });
    }

    private static Set<Integer> selected(List<ScimValue> values, PatchTarget.Selection selection) {
        return IntStream.range(0, values.size())
                .filter(i -> values.get(i) instanceof ScimObject && selection.selects().test(values.get(i)))
                .boxed()
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<ScimValue> currentValues(ScimObject resource, ResolvedAttribute attribute) {
        return AttributeSlots.read(resource, attribute)
                .filter(ScimArray.class::isInstance)
                .map(value -> ((ScimArray) value).values())
                .orElse(List.of());
    }

    private static ScimObject currentObject(ScimObject resource, ResolvedAttribute attribute) {
        return AttributeSlots.read(resource, attribute)
                .filter(ScimObject.class::isInstance)
                .map(ScimObject.class::cast)
                .orElse(ScimObject.EMPTY);
    }

    private static void keepUnlessEmpty(List<ScimValue> kept, ScimValue value) {
        if (!AttributeSlots.isUnassigned(value)) {
            kept.add(value);
        }
    }

    private static PatchTarget requireWritable(PatchTarget target) {
        if (!target.writable()) {
            throw ScimException.mutability("The attribute '" + target.name() + "' is read-only; a PATCH cannot "
                    + "change it.");
        }
        return target;
    }

    private static ScimException noTarget(PatchTarget target) {
        return ScimException.noTarget("The path '" + target.name() + "' selects no value.");
    }
}
