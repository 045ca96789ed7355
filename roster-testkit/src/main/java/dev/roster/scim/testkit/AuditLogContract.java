package dev.roster.scim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What every {@link AuditLog} must do: keep every field, answer newest first (equal times: the later append
 * first), and never mix sites. Records name users that need not exist in any user store: the audit trail outlives
 * what it describes.
 *
 * <pre>{@code
 * class MyBatisAuditLogContractTest extends AuditLogContract {
 *     protected AuditLog createAuditLog() { ... a fresh SQLite file ... }
 *     protected SiteId createSite(String name) { ... insert the site row ...; return SiteId.of(name); }
 * }
 * }</pre>
 */
public abstract class AuditLogContract {

    private static final Instant T0 = Instant.parse("2026-04-01T10:00:00.001Z");

    private AuditLog log;
    private SiteId site;
    private SiteId otherSite;

    /**
     * A new, empty audit log; called before each test.
     *
     * @return the implementation under test
     */
    protected abstract AuditLog createAuditLog();

    /**
     * Makes a site exist, wherever the implementation needs sites to exist; called after {@link #createAuditLog}.
     *
     * @param name the site's name, such as {@code acme}
     * @return the site's id
     */
    protected abstract SiteId createSite(String name);

    @BeforeEach
    void createTheLog() {
        log = createAuditLog();
        site = createSite("acme");
        otherSite = createSite("globex");
    }

    @Test
    void aRecordComesBackWithEveryField() {
        AuditRecord full = new AuditRecord(site, "u-1", "émile@example.com", ChangeSource.SCIM, "role",
                Optional.of("Registered"), Optional.of("Admin"), "Role changed — «by the IdP» 100% \\ _ ok.",
                T0);
        AuditRecord sparse = new AuditRecord(site, "u-2", "bob", ChangeSource.SIGN_IN, "create", Optional.empty(),
                Optional.empty(), "", T0.plusMillis(1));
        log.append(full);
        log.append(sparse);

        assertThat(log.recent(site, 10)).containsExactly(sparse, full);
    }

    @Test
    void everySourceIsKept() {
        for (ChangeSource source : ChangeSource.values()) {
            log.append(new AuditRecord(site, "u-1", "ann", source, "profile", Optional.empty(), Optional.empty(),
                    "by " + source.label(), T0.plusSeconds(source.ordinal())));
        }

        assertThat(log.recent(site, 10)).extracting(AuditRecord::source)
                .containsExactly(ChangeSource.UPGRADE, ChangeSource.SIGN_IN, ChangeSource.ADMIN, ChangeSource.SCIM);
    }

    @Test
    void recentIsNewestFirstAndLimited() {
        log.append(record(site, "u-1", "first", T0));
        log.append(record(site, "u-1", "third", T0.plusSeconds(2)));
        log.append(record(site, "u-2", "second", T0.plusSeconds(1)));

        assertThat(log.recent(site, 2)).extracting(AuditRecord::action).containsExactly("third", "second");
        assertThat(log.recent(site, 0)).isEmpty();
    }

    @Test
    void recordsOfTheSameMillisecondComeLatestAppendedFirst() {
        log.append(record(site, "u-1", "deactivate", T0));
        log.append(record(site, "u-1", "role", T0));
        log.append(record(site, "u-1", "profile", T0));

        assertThat(log.recent(site, 10)).extracting(AuditRecord::action)
                .containsExactly("profile", "role", "deactivate");
    }

    @Test
    void aUsersRecordsAreOnlyTheirs() {
        log.append(record(site, "u-1", "create", T0));
        log.append(record(site, "u-2", "create", T0.plusSeconds(1)));
        log.append(record(site, "u-1", "deactivate", T0.plusSeconds(2)));

        assertThat(log.recentForUser(site, "u-1", 10)).extracting(AuditRecord::action)
                .containsExactly("deactivate", "create");
        assertThat(log.recentForUser(site, "u-1", 1)).extracting(AuditRecord::action).containsExactly("deactivate");
        assertThat(log.recentForUser(site, "nobody", 10)).isEmpty();
    }

    @Test
    void sitesNeverSeeEachOthersRecords() {
        log.append(record(site, "u-1", "create", T0));
        log.append(record(otherSite, "u-1", "delete", T0.plusSeconds(1)));

        assertThat(log.recent(site, 10)).extracting(AuditRecord::action).containsExactly("create");
        assertThat(log.recentForUser(otherSite, "u-1", 10)).extracting(AuditRecord::action)
                .containsExactly("delete");
    }

    @Test
    void appendAllKeepsEveryRecordInOrder() {
        log.appendAll(List.of(record(site, "u-1", "create", T0), record(site, "u-2", "create", T0),
                record(site, "u-3", "create", T0)));

        assertThat(log.recent(site, 10)).extracting(AuditRecord::userId).containsExactly("u-3", "u-2", "u-1");
    }

    private static AuditRecord record(SiteId site, String userId, String action, Instant at) {
        return new AuditRecord(site, userId, "user-" + userId, ChangeSource.ADMIN, action, Optional.empty(),
                Optional.empty(), action + " of " + userId, at);
    }
}
