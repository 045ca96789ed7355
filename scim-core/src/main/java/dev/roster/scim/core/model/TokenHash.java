package dev.roster.scim.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 hash of a bearer token, hex-encoded. A token carries 256 random bits, so a plain hash is enough: no
 * salt or slow hash is needed against guessing (unlike passwords). Matching is constant-time
 * ({@link MessageDigest#isEqual}), and {@link #toString()} shows nothing of it.
 *
 * <pre>{@code
 * TokenHash stored = TokenHash.of(secret);          // kept; the secret is not
 * stored.matches(presentedBearerToken);             // on each request
 * }</pre>
 *
 * @param hex the hash: 64 lower-case hex digits
 */
public record TokenHash(String hex) {

    /**
     * Cloned for each hash: {@code MessageDigest.getInstance} looks the algorithm up among the providers, and the
     * form check below was a regular expression compiled anew; both ran for every SCIM request (ADR 051).
     */
    private static final MessageDigest SHA_256 = sha256();
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Checks the form.
     *
     * @param hex the hash: 64 lower-case hex digits
     * @throws NullPointerException     without a hash
     * @throws IllegalArgumentException for anything but 64 lower-case hex digits
     */
    public TokenHash {
        Objects.requireNonNull(hex, "hex");
        if (!isLowerHex64(hex)) {
            throw new IllegalArgumentException("a token hash is 64 lower-case hex digits");
        }
    }

    /**
     * Hashes a token.
     *
     * @param token the token's secret, as the client presents it
     * @return the SHA-256 of its UTF-8 bytes
     */
    public static TokenHash of(String token) {
        byte[] digest = newDigest().digest(token.getBytes(StandardCharsets.UTF_8));
        return new TokenHash(HEX.formatHex(digest));
    }

    /** {@code [0-9a-f]{64}}, without a regular expression. */
    private static boolean isLowerHex64(String hex) {
        if (hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether the presented token hashes to this, compared in constant time.
     *
     * @param presentedToken the bearer token of a request
     * @return {@code true} if it is the token this is the hash of
     */
    public boolean matches(String presentedToken) {
        return matches(of(presentedToken));
    }

    /**
     * Whether both are the same hash, compared in constant time.
     *
     * @param other another hash
     * @return {@code true} if they are equal
     */
    public boolean matches(TokenHash other) {
        return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                other.hex.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "TokenHash[redacted]";
    }
}
