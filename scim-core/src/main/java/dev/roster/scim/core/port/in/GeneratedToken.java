package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.SiteToken;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly generated SCIM bearer token, to be shown to the admin once and entered at the IdP, with what Roster
 * keeps of it ({@code stored}: its hash, never the token). {@link #toString()} does not reveal it, so it cannot leak
 * into logs by accident.
 *
 * @param token  the bearer token itself: 256 random bits, base64url without padding (43 characters); Roster keeps
 *               no copy, so it cannot be shown again
 * @param stored what Roster keeps of the token: its id, site, name, hash, creation time and expiry
 */
public record GeneratedToken(String token, SiteToken stored) {

    /**
     * A generated token, checked.
     *
     * @param token  the bearer token itself
     * @param stored what Roster keeps of it
     * @throws NullPointerException if a component is null
     */
    public GeneratedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(stored, "stored");
    }

    /**
     * When the token was generated.
     *
     * @return the stored token's creation time, to the millisecond
     */
    public Instant createdAt() {
        return stored.createdAt();
    }

    @Override
    public String toString() {
        return "GeneratedToken[token=redacted, stored=" + stored + "]";
    }
}
