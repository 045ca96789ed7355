package dev.roster.scim.core.json;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        return Optional.ofNullable(member(name));
    }

    /**
     * The member's value if it is assigned: present and not JSON {@code null} (RFC 7643 §2.5).
     *
     * @param name the member's name in any case
     * @return its value; empty if absent or null
     */
    public Optional<ScimValue> getAssigned(String name) {
        ScimValue value = member(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The member's name as this object spells it.
     *
     * @param name the member's name in any case
     * @return this object's spelling, such as {@code userName} for {@code USERNAME}; empty if there is no such
     *         member
     */
    public Optional<String> nameOf(String name) {
        return Optional.ofNullable(spellingOf(name));
    }

    /**
     * The member's text, if it is a string.
     *
     * @param name the member's name in any case
     * @return its text; empty if absent or not a string
     */
    public Optional<String> getString(String name) {
        return member(name) instanceof ScimString string ? Optional.of(string.value()) : Optional.empty();
    }

    /**
     * The member's boolean, if it is one.
     *
     * @param name the member's name in any case
     * @return its value; empty if absent or not a boolean (the string {@code "true"} is not one)
     */
    public Optional<Boolean> getBoolean(String name) {
        return member(name) instanceof ScimBoolean bool ? Optional.of(bool.value()) : Optional.empty();
    }

    /**
     * The member's value, if it is an object (a complex attribute or an extension).
     *
     * @param name the member's name in any case
     * @return the object; empty if absent or not an object
     */
    public Optional<ScimObject> getObject(String name) {
        return member(name) instanceof ScimObject object ? Optional.of(object) : Optional.empty();
    }

    /**
     * The member's value, if it is an array (a multi-valued attribute).
     *
     * @param name the member's name in any case
     * @return the array; empty if absent or not an array
     */
    public Optional<ScimArray> getArray(String name) {
        return member(name) instanceof ScimArray array ? Optional.of(array) : Optional.empty();
    }

    /**
     * Whether the object has a member of that name in any case, JSON {@code null} included.
     *
     * @param name the member's name in any case
     * @return true if there is such a member
     */
    public boolean has(String name) {
        return spellingOf(name) != null;
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
        if (name == null || value == null) {
            throw new NullPointerException("member name and value must not be null");
        }
        // The members are merged already: one pass puts the new one at the place of its name in any case.
        String replaced = spellingOf(name);
        String[] names = ((Merged) members).names;
        String[] changed = replaced == null ? Arrays.copyOf(names, names.length + 1) : names.clone();
        LinkedHashMap<String, ScimValue> copy = new LinkedHashMap<>(changed.length * 4 / 3 + 1);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(replaced)) {
                changed[i] = name;
                copy.put(name, value);
            } else {
                copy.put(names[i], members.get(names[i]));
            }
        }
        if (replaced == null) {
            changed[names.length] = name;
            copy.put(name, value);
        }
        return new ScimObject(new Merged(copy, changed));
    }

    /**
     * A copy without the member of that name in any case.
     *
     * @param name the member's name in any case
     * @return the changed object, or this one if it has no such member
     */
    public ScimObject without(String name) {
        String existing = spellingOf(name);
        if (existing == null) {
            return this;
        }
        String[] names = ((Merged) members).names;
        String[] kept = new String[names.length - 1];
        LinkedHashMap<String, ScimValue> copy = new LinkedHashMap<>(kept.length * 4 / 3 + 1);
        int next = 0;
        for (String key : names) {
            if (!key.equals(existing)) {
                kept[next++] = key;
                copy.put(key, members.get(key));
            }
        }
        return new ScimObject(new Merged(copy, kept));
    }

    /**
     * The value of the member of that name in any case, or null: the lookups' one loop. The getters sit on every
     * path of a PATCH and a rendering, mostly asking for names an object lacks; a stream per miss was half of what
     * a PATCH allocated in the core (issue 12).
     */
    private ScimValue member(String name) {
        ScimValue exact = members.get(name);
        if (exact != null) {
            return exact;
        }
        String spelling = spellingOf(name);
        return spelling == null ? null : members.get(spelling);
    }

    /** This object's spelling of the name in any case, or null. */
    private String spellingOf(String name) {
        if (members.containsKey(name)) {
            return name;
        }
        for (String key : ((Merged) members).names) {
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
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
     * hundred thousand names costs no more than reading them: past {@link #SCANNED} names, positions are kept by
     * case key. A smaller object, which is nearly every object, compares names with {@code equalsIgnoreCase} (what
     * the case keys stand for) and allocates neither keys nor a map.
     */
    private static final class Members {
        private static final int SCANNED = 8;

        private final List<String> names = new ArrayList<>();
        private final List<ScimValue> values = new ArrayList<>();
        private Map<String, Integer> positions;

        void put(String name, ScimValue value) {
            int position = add(name, value);
            if (position >= 0) {
                names.set(position, name);
                values.set(position, value);
            }
        }

        /**
         * Adds the member unless one of that name in any case is there: then nothing changes, and the answer is
         * that member's position; otherwise -1.
         */
        int add(String name, ScimValue value) {
            if (name == null || value == null) {
                throw new NullPointerException("member name and value must not be null");
            }
            int position = positionOf(name);
            if (position >= 0) {
                return position;
            }
            if (positions != null) {
                positions.put(caseKey(name), names.size());
            }
            names.add(name);
            values.add(value);
            if (positions == null && names.size() > SCANNED) {
                positions = new HashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    positions.put(caseKey(names.get(i)), i);
                }
            }
            return -1;
        }

        private int positionOf(String name) {
            if (positions != null) {
                Integer position = positions.get(caseKey(name));
                return position == null ? -1 : position;
            }
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        String nameAt(int position) {
            return names.get(position);
        }

        Map<String, ScimValue> toMap() {
            LinkedHashMap<String, ScimValue> map = new LinkedHashMap<>(names.size() * 4 / 3 + 1);
            for (int i = 0; i < names.size(); i++) {
                map.put(names.get(i), values.get(i));
            }
            return new Merged(map, names.toArray(String[]::new));
        }
    }

    /**
     * Members already merged to one per name in any case, unmodifiable. Only {@link Members} makes one, so the
     * constructor can take it as it is: a builder's object, or one {@link #with} made, is merged once, not twice
     * (each object of a request, a stored document and a rendering was merged again, issue 12).
     */
    private static final class Merged extends AbstractMap<String, ScimValue> {
        private final Map<String, ScimValue> members;
        /** The names in order, for the lookup in any case to walk without an iterator. */
        private final String[] names;

        Merged(LinkedHashMap<String, ScimValue> members, String[] names) {
            this.members = Collections.unmodifiableMap(members);
            this.names = names;
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
            int existing = members.add(name, value);
            return existing >= 0 ? Optional.of(members.nameAt(existing)) : Optional.empty();
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
