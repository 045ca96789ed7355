package dev.roster.scim.core.json;

/** JSON {@code null}. SCIM treats a null attribute as an unassigned one (RFC 7643 §2.5). */
public record ScimNull() implements ScimValue {

    /** JSON {@code null}, as {@link ScimValue#nullValue()} answers it; every {@code ScimNull} equals it. */
    public static final ScimNull INSTANCE = new ScimNull();

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitNull(this);
    }

    @Override
    public boolean isNull() {
        return true;
    }

    @Override
    public String jsonType() {
        return "null";
    }
}
