package dev.roster.scim.core.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an admin asks for when generating a SCIM token ({@link SiteAdministration#generateToken(
 * dev.roster.scim.core.model.SiteId, TokenRequest)}): its name, when it expires (empty: never, until revoked), and
 * what becomes of the site's other tokens. {@link Others#REPLACE} with an overlap keeps them working for that long
 * (a rotation: the IdP is switched to the new token meanwhile); with no overlap they stop at once, as generating a
 * token always did. {@link Others#KEEP} adds a token beside them (a second IdP).
 *
 * <pre>{@code
 * TokenRequest.named("okta").expiringAt(Instant.parse("2027-01-01T00:00:00Z")).replacingAfter(Duration.ofHours(1))
 * }</pre>
 *
 * <p>{@link SiteAdministration#generateToken(dev.roster.scim.core.model.SiteId, TokenRequest)} checks it: a name of
 * at most 64 characters without control characters, an expiry ahead, an overlap of 0 to 30 days.
 *
 * @param name      the admin's name for the token (which IdP holds it); blank gets {@link #DEFAULT_NAME}
 * @param expiresAt when the token stops working, kept to the millisecond; empty for never (until revoked)
 * @param others    what becomes of the site's other tokens
 * @param overlap   with {@link Others#REPLACE}, how long the others keep working (one that expires sooner still
 *                  does); zero to stop them at once (they are then removed). Unused with {@link Others#KEEP}
 */
public record TokenRequest(String name, Optional<Instant> expiresAt, Others others, Duration overlap) {

    /** What generating the token does to the site's other tokens. */
    public enum Others {
        /** They stop working once the overlap has passed (at once without one). */
        REPLACE,
        /** They keep working as they were. */
        KEEP
    }

    /** The name a token gets when the admin gives none (and the name of the token a site had before names). */
    public static final String DEFAULT_NAME = "token";

    /**
     * A request, checked for null; its values are checked when the token is generated.
     *
     * @param name      the token's name
     * @param expiresAt when it stops working, or empty
     * @param others    what becomes of the other tokens
     * @param overlap   how long replaced tokens keep working
     * @throws NullPointerException if a component is null
     */
    public TokenRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(others, "others");
        Objects.requireNonNull(overlap, "overlap");
    }

    /**
     * A token of that name, without expiry, replacing the others at once.
     *
     * @param name the admin's name for the token
     * @return the request
     */
    public static TokenRequest named(String name) {
        return new TokenRequest(name, Optional.empty(), Others.REPLACE, Duration.ZERO);
    }

    /**
     * The same request, for a token that stops working at {@code at}.
     *
     * @param at the expiry, which must be ahead when the token is generated
     * @return the request
     */
    public TokenRequest expiringAt(Instant at) {
        return new TokenRequest(name, Optional.of(at), others, overlap);
    }

    /**
     * Replaces the other tokens once {@code value} has passed: a rotation with an overlap.
     *
     * @param value the overlap, 0 to 30 days; zero stops the others at once
     * @return the request
     */
    public TokenRequest replacingAfter(Duration value) {
        return new TokenRequest(name, expiresAt, Others.REPLACE, value);
    }

    /**
     * Leaves the other tokens as they are (a site has at most 10 live tokens).
     *
     * @return the request
     */
    public TokenRequest keepingOthers() {
        return new TokenRequest(name, expiresAt, Others.KEEP, Duration.ZERO);
    }
}
