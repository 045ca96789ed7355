package dev.roster.scim.core.json;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A JSON string. SCIM's string, dateTime, reference and binary attributes are all JSON strings (RFC 7643 §2.3).
 *
 * @param value the text, never null
 */
public record ScimString(String value) implements ScimValue {

    /**
     * A string value, as {@link ScimValue#of(String)} makes it.
     *
     * @param value the text
     * @throws NullPointerException if {@code value} is null
     */
    public ScimString {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The index of the first surrogate in the text that is not half of a pair. Such text is not Unicode, as a SCIM
     * string must be (RFC 7643 §2.3.1): it has no UTF-8 form, so no store could hold or match it.
     *
     * @param text the text to check
     * @return the index (in UTF-16 units) of the first unpaired surrogate; empty when the text is Unicode
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
