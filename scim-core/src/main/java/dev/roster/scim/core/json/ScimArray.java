package dev.roster.scim.core.json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A JSON array: the values of a multi-valued attribute. */
public record ScimArray(List<ScimValue> values) implements ScimValue {

    public static final ScimArray EMPTY = new ScimArray(List.of());

    public ScimArray {
        values = List.copyOf(values);
    }

    public static ScimArray of(ScimValue... values) {
        return new ScimArray(List.of(values));
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public ScimArray append(ScimValue value) {
        List<ScimValue> copy = new ArrayList<>(values);
        copy.add(value);
        return new ScimArray(copy);
    }

    public ScimArray filter(Predicate<ScimValue> keep) {
        return new ScimArray(values.stream().filter(keep).toList());
    }

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
