package dev.roster.scim.server.support;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.SecretKeyFactorySpi;

/**
 * Sees every PBKDF2 hash the JVM computes while it is installed, through the hook the JDK itself offers: a security
 * provider, ahead of the others, whose {@code PBKDF2WithHmacSHA256} counts each hash and hands it on to the JDK's
 * own. It can also hold hashes until released, so that a test knows exactly how many run at once — no timing.
 * The server's code is untouched: it asks {@link SecretKeyFactory#getInstance(String)} as in production.
 */
public final class PasswordHashes implements AutoCloseable {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String NAME = "RosterTestPasswordHashes";

    private final AtomicInteger started = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(0);

    private PasswordHashes() {
    }

    /** Installs the counter as the first provider; {@link #close()} removes it. */
    public static PasswordHashes count() {
        PasswordHashes hashes = new PasswordHashes();
        if (Security.insertProviderAt(hashes.provider(), 1) != 1) {
            throw new IllegalStateException("another " + NAME + " is installed");
        }
        return hashes;
    }

    /** How many hashes have started since {@link #count()}. */
    public int started() {
        return started.get();
    }

    /** From now on every hash waits, once it has been counted, until {@link #release()}. */
    public void hold() {
        release = new CountDownLatch(1);
    }

    public void release() {
        release.countDown();
    }

    /** Waits until {@code count} hashes have started; false if they have not within {@code patience}. */
    public boolean awaitStarted(int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (started.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        release();
        Security.removeProvider(NAME);
    }

    private Provider provider() {
        return new Provider(NAME, "1", "counts PBKDF2 hashes for tests") {
            {
                putService(new Service(this, "SecretKeyFactory", ALGORITHM, Counting.class.getName(), null, null) {
                    @Override
                    public Object newInstance(Object parameter) {
                        return new Counting();
                    }
                });
            }
        };
    }

    private final class Counting extends SecretKeyFactorySpi {

        @Override
        protected SecretKey engineGenerateSecret(KeySpec spec) throws InvalidKeySpecException {
            started.incrementAndGet();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a held hash was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return jdk().generateSecret(spec);
        }

        @Override
        protected KeySpec engineGetKeySpec(SecretKey key, Class<?> type) throws InvalidKeySpecException {
            return jdk().getKeySpec(key, type);
        }

        @Override
        protected SecretKey engineTranslateKey(SecretKey key) throws InvalidKeyException {
            return jdk().translateKey(key);
        }

        private SecretKeyFactory jdk() {
            try {
                return SecretKeyFactory.getInstance(ALGORITHM, "SunJCE");
            } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
                throw new IllegalStateException("the JDK's own " + ALGORITHM, e);
            }
        }
    }
}
