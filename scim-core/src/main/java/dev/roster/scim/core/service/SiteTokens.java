package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.model.TokenHash;
import dev.roster.scim.core.port.in.GeneratedToken;
import dev.roster.scim.core.port.in.TokenRequest;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The token rules of {@link SiteAdministrationService}: issuing, rotating with an overlap, revoking, and finding the
 * live token a request presents. Every check is made on the site's tokens as stored now ({@link SiteSnapshots}
 * checks their version per request) and against the clock, so a revocation or expiry holds on every server at once;
 * only the last-use record is coarse (once a minute per token, by a conditional write).
 */
final class SiteTokens {

    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_LIVE_TOKENS = 10;
    static final Duration MAX_OVERLAP = Duration.ofDays(30);
    private static final int TOKEN_BYTES = 32;
    private static final int ID_BYTES = 8;

    private final Ports ports;
    private final SecureRandom random;
    private final SiteAudit audit;
    /** Compared against when a site has no token, so that answering takes as long as for a wrong token. */
    private final TokenHash unusable;

    SiteTokens(Ports ports, SecureRandom random, SiteAudit audit) {
        this.ports = ports;
        this.random = random;
        this.audit = audit;
        this.unusable = TokenHash.of(newSecret());
    }

    /** Issues the token in the caller's unit; SSO is checked by the caller. */
    GeneratedToken generate(SiteId site, TokenRequest request) {
        Instant now = now();
        String name = validName(request.name());
        validate(request, now);
        ports.sites().deleteTokensExpiredBefore(site, now);
        List<SiteToken> others = ports.sites().tokens(site).stream().filter(token -> token.isLiveAt(now)).toList();
        boolean replacing = request.others() == TokenRequest.Others.REPLACE;
        if (!replacing && others.size() >= MAX_LIVE_TOKENS) {
            throw ScimException.conflict("The site has " + MAX_LIVE_TOKENS + " live tokens, the most it may have: "
                    + "revoke one first, or generate a token that replaces them.");
        }
        String secret = newSecret();
        // Kept to the millisecond, as stored, so that what is shown is what applies.
        Optional<Instant> expiresAt = request.expiresAt().map(at -> at.truncatedTo(ChronoUnit.MILLIS));
        SiteToken issued = SiteToken.issued(newId(), site, name, TokenHash.of(secret), now, expiresAt);
        ports.sites().insertToken(issued);
        if (replacing) {
            replace(site, others, now.plus(request.overlap()), request.overlap().isZero());
        }
        audit.tokenIssued(issued, others, replacing ? Optional.of(request.overlap()) : Optional.empty());
        return new GeneratedToken(secret, issued);
    }

    List<SiteToken> list(SiteId site) {
        return ports.sites().tokens(site);
    }

    void revoke(SiteId site, String tokenId) {
        SiteToken token = ports.sites().tokens(site).stream().filter(stored -> stored.id().equals(tokenId))
                .findFirst().orElseThrow(() -> ScimException.notFound("The site has no token '" + tokenId + "'."));
        ports.sites().deleteToken(site, tokenId);
        audit.tokenRevoked(token);
    }

    /**
     * The live token that hashes like the presented one. Every stored hash is compared, in constant time, so the
     * answer takes as long whichever token (if any) matches.
     */
    Optional<SiteToken> live(List<SiteToken> tokens, String presented) {
        TokenHash hash = TokenHash.of(presented);
        Optional<SiteToken> match = Optional.empty();
        boolean anyMatch = unusable.matches(hash);
        for (SiteToken token : tokens) {
            if (token.hash().matches(hash)) {
                match = Optional.of(token);
                anyMatch = true;
            }
        }
        Instant now = now();
        return anyMatch ? match.filter(token -> token.isLiveAt(now)) : Optional.empty();
    }

    /**
     * Records that the token was used now from that address, unless a use within the last minute is recorded: one
     * write a minute per token at most, the condition in the store keeping servers from writing it twice. Whether it
     * is due is asked of the snapshot, in memory; a write another server made meanwhile makes this one's a no-op,
     * and a failed write only leaves the record older. Either way this server tries again a minute later, not at
     * the next request.
     */
    void recordUse(SiteSnapshots.SiteSnapshot snapshot, SiteToken token, String clientAddress) {
        Instant now = now();
        if (!snapshot.useRecordDue(token, now)) {
            return;
        }
        snapshot.useWritten(token, now);
        try {
            ports.sites().recordTokenUse(token.site(), token.id(), now, clientAddress,
                    now.minus(SiteToken.LAST_USE_GRANULARITY));
        } catch (RuntimeException e) {
            // Bookkeeping must not refuse a request that presented a live token.
        }
    }

    private void replace(SiteId site, List<SiteToken> others, Instant until, boolean atOnce) {
        for (SiteToken other : others) {
            if (atOnce) {
                ports.sites().deleteToken(site, other.id());
            } else if (other.expiresAt().map(until::isBefore).orElse(true)) {
                ports.sites().expireToken(site, other.id(), until);
            }
        }
    }

    private static String validName(String requested) {
        String name = requested.strip();
        if (name.isEmpty()) {
            return TokenRequest.DEFAULT_NAME;
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw ScimException.invalidValue("A token's name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw ScimException.invalidValue("A token's name may not hold control characters.");
        }
        return name;
    }

    private static void validate(TokenRequest request, Instant now) {
        if (request.expiresAt().filter(at -> !at.isAfter(now)).isPresent()) {
            throw ScimException.invalidValue("A token's expiry must be in the future; it is now " + now + ".");
        }
        if (request.overlap().isNegative() || request.overlap().compareTo(MAX_OVERLAP) > 0) {
            throw ScimException.invalidValue("The overlap of a rotation is 0 to 30 days.");
        }
    }

    private Instant now() {
        return ports.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String newSecret() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
