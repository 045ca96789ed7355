package dev.roster.scim.core.internal.paging;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.FilterPrinter;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.CursorKeys;
import dev.roster.scim.core.port.out.Keyset;
import dev.roster.scim.core.port.out.UserQuery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The cursors of RFC 9865 paging: what a cursor holds and the checks it must pass. A cursor is the base64url (no
 * padding: only unreserved characters, RFC 3986 §2.3) of
 *
 * <pre>
 * version (1) | expires at, epoch seconds (8) | direction (1) | count (4) | the store's position (UTF-8) | tag (32)
 * </pre>
 *
 * where the tag is the HMAC-SHA256, under the key every server on the database shares, of the site, the query's
 * scope ({@link #scopeOf}: filter, sort, hidden and pending users) and the bytes before it. The site and the query
 * are not in the cursor, only bound by the tag: a cursor replayed on another site, or with another filter or sort,
 * fails the check like a forged one, with one and the same answer ({@code 400 invalidCursor}, RFC 9865 §5.2).
 * Only then is the expiry checked ({@code expiredCursor}), then the count ({@code invalidCount}: RFC 9865 §2.1
 * wants the count of the first page on every page). A cursor grants nothing: the request's bearer token decides
 * the site before a cursor is read.
 */
public final class PagingCursors {

    /** How long a cursor stays good, announced as {@code cursorTimeout}. */
    public static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static final byte VERSION = 1;
    private static final int HEADER = 1 + 8 + 1 + 4;
    private static final int TAG = 32;
    private static final int MAX_LENGTH = 4096;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String INVALID = "The cursor is not one this service provider issued for this query. "
            + "Send an empty cursor for the first page, then the nextCursor or previousCursor of the last response, "
            + "with the same filter, sortBy and sortOrder.";

    private final Supplier<byte[]> key;
    private final Clock clock;

    /** The key is read once, on first use, and kept. */
    public PagingCursors(CursorKeys keys, Clock clock) {
        Objects.requireNonNull(keys, "keys");
        this.key = new Once<>(keys::cursorKey);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What binds a cursor to its query: the parts of the query that decide which users a page holds, in order. */
    public static String scopeOf(UserQuery query) {
        return "filter=" + query.filter().map(FilterPrinter::print).orElse("")
                + "\nsort=" + query.sort().map(sort -> sort.path() + (sort.ascending() ? " asc" : " desc")).orElse("")
                + "\nhidden=" + query.includeHidden() + "\npending=" + query.pending();
    }

    /** A cursor for the page the keyset starts, good for {@link #TIMEOUT}. */
    public String mint(SiteId site, String scope, int count, Keyset keyset) {
        byte[] position = keyset.position().orElse("").getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(HEADER + position.length + TAG);
        payload.put(VERSION)
                .putLong(clock.instant().plus(TIMEOUT).getEpochSecond())
                .put((byte) keyset.direction().ordinal())
                .putInt(count)
                .put(position);
        byte[] bytes = payload.array();
        System.arraycopy(tag(site, scope, bytes, HEADER + position.length), 0, bytes, HEADER + position.length, TAG);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The keyset a cursor stands for, after every check.
     *
     * @throws ScimException {@code invalidCursor}, {@code expiredCursor} or {@code invalidCount}
     */
    public Keyset open(String cursor, SiteId site, String scope, int count) {
        byte[] bytes = decode(cursor);
        int signed = bytes.length - TAG;
        byte[] expected = tag(site, scope, bytes, signed);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, signed, bytes.length))) {
            throw invalid();
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes, 0, signed);
        if (payload.get() != VERSION) {
            throw invalid();
        }
        long expiresAt = payload.getLong();
        byte direction = payload.get();
        int mintedCount = payload.getInt();
        if (clock.instant().getEpochSecond() > expiresAt) {
            throw new ScimException(ScimErrorType.EXPIRED_CURSOR, "The cursor has expired: request the next page "
                    + "within cursorTimeout (" + TIMEOUT.toSeconds() + " s) of the last one, or start again with an "
                    + "empty cursor.");
        }
        if (mintedCount != count) {
            throw new ScimException(ScimErrorType.INVALID_COUNT, "count must be the count of the query's first page ("
                    + mintedCount + ") on every page of a cursor.");
        }
        String position = utf8(Arrays.copyOfRange(bytes, HEADER, signed));
        return switch (direction) {
            case 0 -> position.isEmpty() ? Keyset.first() : Keyset.after(position);
            case 1 -> position.isEmpty() ? invalidKeyset() : Keyset.before(position);
            default -> invalidKeyset();
        };
    }

    private static byte[] decode(String cursor) {
        if (cursor.length() > MAX_LENGTH || !BASE64URL.matcher(cursor).matches()) {
            throw invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (bytes.length < HEADER + TAG) {
            throw invalid();
        }
        return bytes;
    }

    private byte[] tag(SiteId site, String scope, byte[] bytes, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            mac.update(("roster-cursor\0" + site.value() + "\0" + scope + "\0").getBytes(StandardCharsets.UTF_8));
            mac.update(bytes, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid();
        }
    }

    private static Keyset invalidKeyset() {
        throw invalid();
    }

    private static ScimException invalid() {
        return new ScimException(ScimErrorType.INVALID_CURSOR, INVALID);
    }

    /** A value computed on first use; racing first uses compute the same value, so no lock is needed. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> source;
        private volatile T value;

        Once(Supplier<T> source) {
            this.source = source;
        }

        @Override
        public T get() {
            T current = value;
            if (current == null) {
                current = Objects.requireNonNull(source.get(), "cursor key");
                value = current;
            }
            return current;
        }
    }
}
