package dev.roster.scim.core.json;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
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
 *
 * <pre>{@code
 * ScimObject user = ScimObject.builder().put("userName", "ann").put("active", true).build();
 * user.getString("USERNAME");                        // Optional[ann]
 * user.with("Active", ScimValue.of(false)).names();  // [userName, Active]
 * }</pre>
 *
 * @param members the members in order, one per name in any case; an unmodifiable map that looks names up exactly
 *                (use {@link #get} to look them up in any case)
 */
public record ScimObject(Map<String, ScimValue> members) implements ScimValue {

    /** The object of no members, <code>{}</code>. */
    public static final ScimObject EMPTY = new ScimObject(Map.of());

    /**
     * An object of these members, in the map's order. Of names that differ only in case, the last one's spelling
     * and value stay, at the first one's position.
     *
     * @param members the members
     * @throws NullPointerException if the map, a name or a value is null
     */
    public ScimObject {
        if (!(members instanceof Merged)) {
            Members merged = new Members();
            members.forEach(merged::put);
            members = merged.toMap();
        }
    }

    /**
     * Starts an object, member by member.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The member of that name in any case.
     *
     * @param name the attribute name, such as {@code userName} or an extension's URN
     * @return its value, JSON {@code null} included; empty if the object has no such member
     */
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

    /**
     * The member's value if it is assigned: present and not JSON {@code null} (RFC 7643 §2.5).
     *
     * @param name the member's name in any case
     * @return its value; empty if absent or null
     */
    public Optional<ScimValue> getAssigned(String name) {
        return get(name).filter(value -> !value.isNull());
    }

    /**
     * The member's name as this object spells it.
     *
     * @param name the member's name in any case
     * @return this object's spelling, such as {@code userName} for {@code USERNAME}; empty if there is no such
     *         member
     */
    public Optional<String> nameOf(String name) {
        if (members.containsKey(name)) {
            return Optional.of(name);
        }
        return members.keySet().stream().filter(key -> key.equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The member's text, if it is a string.
     *
     * @param name the member's name in any case
     * @return its text; empty if absent or not a string
     */
    public Optional<String> getString(String name) {
        return get(name).filter(ScimString.class::isInstance).map(value -> ((ScimString) value).value());
    }

    /**
     * The member's boolean, if it is one.
     *
     * @param name the member's name in any case
     * @return its value; empty if absent or not a boolean (the string {@code "true"} is not one)
     */
    public Optional<Boolean> getBoolean(String name) {
        return get(name).filter(ScimBoolean.class::isInstance).map(value -> ((ScimBoolean) value).value());
    }

    /**
     * The member's value, if it is an object (a complex attribute or an extension).
     *
     * @param name the member's name in any case
     * @return the object; empty if absent or not an object
     */
    public Optional<ScimObject> getObject(String name) {
        return get(name).filter(ScimObject.class::isInstance).map(ScimObject.class::cast);
    }

    /**
     * The member's value, if it is an array (a multi-valued attribute).
     *
     * @param name the member's name in any case
     * @return the array; empty if absent or not an array
     */
    public Optional<ScimArray> getArray(String name) {
        return get(name).filter(ScimArray.class::isInstance).map(ScimArray.class::cast);
    }

    /**
     * Whether the object has a member of that name in any case, JSON {@code null} included.
     *
     * @param name the member's name in any case
     * @return true if there is such a member
     */
    public boolean has(String name) {
        return nameOf(name).isPresent();
    }

    /**
     * The members' names as this object spells them, in order.
     *
     * @return an unmodifiable view of the names
     */
    public Set<String> names() {
        return members.keySet();
    }

    /**
     * The number of members.
     *
     * @return the member count, 0 or more
     */
    public int size() {
        return members.size();
    }

    /**
     * Whether the object has no members.
     *
     * @return true for <code>{}</code>
     */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /**
     * Hands each member to the action, in order.
     *
     * @param action what to do with each name (as spelt here) and value
     */
    public void forEach(BiConsumer<String, ScimValue> action) {
        members.forEach(action);
    }

    /**
     * A copy with the member set, replacing one of the same name in any case (keeping its position, taking the new
     * spelling).
     *
     * @param name  the member's name
     * @param value its new value
     * @return the changed object; this one is unchanged
     */
    public ScimObject with(String name, ScimValue value) {
        Members copy = new Members();
        members.forEach(copy::put);
        copy.put(name, value);
        return new ScimObject(copy.toMap());
    }

    /**
     * A copy without the member of that name in any case.
     *
     * @param name the member's name in any case
     * @return the changed object, or this one if it has no such member
     */
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
            LinkedHashMap<String, ScimValue> map = new LinkedHashMap<>(names.size() * 4 / 3 + 1);
            for (int i = 0; i < names.size(); i++) {
                map.put(names.get(i), values.get(i));
            }
            return new Merged(map);
        }
    }

    /**
     * Members already merged to one per name in any case, unmodifiable. Only {@link Members} makes one, so the
     * constructor can take it as it is: a builder's object, or one {@link #with} made, is merged once, not twice
     * (each object of a request, a stored document and a rendering was merged again, issue 12).
     */
    private static final class Merged extends AbstractMap<String, ScimValue> {
        private final Map<String, ScimValue> members;

        Merged(LinkedHashMap<String, ScimValue> members) {
            this.members = Collections.unmodifiableMap(members);
        }

        @Override
        public Set<Entry<String, ScimValue>> entrySet() {
            return members.entrySet();
        }

        @Override
        public ScimValue get(Object key) {
            return members.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return members.containsKey(key);
        }

        @Override
        public int size() {
            return members.size();
        }

        @Override
        public Set<String> keySet() {
            return members.keySet();
        }

        @Override
        public Collection<ScimValue> values() {
            return members.values();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super ScimValue> action) {
            members.forEach(action);
        }
    }

    /** Builds an object member by member, in order; one builder makes one object. */
    public static final class Builder {
        private final Members members = new Members();

        private Builder() {
        }

        /**
         * Adds a member, or replaces one of the same name in any case at its position.
         *
         * @param name  the member's name
         * @param value its value
         * @return this builder
         * @throws NullPointerException if either is null
         */
        public Builder put(String name, ScimValue value) {
            members.put(name, value);
            return this;
        }

        /** Adds a member only if no member of that name in any case is there; otherwise the name already there. */
        Optional<String> putIfNew(String name, ScimValue value) {
            OptionalInt existing = members.add(name, value);
            return existing.isPresent() ? Optional.of(members.nameAt(existing.getAsInt())) : Optional.empty();
        }

        /**
         * Adds a string member, as {@code put(name, ScimValue.of(value))}.
         *
         * @param name  the member's name
         * @param value its text
         * @return this builder
         */
        public Builder put(String name, String value) {
            return put(name, ScimValue.of(value));
        }

        /**
         * Adds a boolean member, as {@code put(name, ScimValue.of(value))}.
         *
         * @param name  the member's name
         * @param value its value
         * @return this builder
         */
        public Builder put(String name, boolean value) {
            return put(name, ScimValue.of(value));
        }


        /**
         * Adds a string member if there is a value, and nothing otherwise (not JSON {@code null}).
         *
         * @param name  the member's name
         * @param value its text, if any
         * @return this builder
         */
        public Builder putStringIfPresent(String name, Optional<String> value) {
            value.ifPresent(v -> put(name, ScimValue.of(v)));
            return this;
        }

        /**
         * The object of the members added so far.
         *
         * @return the object
         */
        public ScimObject build() {
            return new ScimObject(members.toMap());
        }
    }
}
