package dev.roster.scim.core.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
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

    /** Up to how many members an object is searched name by name rather than through a hash map. */
    private static final int SCANNED = 8;

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
        // The members are merged already: the new one goes to the place of its name in any case, or last.
        Merged merged = (Merged) members;
        int replaced = merged.positionInAnyCase(name);
        int size = merged.names.length;
        String[] names = Arrays.copyOf(merged.names, replaced < 0 ? size + 1 : size);
        ScimValue[] values = Arrays.copyOf(merged.values, names.length);
        int at = replaced < 0 ? size : replaced;
        names[at] = name;
        values[at] = value;
        return new ScimObject(new Merged(names, values));
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
        Merged merged = (Merged) members;
        int removed = merged.positionInAnyCase(existing);
        String[] names = new String[merged.names.length - 1];
        ScimValue[] values = new ScimValue[names.length];
        System.arraycopy(merged.names, 0, names, 0, removed);
        System.arraycopy(merged.values, 0, values, 0, removed);
        System.arraycopy(merged.names, removed + 1, names, removed, names.length - removed);
        System.arraycopy(merged.values, removed + 1, values, removed, names.length - removed);
        return new ScimObject(new Merged(names, values));
    }

    /**
     * The value of the member of that name in any case, or null: the lookups' one loop. The getters sit on every
     * path of a PATCH and a rendering, mostly asking for names an object lacks; a stream per miss was half of what
     * a PATCH allocated in the core (issue 12).
     */
    private ScimValue member(String name) {
        Merged merged = (Merged) members;
        int position = merged.positionInAnyCase(name);
        return position < 0 ? null : merged.values[position];
    }

    /** This object's spelling of the name in any case, or null. */
    private String spellingOf(String name) {
        Merged merged = (Merged) members;
        int position = merged.positionInAnyCase(name);
        return position < 0 ? null : merged.names[position];
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
        private String[] names = new String[4];
        private ScimValue[] values = new ScimValue[4];
        private int size;
        private Map<String, Integer> positions;

        void put(String name, ScimValue value) {
            int position = add(name, value);
            if (position >= 0) {
                names[position] = name;
                values[position] = value;
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
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            if (positions != null) {
                positions.put(caseKey(name), size);
            }
            names[size] = name;
            values[size] = value;
            size++;
            if (positions == null && size > SCANNED) {
                positions = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    positions.put(caseKey(names[i]), i);
                }
            }
            return -1;
        }

        private int positionOf(String name) {
            if (positions != null) {
                Integer position = positions.get(caseKey(name));
                return position == null ? -1 : position;
            }
            for (int i = 0; i < size; i++) {
                if (names[i].equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        String nameAt(int position) {
            return names[position];
        }

        Map<String, ScimValue> toMap() {
            return new Merged(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
        }
    }

    /**
     * Members already merged to one per name in any case, unmodifiable, in two arrays: names and values. Only this
     * class makes one, so the constructor can take it as it is: a builder's object, or one {@link #with} made, is
     * merged once, not twice (each object of a request, a stored document and a rendering was merged again, issue
     * 12), and it costs two arrays rather than a linked hash map, its nodes and its wrapper.
     */
    private static final class Merged extends AbstractMap<String, ScimValue> {
        private final String[] names;
        private final ScimValue[] values;
        /** Positions by exact name, for an object too large to walk; null for the others. */
        private final Map<String, Integer> exact;
        private Set<Entry<String, ScimValue>> entries;

        Merged(String[] names, ScimValue[] values) {
            this.names = names;
            this.values = values;
            if (names.length > SCANNED) {
                exact = new HashMap<>(names.length * 4 / 3 + 1);
                for (int i = 0; i < names.length; i++) {
                    exact.put(names[i], i);
                }
            } else {
                exact = null;
            }
        }

        int position(Object name) {
            if (exact != null) {
                Integer position = exact.get(name);
                return position == null ? -1 : position;
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** The position of the name as spelt, else of the first one equal to it in any case; -1 if none. */
        int positionInAnyCase(String name) {
            int position = position(name);
            if (position >= 0) {
                return position;
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Set<Entry<String, ScimValue>> entrySet() {
            if (entries == null) {
                entries = new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, ScimValue>> iterator() {
                        return new Iterator<>() {
                            private int next;

                            @Override
                            public boolean hasNext() {
                                return next < names.length;
                            }

                            @Override
                            public Entry<String, ScimValue> next() {
                                if (next >= names.length) {
                                    throw new NoSuchElementException();
                                }
                                int at = next++;
                                return new SimpleImmutableEntry<>(names[at], values[at]);
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return names.length;
                    }
                };
            }
            return entries;
        }

        @Override
        public ScimValue get(Object key) {
            int position = position(key);
            return position < 0 ? null : values[position];
        }

        @Override
        public boolean containsKey(Object key) {
            return position(key) >= 0;
        }

        @Override
        public int size() {
            return names.length;
        }

        @Override
        public boolean isEmpty() {
            return names.length == 0;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super ScimValue> action) {
            for (int i = 0; i < names.length; i++) {
                action.accept(names[i], values[i]);
            }
        }

        // Map's equality and hash, computed over the arrays: through entrySet() each would allocate an entry per
        // member, and users' profiles are compared on every write.
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Merged merged)) {
                return super.equals(other);
            }
            if (merged.names.length != names.length) {
                return false;
            }
            for (int i = 0; i < names.length; i++) {
                if (!values[i].equals(merged.get(names[i]))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 0;
            for (int i = 0; i < names.length; i++) {
                hash += names[i].hashCode() ^ values[i].hashCode();
            }
            return hash;
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
