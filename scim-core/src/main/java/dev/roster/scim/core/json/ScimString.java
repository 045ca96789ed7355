package dev.roster.scim.core.json;

import java.util.Objects;
import java.util.OptionalInt;

/** A JSON string. */
public record ScimString(String value) implements ScimValue {

    public ScimString {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The index of the first surrogate in the text that is not half of a pair. Such text is not Unicode, as a SCIM
     * string must be (RFC 7643 §2.3.1): it has no UTF-8 form, so no store could hold or match it.
     */
    public static OptionalInt unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
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
