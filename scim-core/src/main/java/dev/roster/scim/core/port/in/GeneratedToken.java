package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.SiteToken;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly generated SCIM bearer token, to be shown to the admin once and entered at the IdP, with what Roster
 * keeps of it ({@code stored}: its hash, never the token). {@link #toString()} does not reveal it, so it cannot leak
 * into logs by accident.
 */
public record GeneratedToken(String token, SiteToken stored) {

    public GeneratedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(stored, "stored");
    }

    public Instant createdAt() {
        return stored.createdAt();
    }

    @Override
    public String toString() {
        return "GeneratedToken[token=redacted, stored=" + stored + "]";
    }
}
