package dev.roster.scim.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The bearer token a Prometheus server scrapes {@code /metrics} with, kept as its SHA-256 only and compared in
 * constant time. It opens {@code /metrics} and nothing else; no site's SCIM token opens it. Without one, only the
 * admin (session or Basic) reads the metrics.
 */
public final class MetricsToken {

    /** Short tokens are refused at start: a scrape token is a machine secret, not something a person types. */
    public static final int MIN_LENGTH = 32;

    private final Optional<byte[]> hash;

    private MetricsToken(Optional<byte[]> hash) {
        this.hash = hash;
    }

    /** No scrape token: the admin's credentials only. */
    public static MetricsToken none() {
        return new MetricsToken(Optional.empty());
    }

    /** The given token; {@link IllegalArgumentException} if it is shorter than {@link #MIN_LENGTH} or not ASCII. */
    public static MetricsToken of(String token) {
        if (token.length() < MIN_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the metrics token must be at least " + MIN_LENGTH
                    + " printable ASCII characters without spaces (e.g. openssl rand -hex 32)");
        }
        return new MetricsToken(Optional.of(sha256(token)));
    }

    /** Whether a token is configured. */
    public boolean configured() {
        return hash.isPresent();
    }

    /** Whether {@code presented} is the token, compared by hash in constant time. */
    boolean matches(String presented) {
        return hash.map(expected -> MessageDigest.isEqual(expected, sha256(presented))).orElse(false);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
