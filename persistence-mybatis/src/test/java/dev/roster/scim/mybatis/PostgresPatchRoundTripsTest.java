package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.AdmittedSite;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.PreparedUser;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.service.JitSignInService;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.mybatis.testing.RoundTrips;
import dev.roster.scim.mybatis.testing.TestPostgres;
import dev.roster.scim.testkit.ForwardingUserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one {@code PATCH} of {@code active} (W2 of the benchmark: a real flip) sends to PostgreSQL, counted on the wire
 * of the real driver to the real server ({@link RoundTrips}), after admission: the read of the user, then one write
 * transaction with its audit record. A change that adds a round trip to the write path fails here; one that removes
 * one should lower the pinned number (and docs/benchmarks-http.md's list).
 */
class PostgresPatchRoundTripsTest {

    private static final SiteId ACME = SiteId.of("acme");

    /**
     * The read of the user; {@code BEGIN} + the {@code UPDATE … RETURNING} with the audit {@code INSERT} in its
     * {@code WITH} (ADR 054); {@code COMMIT}.
     */
    private static final int PATCH_ROUND_TRIPS = 3;

    private final List<RosterDatabase> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RosterDatabase::close);
    }

    @Test
    void aPatchOfActiveReadsOnceAndWritesInOneTransactionOfThreeRoundTrips() {
        RosterDatabase database = open();
        ScimUsers users = scimUsers(database);
        User ann = signInAnn(database);
        // Past pgjdbc's prepareThreshold on both connections, as on a server that has run a while.
        boolean active = true;
        for (int i = 0; i < 12; i++) {
            active = !active;
            users.patchRendered(ACME, ann.id(), replaceActive(active), Optional.empty());
        }
        int auditBefore = database.auditLog().recent(ACME, 100).size();

        boolean flipped = !active;
        RoundTrips.Traffic patch = RoundTrips.of(() -> users.patchRendered(ACME, ann.id(),
                replaceActive(flipped), Optional.empty()));

        assertThat(database.userStore().findById(ACME, ann.id()).orElseThrow().active()).isEqualTo(flipped);
        assertThat(database.auditLog().recent(ACME, 100)).hasSize(auditBefore + 1);
        System.out.println("One PATCH of active on PostgreSQL: " + patch);
        assertThat(patch.roundTrips()).as(patch.toString()).isEqualTo(PATCH_ROUND_TRIPS);
        assertThat(patch.statements()).as("no savepoint, no isolation level set, no email rows rewritten")
                .noneMatch(statement -> statement.contains("SAVEPOINT") || statement.startsWith("SET")
                        || statement.contains("user_emails"));
        assertThat(patch.statements()).as("the audit INSERT is the UPDATE's, not a statement of its own")
                .noneMatch(statement -> statement.startsWith("INSERT"))
                .anyMatch(statement -> statement.startsWith("WITH updated AS") && statement.contains("audit_log"));
    }

    @Test
    void aPatchWhoseUserMovedOnMeanwhileWritesNoAuditRowForTheLostRaceAndOneForItsRetry() {
        RosterDatabase database = open();
        User ann = signInAnn(database);
        int auditBefore = database.auditLog().recent(ACME, 100).size();
        // Between the PATCH's read and its write, another write deactivates Ann: the PATCH's first UPDATE (on the
        // version it read) loses, and the core reads again and retries on the new version.
        boolean[] moved = {false};
        ScimUsers racing = new ScimUsersService(new Ports(new ForwardingUserStore(
                database.userStore()) {
            @Override
            public Optional<User> findById(SiteId site, String id) {
                Optional<User> found = super.findById(site, id);
                if (!moved[0]) {
                    moved[0] = true;
                    User read = found.orElseThrow();
                    assertThat(database.userStore().update(site, read.withActive(false)
                            .nextVersion(read.lastChangedBy(), read.lastModified()), read.version())).isTrue();
                }
                return found;
            }

            @Override
            public PreparedUser prepare(SiteId site, User user) {
                return database.userStore().prepare(site, user);
            }

            @Override
            public boolean updateRecorded(SiteId site, PreparedUser prepared, long expectedVersion,
                                          List<AuditRecord> records, AuditLog audit) {
                return database.userStore().updateRecorded(site, prepared, expectedVersion, records, audit);
            }
        }, database.siteStore(), database.auditLog(), database.transactions(), AccountEvents.NONE,
                Clock.systemUTC())).admitted(new AdmittedSite(database.siteStore().find(ACME).orElseThrow()));

        racing.patchRendered(ACME, ann.id(), replace("displayName", ScimValue.of("Ann the racer")),
                Optional.empty());

        User stored = database.userStore().findById(ACME, ann.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(ann.version() + 2);
        assertThat(stored.displayName()).contains("Ann the racer");
        assertThat(stored.active()).isFalse();
        assertThat(database.auditLog().recent(ACME, 100)).as("one record: the retry's, none for the lost race")
                .hasSize(auditBefore + 1);
    }

    @Test
    void aPatchOfActiveKeepsTheEmailRowsThatFiltersFindTheUserBy() {
        RosterDatabase database = open();
        User ann = signInAnn(database);

        scimUsers(database).patchRendered(ACME, ann.id(), replaceActive(false), Optional.empty());

        assertThat(idsWith(database, "emails.value eq \"ann@example.com\"")).containsExactly(ann.id());
    }

    @Test
    void aPatchOfTheEmailsRewritesTheirRowsThoughTheUserNameStays() {
        RosterDatabase database = open();
        User ann = signInAnn(database);

        scimUsers(database).patchRendered(ACME, ann.id(), replace("emails", ScimArray.of(ScimObject.builder()
                .put("value", ScimValue.of("ann.smith@example.com")).put("type", ScimValue.of("work"))
                .build())), Optional.empty());

        assertThat(idsWith(database, "emails.value eq \"ann.smith@example.com\"")).containsExactly(ann.id());
        assertThat(idsWith(database, "emails[type eq \"work\"].value eq \"ann.smith@example.com\""))
                .containsExactly(ann.id());
        assertThat(idsWith(database, "emails.value eq \"ann@example.com\"")).isEmpty();
    }

    private RosterDatabase open() {
        PostgreSqlSettings schema = TestPostgres.newSchema();
        RosterDatabase database = RosterDatabase.open(PostgreSqlSettings.of(RoundTrips.url(schema.jdbcUrl()))
                .withMaximumPoolSize(2));
        opened.add(database);
        database.siteStore().insert(SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true));
        return database;
    }

    private static Ports ports(RosterDatabase database) {
        return new Ports(database.userStore(), database.siteStore(), database.auditLog(), database.transactions(),
                AccountEvents.NONE, Clock.systemUTC());
    }

    /** The use cases as a request admitted for the site gets them: the settings read once, by admission. */
    private static ScimUsers scimUsers(RosterDatabase database) {
        return new ScimUsersService(ports(database)).admitted(new AdmittedSite(
                database.siteStore().find(ACME).orElseThrow()));
    }

    private static User signInAnn(RosterDatabase database) {
        return new JitSignInService(ports(database)).signIn(ACME,
                SsoAssertion.of("ann", "ann@example.com", "Ann", "Smith")).user();
    }

    private static List<String> idsWith(RosterDatabase database, String filter) {
        return database.userStore().search(ACME, UserQuery.filtered(Filter.parse(filter), 1, 10)).users().stream()
                .map(User::id).toList();
    }

    private static ScimObject replaceActive(boolean active) {
        return replace("active", ScimValue.of(active));
    }

    private static ScimObject replace(String path, ScimValue value) {
        return ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of("urn:ietf:params:scim:api:messages:2.0:PatchOp")))
                .put("Operations", ScimArray.of(ScimObject.builder().put("op", ScimValue.of("replace"))
                        .put("path", ScimValue.of(path)).put("value", value).build()))
                .build();
    }
}
