package dev.roster.scim.core.json;

/**
 * A JSON boolean, such as {@code active}.
 *
 * @param value the boolean
 */
public record ScimBoolean(boolean value) implements ScimValue {

    /** JSON {@code true}, which {@link ScimValue#of(boolean)} answers. */
    public static final ScimBoolean TRUE = new ScimBoolean(true);

    /** JSON {@code false}, which {@link ScimValue#of(boolean)} answers. */
    public static final ScimBoolean FALSE = new ScimBoolean(false);

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitBoolean(this);
    }

    @Override
    public String jsonType() {
        return "boolean";
    }
}
