package dev.roster.scim.core.json;

/** A JSON boolean. */
public record ScimBoolean(boolean value) implements ScimValue {

    public static final ScimBoolean TRUE = new ScimBoolean(true);
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
