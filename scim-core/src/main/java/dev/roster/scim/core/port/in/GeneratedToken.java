package dev.roster.scim.core.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly generated SCIM bearer token, to be shown to the admin once and entered at the IdP. Roster keeps only
 * its hash. {@link #toString()} does not reveal it, so it cannot leak into logs by accident.
 */
public record GeneratedToken(String token, Instant createdAt) {

    public GeneratedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "GeneratedToken[token=redacted, createdAt=" + createdAt + "]";
    }
}
