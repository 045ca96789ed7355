package dev.roster.scim.server.admin;

import dev.roster.scim.mybatis.SignInFailures;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where every admin password check goes, for the sign-in form and HTTP Basic alike, in this order:
 * <ol>
 *   <li>A client (see {@link ClientAddress}) with too many recent failures is refused without hashing: it may fail
 *       {@value #BURST} times at once, then once per {@link #FAILURE_INTERVAL} (a GCRA instant in the database, so
 *       the limit holds across servers). Checked first, so that nothing below answers a throttled guess.</li>
 *   <li>The credentials that last passed, remembered as an HMAC under a key that never leaves this process, are
 *       accepted without PBKDF2 for {@link #REMEMBERED_FOR}: a script sending Basic on every call costs one HMAC.
 *       Only a correct password can match, so a guess always pays the full price. The HMAC covers the stored hash,
 *       which is read from the database at every check: once any server stores a new password, no server accepts
 *       the old one (docs/adr/015).</li>
 *   <li>PBKDF2 (about 60 ms of CPU) runs at most once at a time per client and {@value #HASHING_SLOTS} times at once
 *       in all; beyond that the check is refused at once instead of queueing on the request threads.</li>
 * </ol>
 */
final class PasswordGate {

    static final int BURST = 10;
    static final Duration FAILURE_INTERVAL = Duration.ofMinutes(1);
    static final int HASHING_SLOTS = 2;
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    static final Duration RETRY_WHEN_BUSY = Duration.ofSeconds(1);

    private static final String HMAC = "HmacSHA256";
    private static final Duration ALLOWED_AHEAD = FAILURE_INTERVAL.multipliedBy(BURST - 1L);

    enum Outcome { ACCEPTED, REJECTED, THROTTLED, BUSY }

    /** What the check decided; {@code retryAfter} is zero unless the client is told to wait. */
    record Verdict(Outcome outcome, Duration retryAfter) {

        Verdict {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        static final Verdict ACCEPTED = new Verdict(Outcome.ACCEPTED, Duration.ZERO);
        static final Verdict REJECTED = new Verdict(Outcome.REJECTED, Duration.ZERO);

        boolean accepted() {
            return outcome == Outcome.ACCEPTED;
        }
    }

    private record Remembered(byte[] mac, Instant until) {
    }

    private final Supplier<AdminPassword> password;
    private final SignInFailures failures;
    private final Clock clock;
    private final Semaphore hashing = new Semaphore(HASHING_SLOTS);
    private final Set<String> hashingFor = ConcurrentHashMap.newKeySet();
    private final SecretKeySpec processKey;
    private volatile Remembered remembered = new Remembered(new byte[0], Instant.MIN);

    /**
     * @param password the password as stored now, read at every check (from the database, so that a new password
     *                 set by any server applies on every server at once)
     */
    PasswordGate(Supplier<AdminPassword> password, SignInFailures failures, Clock clock) {
        this.password = password;
        this.failures = failures;
        this.clock = clock;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.processKey = new SecretKeySpec(key, HMAC);
    }

    Verdict check(String client, String user, String candidate) {
        Instant now = clock.instant();
        Duration wait = throttledFor(client, now);
        if (!wait.isZero()) {
            return new Verdict(Outcome.THROTTLED, wait);
        }
        AdminPassword current = password.get();
        byte[] mac = mac(current, user, candidate);
        Remembered last = remembered;
        if (now.isBefore(last.until()) && MessageDigest.isEqual(mac, last.mac())) {
            return Verdict.ACCEPTED;
        }
        if (!hashingFor.add(client)) {
            return new Verdict(Outcome.THROTTLED, RETRY_WHEN_BUSY);
        }
        try {
            // Again, now that this client's checks run one at a time: the one before may have been its last allowed.
            wait = throttledFor(client, now);
            if (!wait.isZero()) {
                return new Verdict(Outcome.THROTTLED, wait);
            }
            if (!hashing.tryAcquire()) {
                return new Verdict(Outcome.BUSY, RETRY_WHEN_BUSY);
            }
            try {
                // The hash runs for a wrong user name too, so the answer takes as long either way.
                boolean passwordMatches = current.matches(candidate);
                if (passwordMatches && AdminAuthFilter.USER.equals(user)) {
                    remembered = new Remembered(mac, now.plus(REMEMBERED_FOR));
                    return Verdict.ACCEPTED;
                }
            } finally {
                hashing.release();
            }
            failures.record(client, now, FAILURE_INTERVAL);
            return Verdict.REJECTED;
        } finally {
            hashingFor.remove(client);
        }
    }

    /** How long the client must wait before its next attempt: zero when it may try now. */
    private Duration throttledFor(String client, Instant now) {
        return failures.nextFreeAt(client)
                .map(nextFree -> Duration.between(now.plus(ALLOWED_AHEAD), nextFree))
                .filter(wait -> wait.compareTo(Duration.ZERO) > 0)
                .orElse(Duration.ZERO);
    }

    private byte[] mac(AdminPassword current, String user, String candidate) {
        try {
            Mac hmac = Mac.getInstance(HMAC);
            hmac.init(processKey);
            hmac.update(current.stored().getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal((user + ":" + candidate).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + HMAC, e);
        }
    }
}
