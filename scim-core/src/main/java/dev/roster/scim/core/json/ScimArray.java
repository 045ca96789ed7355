package dev.roster.scim.core.json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A JSON array: the values of a multi-valued attribute (RFC 7643 §2.4). Immutable: the operations answer a new
 * array.
 *
 * @param values the elements in order, an unmodifiable copy
 */
public record ScimArray(List<ScimValue> values) implements ScimValue {

    /** The array of no elements, {@code []}. */
    public static final ScimArray EMPTY = new ScimArray(List.of());

    /**
     * An array of these elements, copied.
     *
     * @param values the elements in order
     * @throws NullPointerException if the list or any element is null
     */
    public ScimArray {
        values = List.copyOf(values);
    }

    /**
     * An array of these elements.
     *
     * @param values the elements in order
     * @return the array
     * @throws NullPointerException if any element is null
     */
    public static ScimArray of(ScimValue... values) {
        return new ScimArray(List.of(values));
    }

    /**
     * The number of elements.
     *
     * @return the element count, 0 or more
     */
    public int size() {
        return values.size();
    }

    /**
     * Whether the array has no elements.
     *
     * @return true for {@code []}
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * A copy with one more element at the end.
     *
     * @param value the element to add
     * @return the longer array; this one is unchanged
     */
    public ScimArray append(ScimValue value) {
        List<ScimValue> copy = new ArrayList<>(values);
        copy.add(value);
        return new ScimArray(copy);
    }

    /**
     * A copy with only the elements the predicate keeps, in order.
     *
     * @param keep true for each element to keep
     * @return the filtered array; this one is unchanged
     */
    public ScimArray filter(Predicate<ScimValue> keep) {
        return new ScimArray(values.stream().filter(keep).toList());
    }

    /**
     * A copy with every element changed, in order.
     *
     * @param change what each element becomes; it must not answer null
     * @return the changed array; this one is unchanged
     */
    public ScimArray map(UnaryOperator<ScimValue> change) {
        return new ScimArray(values.stream().map(change).toList());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitArray(this);
    }

    @Override
    public String jsonType() {
        return "array";
    }
}
