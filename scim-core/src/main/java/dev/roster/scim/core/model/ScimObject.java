package dev.roster.scim.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A JSON object: a resource, a complex attribute value or an extension. Member order is kept; member names are
 * looked up case-insensitively, because SCIM attribute names are case-insensitive (RFC 7643 §2.1). Adding a member
 * whose name differs only in case from an existing one replaces it.
 */
public record ScimObject(Map<String, ScimValue> members) implements ScimValue {

    public static final ScimObject EMPTY = new ScimObject(Map.of());

    public ScimObject {
        LinkedHashMap<String, ScimValue> copy = new LinkedHashMap<>();
        members.forEach((name, value) -> putIgnoringCase(copy, name, value));
        members = Collections.unmodifiableMap(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The member of that name in any case. */
    public Optional<ScimValue> get(String name) {
        ScimValue exact = members.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return members.entrySet().stream()
                .filter(member -> member.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The member's value if it is present and not JSON null. */
    public Optional<ScimValue> getAssigned(String name) {
        return get(name).filter(value -> !value.isNull());
    }

    /** The member's name as this object spells it. */
    public Optional<String> nameOf(String name) {
        if (members.containsKey(name)) {
            return Optional.of(name);
        }
        return members.keySet().stream().filter(key -> key.equalsIgnoreCase(name)).findFirst();
    }

    public Optional<String> getString(String name) {
        return get(name).filter(ScimString.class::isInstance).map(value -> ((ScimString) value).value());
    }

    public Optional<Boolean> getBoolean(String name) {
        return get(name).filter(ScimBoolean.class::isInstance).map(value -> ((ScimBoolean) value).value());
    }

    public Optional<ScimObject> getObject(String name) {
        return get(name).filter(ScimObject.class::isInstance).map(ScimObject.class::cast);
    }

    public Optional<ScimArray> getArray(String name) {
        return get(name).filter(ScimArray.class::isInstance).map(ScimArray.class::cast);
    }

    public boolean has(String name) {
        return nameOf(name).isPresent();
    }

    public Set<String> names() {
        return members.keySet();
    }

    public int size() {
        return members.size();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public void forEach(BiConsumer<String, ScimValue> action) {
        members.forEach(action);
    }

    /** A copy with the member set, replacing one of the same name in any case (keeping its position). */
    public ScimObject with(String name, ScimValue value) {
        LinkedHashMap<String, ScimValue> copy = new LinkedHashMap<>(members);
        putIgnoringCase(copy, name, value);
        return new ScimObject(copy);
    }

    /** A copy without the member of that name in any case. */
    public ScimObject without(String name) {
        Optional<String> existing = nameOf(name);
        if (existing.isEmpty()) {
            return this;
        }
        LinkedHashMap<String, ScimValue> copy = new LinkedHashMap<>(members);
        copy.remove(existing.get());
        return new ScimObject(copy);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitObject(this);
    }

    @Override
    public String jsonType() {
        return "object";
    }

    private static void putIgnoringCase(LinkedHashMap<String, ScimValue> map, String name, ScimValue value) {
        if (name == null || value == null) {
            throw new NullPointerException("member name and value must not be null");
        }
        String existing = null;
        for (String key : map.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                existing = key;
                break;
            }
        }
        if (existing == null || existing.equals(name)) {
            map.put(name, value);
        } else {
            // Keep the member's position but adopt the new spelling.
            LinkedHashMap<String, ScimValue> rebuilt = new LinkedHashMap<>();
            for (Map.Entry<String, ScimValue> entry : map.entrySet()) {
                if (entry.getKey().equals(existing)) {
                    rebuilt.put(name, value);
                } else {
                    rebuilt.put(entry.getKey(), entry.getValue());
                }
            }
            map.clear();
            map.putAll(rebuilt);
        }
    }

    /** Builds an object member by member. */
    public static final class Builder {
        private final LinkedHashMap<String, ScimValue> members = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, ScimValue value) {
            putIgnoringCase(members, name, value);
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, ScimValue.of(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, ScimValue.of(value));
        }


        public Builder putStringIfPresent(String name, Optional<String> value) {
            value.ifPresent(v -> put(name, ScimValue.of(v)));
            return this;
        }

        public ScimObject build() {
            return new ScimObject(members);
        }
    }
}
