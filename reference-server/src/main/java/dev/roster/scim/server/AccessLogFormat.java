package dev.roster.scim.server;

import java.util.Locale;
import java.util.Optional;

/** What {@code --access-log} asked for: one text line per request (the default), one JSON line, or none. */
public enum AccessLogFormat {
    TEXT, JSON, OFF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccessLogFormat> fromLabel(String label) {
        for (AccessLogFormat format : values()) {
            if (format.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
