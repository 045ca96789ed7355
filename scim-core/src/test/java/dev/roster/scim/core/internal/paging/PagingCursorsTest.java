package dev.roster.scim.core.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.Keyset;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.port.out.UserQuery;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

class PagingCursorsTest {

    private static final SiteId ACME = SiteId.of("acme");
    private static final SiteId GLOBEX = SiteId.of("globex");
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final String SCOPE = PagingCursors.scopeOf(UserQuery.filtered(
            FilterParser.parse("userName sw \"a\""), 1, 10).withPending(UserQuery.Pending.INCLUDED));

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final PagingCursors cursors = new PagingCursors(() -> KEY.clone(), clock);

    @Test
    void aCursorOpensToTheKeysetItWasMintedFor() {
        String forward = cursors.mint(ACME, SCOPE, 10, Keyset.after("s3:ann|u1"));
        String backward = cursors.mint(ACME, SCOPE, 10, Keyset.before("-|ü✓"));

        assertThat(cursors.open(forward, ACME, SCOPE, 10)).isEqualTo(Keyset.after("s3:ann|u1"));
        assertThat(cursors.open(backward, ACME, SCOPE, 10)).isEqualTo(Keyset.before("-|ü✓"));
        assertThat(forward + backward).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anotherServerWithTheSameKeyOpensIt() {
        String cursor = cursors.mint(ACME, SCOPE, 10, Keyset.after("|u1"));
        PagingCursors otherServer = new PagingCursors(() -> KEY.clone(), clock);

        assertThat(otherServer.open(cursor, ACME, SCOPE, 10)).isEqualTo(Keyset.after("|u1"));
    }

    @Test
    void everyTamperedByteIsAnInvalidCursor() {
        byte[] bytes = Base64.getUrlDecoder().decode(cursors.mint(ACME, SCOPE, 10, Keyset.after("|u1")));
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

            assertRefused(() -> cursors.open(cursor, ACME, SCOPE, 10), ScimErrorType.INVALID_CURSOR);
        }
    }

    @Test
    void aCursorOfAnotherSiteOrQueryOrKeyIsAnInvalidCursor() {
        String cursor = cursors.mint(ACME, SCOPE, 10, Keyset.after("|u1"));
        String otherFilter = PagingCursors.scopeOf(UserQuery.filtered(FilterParser.parse("userName sw \"b\""), 1,
                10).withPending(UserQuery.Pending.INCLUDED));
        String otherSort = PagingCursors.scopeOf(UserQuery.filtered(FilterParser.parse("userName sw \"a\""), 1, 10)
                .withPending(UserQuery.Pending.INCLUDED).withSort(SortSpec.ascending(AttrPath.of("userName"))));
        PagingCursors otherKey = new PagingCursors(() -> "another key, another database..".getBytes(), clock);

        assertRefused(() -> cursors.open(cursor, GLOBEX, SCOPE, 10), ScimErrorType.INVALID_CURSOR);
        assertRefused(() -> cursors.open(cursor, ACME, otherFilter, 10), ScimErrorType.INVALID_CURSOR);
        assertRefused(() -> cursors.open(cursor, ACME, otherSort, 10), ScimErrorType.INVALID_CURSOR);
        assertRefused(() -> otherKey.open(cursor, ACME, SCOPE, 10), ScimErrorType.INVALID_CURSOR);
    }

    @Test
    void garbageIsAnInvalidCursorNeverAnotherFailure() {
        for (String garbage : new String[] {"x", "not base64!", "AAAA", "A".repeat(5000), "////", "%00"}) {
            assertRefused(() -> cursors.open(garbage, ACME, SCOPE, 10), ScimErrorType.INVALID_CURSOR);
        }
    }

    @Test
    void aCursorOlderThanTheTimeoutHasExpired() {
        String cursor = cursors.mint(ACME, SCOPE, 10, Keyset.after("|u1"));
        now.set(now.get().plus(PagingCursors.TIMEOUT));
        assertThat(cursors.open(cursor, ACME, SCOPE, 10)).isEqualTo(Keyset.after("|u1"));

        now.set(now.get().plusSeconds(1));

        assertRefused(() -> cursors.open(cursor, ACME, SCOPE, 10), ScimErrorType.EXPIRED_CURSOR);
    }

    @Test
    void anotherCountThanTheFirstPagesIsAnInvalidCount() {
        String cursor = cursors.mint(ACME, SCOPE, 10, Keyset.after("|u1"));

        assertRefused(() -> cursors.open(cursor, ACME, SCOPE, 11), ScimErrorType.INVALID_COUNT);
    }

    private static void assertRefused(Runnable open, ScimErrorType type) {
        assertThatThrownBy(open::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.status()).isEqualTo(400);
        });
    }
}
