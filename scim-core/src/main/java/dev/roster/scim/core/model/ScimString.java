package dev.roster.scim.core.model;

import java.util.Objects;

/** A JSON string. */
public record ScimString(String value) implements ScimValue {

    public ScimString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitString(this);
    }

    @Override
    public String jsonType() {
        return "string";
    }
}
