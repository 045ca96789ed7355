package dev.roster.scim.core.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
        Members merged = new Members();
        members.forEach(merged::put);
        members = merged.toMap();
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
        Members copy = new Members();
        members.forEach(copy::put);
        copy.put(name, value);
        return new ScimObject(copy.toMap());
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

    /**
     * The key under which a member name is unique: two names have the same key exactly when
     * {@link String#equalsIgnoreCase} holds for them (it compares code points by their upper case, then by the
     * lower case of that), so that merging and lookups agree.
     */
    static String caseKey(String name) {
        if (isAscii(name)) {
            return name.toLowerCase(Locale.ROOT);
        }
        StringBuilder key = new StringBuilder(name.length());
        name.codePoints().forEach(c -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return key.toString();
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Members collected in order, one per name in any case: a name that differs only in case from an earlier one
     * replaces it at its position with the new spelling. Linear in the number of members, so that an object of a
     * hundred thousand names costs no more than reading them.
     */
    private static final class Members {
        private final List<String> names = new ArrayList<>();
        private final List<ScimValue> values = new ArrayList<>();
        private final Map<String, Integer> positions = new HashMap<>();

        void put(String name, ScimValue value) {
            add(name, value).ifPresent(position -> {
                names.set(position, name);
                values.set(position, value);
            });
        }

        /**
         * Adds the member unless one of that name in any case is there: then nothing changes, and the answer is
         * that member's position.
         */
        OptionalInt add(String name, ScimValue value) {
            if (name == null || value == null) {
                throw new NullPointerException("member name and value must not be null");
            }
            Integer position = positions.putIfAbsent(caseKey(name), names.size());
            if (position != null) {
                return OptionalInt.of(position);
            }
            names.add(name);
            values.add(value);
            return OptionalInt.empty();
        }

        String nameAt(int position) {
            return names.get(position);
        }

        Map<String, ScimValue> toMap() {
            LinkedHashMap<String, ScimValue> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                map.put(names.get(i), values.get(i));
            }
            return Collections.unmodifiableMap(map);
        }
    }

    /** Builds an object member by member. */
    public static final class Builder {
        private final Members members = new Members();

        private Builder() {
        }

        public Builder put(String name, ScimValue value) {
            members.put(name, value);
            return this;
        }

        /** Adds a member only if no member of that name in any case is there; otherwise the name already there. */
        Optional<String> putIfNew(String name, ScimValue value) {
            OptionalInt existing = members.add(name, value);
            return existing.isPresent() ? Optional.of(members.nameAt(existing.getAsInt())) : Optional.empty();
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
            return new ScimObject(members.toMap());
        }
    }
}
