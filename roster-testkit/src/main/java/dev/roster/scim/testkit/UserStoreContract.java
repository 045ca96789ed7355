package dev.roster.scim.testkit;

import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.core.schema.UserSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What every {@link UserStore} must do, so that the SQL store and the in-memory one (the core's reference) answer
 * alike: lookups in any case, uniqueness of userName by the identifier profile's key, optimistic versions, paging, sorting
 * (ties by id), hidden users, pending identities and their erasure, site isolation, and a corpus of filters over a
 * population with tricky data whose expected users are written out by hand, not computed.
 *
 * <p>Extend it with a factory for a fresh store and a way to make sites exist:
 *
 * <pre>{@code
 * class MyBatisUserStoreContractTest extends UserStoreContract {
 *     @TempDir Path dir;
 *     private Database database;
 *
 *     protected UserStore createStore() {
 *         database = Database.open(dir.resolve("roster.db"));
 *         return new MyBatisUserStore(database);
 *     }
 *
 *     protected SiteId createSite(String name) {
 *         new MyBatisSiteStore(database).insert(SiteSettings.newSite(SiteId.of(name)));
 *         return SiteId.of(name);
 *     }
 * }
 * }</pre>
 *
 * The suite calls the store outside any {@code Transactions} unit, so each call must stand on its own. Times are
 * whole milliseconds, as the SQL store keeps epoch millis.
 */
public abstract class UserStoreContract {

    private static final Instant RECORDED_AT = Instant.parse("2026-04-04T04:04:04.004Z");

    private UserStore store;
    private AuditLog audit;
    private SiteId site;
    private SiteId otherSite;

    /**
     * A new, empty store; called before each test (once for the whole filter corpus).
     *
     * @return the implementation under test
     */
    protected abstract UserStore createStore();

    /**
     * Makes a site exist wherever the implementation needs sites to exist; called after {@link #createStore}.
     *
     * @param name the site's name, such as {@code acme}
     * @return the site's id
     */
    protected abstract SiteId createSite(String name);

    /**
     * The audit log that goes with the store of {@link #createStore} for
     * {@link UserStore#updateRecorded updateRecorded}: the one of the store's own database where it has one, so that
     * a store that writes the records with the update (ADR 054) is tested on that path. Called after
     * {@link #createStore}; the default is a new {@link InMemoryAuditLog}.
     *
     * @return an empty audit log
     */
    protected AuditLog createAuditLog() {
        return new InMemoryAuditLog();
    }

    @BeforeEach
    void createTheStore() {
        store = createStore();
        audit = createAuditLog();
        site = createSite("acme");
        otherSite = createSite("globex");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Lookups, insertion, uniqueness

    @Test
    void aUserRoundTripsWithEveryField() {
        User full = fullUser();
        store.insert(site, full);

        assertThat(store.findById(site, full.id())).contains(full);
        assertThat(store.findByUserName(site, full.userName())).contains(full);
    }

    @Test
    void aUserWithNothingOptionalRoundTrips() {
        User bare = user("u-bare", "bare").build();
        store.insert(site, bare);

        assertThat(store.findById(site, "u-bare")).contains(bare);
    }

    @Test
    void findByUserNameComparesIdentifierProfileKeys() {
        store.insertAll(site, List.of(user("u-1", "ÉMILE").build(), user("u-2", "straße").build(),
                user("u-3", "Ann").build()));

        assertThat(store.findByUserName(site, "émile")).map(User::id).contains("u-1");
        assertThat(store.findByUserName(site, "e\u0301mile")).map(User::id).contains("u-1");
        assertThat(store.findByUserName(site, "STRA\u1E9EE")).map(User::id).contains("u-2");
        assertThat(store.findByUserName(site, "aNN")).map(User::id).contains("u-3");
        assertThat(store.findByUserName(site, "\uFF41\uFF4E\uFF4E")).map(User::id).contains("u-3");
        assertThat(store.findByUserName(site, "STRASSE")).isEmpty();
        assertThat(store.findByUserName(site, "emile")).isEmpty();
        assertThat(store.findByUserName(site, "An")).isEmpty();
    }

    @Test
    void aLookAlikeIsAnotherUserName() {
        store.insert(site, user("u-1", "ian@example.com").build());
        store.insert(site, user("u-2", "\u0131an@example.com").build());

        assertThat(store.findByUserName(site, "IAN@EXAMPLE.COM")).map(User::id).contains("u-1");
        assertThat(store.findByUserName(site, "\u0131AN@example.com")).map(User::id).contains("u-2");
        assertThat(store.findByUserName(site, "\u0430n@example.com")).isEmpty();
        assertThat(ids(store.search(site, query("userName eq \"IAN@example.com\"")))).containsExactly("u-1");
        assertThat(ids(store.search(site, query("userName sw \"\u0131\"")))).containsExactly("u-2");
        assertThat(ids(store.search(site, query("title eq \"x\" or userName ew \"AN@EXAMPLE.COM\""))))
                .containsExactly("u-1", "u-2");
    }

    @Test
    void hiddenUsersAreStillFoundByIdAndUserName() {
        User hidden = user("u-1", "gone").active(false).hidden(true).build();
        store.insert(site, hidden);

        assertThat(store.findById(site, "u-1")).contains(hidden);
        assertThat(store.findByUserName(site, "GONE")).contains(hidden);
    }

    @Test
    void unknownUsersAreNotFound() {
        store.insert(site, user("u-1", "ann").build());

        assertThat(store.findById(site, "u-2")).isEmpty();
        assertThat(store.findByUserName(site, "bob")).isEmpty();
    }

    @Test
    void aUserNameTakenInAnyCaseIsAUniquenessError() {
        store.insert(site, user("u-1", "ann").build());
        store.insert(site, user("u-2", "straße").build());

        assertUniqueness(() -> store.insert(site, user("u-3", "ANN").build()));
        assertUniqueness(() -> store.insert(site, user("u-4", "STRA\u1E9EE").build()));
        assertUniqueness(() -> store.insert(site, user("u-5", "\uFF21nn").build()));
        assertThat(store.findById(site, "u-3")).isEmpty();
        assertThat(store.findById(site, "u-4")).isEmpty();
        assertThat(store.findById(site, "u-5")).isEmpty();
        store.insert(site, user("u-6", "STRASSE").build());
        assertThat(store.findByUserName(site, "strasse")).map(User::id).contains("u-6");
    }

    @Test
    void aUserNameOfAHiddenUserIsStillTaken() {
        store.insert(site, user("u-1", "ann").hidden(true).active(false).build());

        assertUniqueness(() -> store.insert(site, user("u-2", "ann").build()));
    }

    @Test
    void twoSitesMayHaveTheSameUserName() {
        store.insert(site, user("u-1", "ann").build());
        store.insert(otherSite, user("g-1", "ann").build());

        assertThat(store.findByUserName(site, "ann")).map(User::id).contains("u-1");
        assertThat(store.findByUserName(otherSite, "ann")).map(User::id).contains("g-1");
    }

    @Test
    void insertAllStoresEveryUser() {
        store.insertAll(site, population());

        assertThat(store.search(site, UserQuery.all(1, 100).includingHidden()).totalResults())
                .isEqualTo(population().size());
        assertThat(store.findById(site, "u09")).contains(population().get(8));
    }

    @Test
    void existingUserNamesAreFoundInAnyCaseHiddenIncludedAndOnlyInTheirSite() {
        store.insertAll(site, List.of(user("u-1", "ÉMILE").build(), user("u-2", "straße").hidden(true).build()));
        store.insert(otherSite, user("u-3", "Ann").build());

        assertThat(store.existingUserNames(site, List.of("émile", "STRAßE", "STRASSE", "ann", "nobody")))
                .containsExactlyInAnyOrder("émile", "straße");
        assertThat(store.existingUserNames(site, List.of())).isEmpty();
    }

    @Test
    void insertAllRefusesATakenUserName() {
        store.insert(site, user("u-1", "ann").build());

        assertUniqueness(() -> store.insertAll(site, List.of(user("u-2", "bob").build(), user("u-3", "Ann").build())));
        assertThat(store.findById(site, "u-3")).isEmpty();
    }

    @Test
    void insertAllOfABatchWithOneTakenUserNameStoresNoneOfIt() {
        store.insert(site, user("u-1", "ann").build());

        assertUniqueness(() -> store.insertAll(site, List.of(user("u-2", "bob").build(), user("u-3", "carl").build(),
                user("u-4", "ANN").build(), user("u-5", "dora").build())));

        assertThat(store.existingUserNames(site, List.of("bob", "carl", "ANN", "dora"))).containsExactly("ann");
        assertThat(List.of("u-2", "u-3", "u-4", "u-5")).allSatisfy(id ->
                assertThat(store.findById(site, id)).as(id).isEmpty());
        assertThat(store.search(site, UserQuery.all(1, 100)).totalResults()).isEqualTo(1);
    }

    @Test
    void insertAllOfABatchThatClashesWithItselfStoresNoneOfIt() {
        assertUniqueness(() -> store.insertAll(site, List.of(user("u-1", "ann").build(), user("u-2", "bob").build(),
                user("u-3", "Bob").build())));

        assertThat(store.findById(site, "u-1")).isEmpty();
        assertThat(store.findById(site, "u-2")).isEmpty();
        assertThat(store.search(site, UserQuery.all(1, 100)).totalResults()).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Versions

    @Test
    void anUpdateWithTheExpectedVersionStoresTheNewValue() {
        store.insert(site, user("u-1", "ann").build());
        User next = user("u-1", "Ann").active(false).role(Role.ADMIN).email("ann@example.com").idpActive(false)
                .lastChangedBy(ChangeSource.SCIM).claimedByIdp(true).version(2)
                .lastModified("2026-02-02T02:02:02.002Z").build();

        assertThat(store.update(site, next, 1)).isTrue();

        assertThat(store.findById(site, "u-1")).contains(next);
    }

    @Test
    void anUpdateWithAStaleVersionChangesNothing() {
        User ann = user("u-1", "ann").version(3).build();
        store.insert(site, ann);

        boolean updated = store.update(site, user("u-1", "ann").active(false).version(3).build(), 2);

        assertThat(updated).isFalse();
        assertThat(store.findById(site, "u-1")).contains(ann);
    }

    @Test
    void anUpdateOfAnUnknownUserChangesNothing() {
        assertThat(store.update(site, user("u-1", "ann").version(2).build(), 1)).isFalse();
        assertThat(store.findById(site, "u-1")).isEmpty();
    }

    @Test
    void anUpdateToATakenUserNameIsAUniquenessErrorAndChangesNothing() {
        User ann = user("u-1", "ann").build();
        store.insert(site, ann);
        store.insert(site, user("u-2", "bob").build());

        assertUniqueness(() -> store.update(site, user("u-1", "BOB").version(2).build(), 1));
        assertThat(store.findById(site, "u-1")).contains(ann);
    }

    @Test
    void anUpdateMayChangeTheCaseOfItsOwnUserName() {
        store.insert(site, user("u-1", "ann").build());

        assertThat(store.update(site, user("u-1", "ANN").version(2).build(), 1)).isTrue();
        assertThat(store.findByUserName(site, "ann")).map(User::userName).contains("ANN");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Pending identities and erasure

    @Test
    void aPendingIdentityRoundTripsAsPendingAndBecomesAnAccountByUpdate() {
        User pending = user("u-1", "Dan").pending(true).externalId("00u-dan").role(Role.ADMIN).active(false)
                .idpActive(false).email("dan@example.com").build();
        store.insert(site, pending);

        assertThat(store.findById(site, "u-1")).contains(pending);
        assertThat(store.findByUserName(site, "DAN")).contains(pending);
        User account = pending.withPending(false).withActive(true)
                .nextVersion(ChangeSource.SIGN_IN, Instant.parse("2026-03-03T03:03:03.003Z"));
        assertThat(store.update(site, account, 1)).isTrue();
        assertThat(store.findById(site, "u-1")).contains(account);
    }

    @Test
    void aPendingIdentityTakesItsUserNameFromAccountsAndTheReverse() {
        store.insert(site, user("u-1", "dan").pending(true).build());
        store.insert(site, user("u-2", "ann").build());

        assertUniqueness(() -> store.insert(site, user("u-3", "DAN").build()));
        assertUniqueness(() -> store.insert(site, user("u-4", "Ann").pending(true).build()));
        assertThat(store.existingUserNames(site, List.of("Dan", "ANN", "cai"))).containsExactlyInAnyOrder("dan",
                "ann");
    }

    @Test
    void searchesSeePendingIdentitiesOnlyWhenAskedToAndCountThemSo() {
        store.insertAll(site, List.of(user("u-1", "ann").role(Role.ADMIN).build(),
                user("u-2", "dan").pending(true).role(Role.ADMIN).build(),
                user("u-3", "eve").pending(true).active(false).build(),
                user("u-4", "gone").hidden(true).active(false).build()));

        assertThat(ids(store.search(site, UserQuery.all(1, 100)))).containsExactly("u-1");
        assertThat(ids(store.search(site, UserQuery.all(1, 100).withPending(UserQuery.Pending.INCLUDED))))
                .containsExactly("u-1", "u-2", "u-3");
        assertThat(ids(store.search(site, UserQuery.all(1, 100).withPending(UserQuery.Pending.ONLY))))
                .containsExactly("u-2", "u-3");
        assertThat(ids(store.search(site, UserQuery.all(1, 100).includingHidden()))).containsExactly("u-1", "u-4");
        assertThat(store.search(site, query("userType eq \"Admin\" and active eq true").withPending(
                UserQuery.Pending.EXCLUDED)).totalResults()).isEqualTo(1);
        assertThat(store.search(site, UserQuery.all(1, 0)).totalResults()).isEqualTo(1);
        assertThat(store.search(site, UserQuery.all(1, 0).withPending(UserQuery.Pending.ONLY)).totalResults())
                .isEqualTo(2);
        assertThat(ids(store.search(site, query("userName sw \"d\"").withPending(UserQuery.Pending.ONLY)
                .withSort(SortSpec.ascending(AttrPath.of("userName")))))).containsExactly("u-2");
        assertThat(ids(store.search(site, query("userName eq \"DAN\"")))).isEmpty();
        assertThat(ids(store.search(site, query("userName eq \"DAN\"").withPending(UserQuery.Pending.INCLUDED))))
                .containsExactly("u-2");
    }

    @Test
    void thePendingMarkFiltersAsTheRepresentationShowsIt() {
        store.insertAll(site, List.of(user("u-1", "ann").build(), user("u-2", "dan").pending(true).build()));
        String mark = UserSchemas.ROLE_EXTENSION + ":" + UserSchemas.PENDING_ATTRIBUTE;

        assertThat(ids(store.search(site, everyone(mark + " eq true")))).containsExactly("u-2");
        assertThat(ids(store.search(site, everyone(mark + " pr")))).containsExactly("u-2");
        assertThat(ids(store.search(site, everyone(mark + " eq false")))).isEmpty();
        assertThat(ids(store.search(site, everyone("not (" + mark + " pr)")))).containsExactly("u-1");
        assertThat(ids(store.search(site, everyone(mark + " ne true")))).containsExactly("u-1");
    }

    @Test
    void deleteWithTheExpectedVersionErasesTheUserAndItsEmails() {
        store.insert(site, user("u-1", "dan").pending(true).email("dan@example.com").version(4).build());
        store.insert(site, user("u-2", "ann").email("ann@example.com").build());

        assertThat(store.delete(site, "u-1", 4)).isTrue();

        assertThat(store.findById(site, "u-1")).isEmpty();
        assertThat(store.findByUserName(site, "dan")).isEmpty();
        assertThat(ids(store.search(site, query("emails.value eq \"dan@example.com\"")
                .withPending(UserQuery.Pending.INCLUDED)))).isEmpty();
        assertThat(ids(store.search(site, query("emails.value eq \"ann@example.com\"")))).containsExactly("u-2");
        store.insert(site, user("u-3", "DAN").email("dan@example.com").build());
        assertThat(ids(store.search(site, query("emails.value eq \"dan@example.com\"")))).containsExactly("u-3");
    }

    @Test
    void aDeleteWithAStaleVersionOrOfAnUnknownUserOrInAnotherSiteErasesNothing() {
        User dan = user("u-1", "dan").pending(true).version(2).build();
        store.insert(site, dan);

        assertThat(store.delete(site, "u-1", 1)).isFalse();
        assertThat(store.delete(site, "u-9", 2)).isFalse();
        assertThat(store.delete(otherSite, "u-1", 2)).isFalse();
        assertThat(store.findById(site, "u-1")).contains(dan);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sites

    @Test
    void anotherSitesUsersNeverAppear() {
        store.insertAll(site, population());
        store.insertAll(otherSite, otherPopulation());

        assertThat(store.findById(otherSite, "u01")).isEmpty();
        assertThat(store.findByUserName(otherSite, "bob")).isEmpty();
        assertThat(ids(store.search(otherSite, UserQuery.all(1, 100)))).containsExactly("g01", "g02");
        assertThat(ids(store.search(otherSite, query("userName eq \"ann\"")))).containsExactly("g01");
        assertThat(store.search(site, UserQuery.all(1, 0)).totalResults()).isEqualTo(VISIBLE.size());
        assertThat(store.search(otherSite, query("userType eq \"Admin\"")).totalResults()).isEqualTo(1);
    }

    @Test
    void anUpdateNamingAnotherSiteChangesNothing() {
        store.insertAll(site, population());
        User u01 = store.findById(site, "u01").orElseThrow();

        assertThat(store.update(otherSite, u01.withActive(false).nextVersion(ChangeSource.SCIM, u01.lastModified()),
                u01.version())).isFalse();
        assertThat(store.findById(site, "u01")).contains(u01);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Updates with their audit records (ADR 054)

    @Test
    void anUpdateRecordedWritesTheUserAndItsRecordsInOrder() {
        store.insertAll(site, population());
        User u01 = store.findById(site, "u01").orElseThrow();
        User next = u01.withActive(!u01.active()).withRole(u01.role() == Role.ADMIN ? Role.REGISTERED : Role.ADMIN)
                .nextVersion(ChangeSource.SCIM, RECORDED_AT);
        List<AuditRecord> records = List.of(auditRecord(next, "deactivate", "{\"active\":true}", null),
                auditRecord(next, "role", null, "{\"role\":\"admin\"}"));

        assertThat(store.updateRecorded(site, store.prepare(site, next), u01.version(), records, audit)).isTrue();

        assertThat(store.findById(site, "u01")).contains(next);
        assertThat(audit.recentForUser(site, "u01", 10)).containsExactly(records.get(1), records.get(0));
    }

    @Test
    void anUpdateRecordedThatLosesTheRaceWritesNeitherTheUserNorARecord() {
        store.insertAll(site, population());
        User u01 = store.findById(site, "u01").orElseThrow();
        User winner = u01.withRole(u01.role() == Role.ADMIN ? Role.REGISTERED : Role.ADMIN)
                .nextVersion(ChangeSource.SCIM, RECORDED_AT);
        assertThat(store.update(site, winner, u01.version())).isTrue();
        User loser = u01.withActive(!u01.active()).nextVersion(ChangeSource.SCIM, RECORDED_AT);

        assertThat(store.updateRecorded(site, store.prepare(site, loser), u01.version(),
                List.of(auditRecord(loser, "deactivate", null, null)), audit)).isFalse();

        assertThat(store.findById(site, "u01")).contains(winner);
        assertThat(audit.recent(site, 10)).isEmpty();
    }

    @Test
    void aRenameRecordedWritesTheUserAndItsRecord() {
        store.insertAll(site, population());
        User u01 = store.findById(site, "u01").orElseThrow();
        User renamed = u01.withProfile("renamed-u01", u01.externalId(), u01.displayName(), u01.name(), u01.emails(),
                u01.otherAttributes()).nextVersion(ChangeSource.SCIM, RECORDED_AT);
        AuditRecord record = auditRecord(renamed, "rename", "{\"userName\":\"" + u01.userName() + "\"}",
                "{\"userName\":\"renamed-u01\"}");

        assertThat(store.updateRecorded(site, store.prepare(site, renamed), u01.version(), List.of(record), audit))
                .isTrue();

        assertThat(store.findByUserName(site, "RENAMED-U01")).contains(renamed);
        assertThat(audit.recent(site, 10)).containsExactly(record);
    }

    private AuditRecord auditRecord(User user, String action, String before, String after) {
        return new AuditRecord(site, user.id(), user.userName(), ChangeSource.SCIM, action,
                Optional.ofNullable(before), Optional.ofNullable(after), action + " by the contract", RECORDED_AT);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Paging, hidden users, sorting

    @Test
    void pagesAreCutFromTheResultsOrderedById() {
        store.insertAll(site, population());

        assertThat(ids(store.search(site, UserQuery.all(1, 5)))).containsExactly("u01", "u02", "u03", "u04", "u05");
        UserPage last = store.search(site, UserQuery.all(14, 5));
        assertThat(ids(last)).containsExactly("u15", "u16");
        assertThat(last.totalResults()).isEqualTo(15);
        assertThat(last.startIndex()).isEqualTo(14);
        UserPage beyond = store.search(site, UserQuery.all(16, 5));
        assertThat(beyond.users()).isEmpty();
        assertThat(beyond.totalResults()).isEqualTo(15);
    }

    @Test
    void countZeroGivesTheTotalOnly() {
        store.insertAll(site, population());

        UserPage page = store.search(site, query("active eq true").withSort(SortSpec.ascending(AttrPath.of("userName"))));
        UserPage none = store.search(site, new UserQuery(Optional.of(FilterParser.parse("active eq true")),
                Optional.empty(), 1, 0, false));

        assertThat(none.users()).isEmpty();
        assertThat(none.totalResults()).isEqualTo(page.totalResults()).isEqualTo(12);
    }

    @Test
    void hiddenUsersCountOnlyWhenAskedFor() {
        store.insertAll(site, population());

        assertThat(store.search(site, UserQuery.all(1, 100)).totalResults()).isEqualTo(15);
        assertThat(store.search(site, UserQuery.all(1, 100).includingHidden()).totalResults()).isEqualTo(16);
        assertThat(ids(store.search(site, query("userName eq \"hidden\"").includingHidden()))).containsExactly("u12");
        assertThat(ids(store.search(site, query("title eq \"engineer\"").includingHidden())))
                .containsExactly("u01", "u02", "u12");
    }

    @Test
    void sortingByUserNameFoldsCaseAndOrdersByCodePoint() {
        store.insertAll(site, population());

        assertThat(ids(store.search(site, UserQuery.all(1, 100).withSort(SortSpec.ascending(AttrPath.of("userName"))))))
                .containsExactly(BY_USER_NAME.toArray(String[]::new));
        assertThat(ids(store.search(site, UserQuery.all(1, 100).withSort(SortSpec.descending(AttrPath.of("userName"))))))
                .containsExactlyElementsOf(reversed(BY_USER_NAME));
    }

    @Test
    void usersWithoutTheSortValueComeLastAscendingAndFirstDescendingTiesById() {
        store.insertAll(site, population());

        assertThat(ids(store.search(site, UserQuery.all(1, 100).withSort(SortSpec.ascending(AttrPath.of("title"))))))
                .containsExactly("u06", "u07", "u11", "u08", "u01", "u02",
                        "u03", "u04", "u05", "u09", "u10", "u13", "u14", "u15", "u16");
        assertThat(ids(store.search(site, UserQuery.all(1, 100).withSort(SortSpec.descending(AttrPath.of("title"))))))
                .containsExactly("u03", "u04", "u05", "u09", "u10", "u13", "u14", "u15", "u16",
                        "u01", "u02", "u08", "u11", "u07", "u06");
    }

    @Test
    void sortingByASubAttributeOrAMultiValuedAttributeUsesThePrimaryValue() {
        store.insertAll(site, population());

        assertThat(ids(store.search(site, UserQuery.all(1, 100)
                .withSort(SortSpec.ascending(AttrPath.of("name", "familyName"))))))
                .containsExactly("u02", "u01", "u16", "u09", "u15", "u03",
                        "u04", "u05", "u06", "u07", "u08", "u10", "u11", "u13", "u14");
        assertThat(ids(store.search(site, UserQuery.all(1, 100)
                .withSort(SortSpec.ascending(AttrPath.of("emails", "value"))))))
                .containsExactly("u11", "u01", "u02", "u15", "u16", "u03", "u09", "u06", "u05",
                        "u04", "u07", "u08", "u10", "u13", "u14");
    }

    @Test
    void sortingByCreationTimeOrdersInTime() {
        store.insertAll(site, population());

        assertThat(ids(store.search(site, UserQuery.all(1, 4)
                .withSort(SortSpec.descending(AttrPath.of("meta", "created"))))))
                .containsExactly("u16", "u15", "u14", "u13");
    }

    @Test
    void sortingAppliesBeforePagingAndAfterFiltering() {
        store.insertAll(site, population());

        UserPage page = store.search(site, new UserQuery(Optional.of(FilterParser.parse("active eq true")),
                Optional.of(SortSpec.ascending(AttrPath.of("userName"))), 3, 4, false));

        assertThat(ids(page)).containsExactly("u02", "u15", "u16", "u04");
        assertThat(page.totalResults()).isEqualTo(12);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The filter corpus

    @TestFactory
    Stream<DynamicTest> everyFilterOfTheCorpusFindsExactlyTheUsersWrittenBesideIt() {
        store.insertAll(site, population());
        store.insertAll(otherSite, otherPopulation());
        return FilterCorpus.CASES.stream().map(corpusCase -> DynamicTest.dynamicTest(corpusCase.filter(), () -> {
            UserPage page = store.search(site, query(corpusCase.filter()));
            assertThat(ids(page)).as(corpusCase.filter()).containsExactlyElementsOf(corpusCase.expectedIds());
            assertThat(page.totalResults()).as(corpusCase.filter()).isEqualTo(corpusCase.expectedIds().size());
        }));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Data

    /** The visible users of {@link #population()}, by id. */
    static final List<String> VISIBLE = List.of("u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10",
            "u11", "u13", "u14", "u15", "u16");

    /** The visible users by folded userName, in code-point order. */
    private static final List<String> BY_USER_NAME = List.of("u11", "u01", "u08", "u02", "u15", "u16", "u04", "u09",
            "u10", "u06", "u13", "u05", "u07", "u14", "u03");

    /**
     * Sixteen users of site acme, u01 to u16, ordered by id; u12 is hidden. See {@link FilterCorpus} for what each
     * one is there to test.
     *
     * @return the users, new at version 1
     */
    public static List<User> population() {
        return List.of(
                user("u01", "ann").role(Role.ADMIN).externalId("ext-ann").displayName("Ann Lee").name("Ann", "Lee")
                        .email(new Email("ann@example.com", Optional.of("work"), true, Optional.empty()))
                        .email(new Email("ann.lee@home.example", Optional.of("home"), false, Optional.empty()))
                        .otherAttributes(ScimObject.builder()
                                .put("title", "Engineer")
                                .put(UserSchemas.ENTERPRISE_USER, ScimObject.builder()
                                        .put("employeeNumber", "1001")
                                        .put("department", "R&D")
                                        .put("manager", ScimObject.builder().put("value", "u03").build())
                                        .build())
                                .build())
                        .created("2026-01-01T10:00:00.000Z").lastModified("2026-01-05T10:00:00.000Z").build(),
                user("u02", "Bob").role(Role.MODERATOR).externalId("EXT-BOB").name("Bob", "Brown")
                        .email("bob@example.org")
                        .otherAttributes(ScimObject.builder()
                                .put("title", "engineer")
                                .put(UserSchemas.ENTERPRISE_USER, ScimObject.builder().put("department", "Sales").build())
                                .build())
                        .created("2026-01-02T10:00:00.000Z").build(),
                user("u03", "ÉMILE").active(false).name("Émile", "Zola").email("EMILE@EXAMPLE.COM")
                        .created("2026-01-03T10:00:00.500Z").lastModified("2026-02-01T00:00:00.000Z").build(),
                user("u04", "emile").displayName("émile").created("2026-01-04T10:00:00.000Z").build(),
                user("u05", "straße").displayName("Straße").email("strasse@example.de")
                        .created("2026-01-05T10:00:00.000Z").build(),
                user("u06", "percent%user").other("title", "100% done").email("percent@example.com")
                        .created("2026-01-06T10:00:00.000Z").build(),
                user("u07", "under_score").other("title", "a_b").created("2026-01-07T10:00:00.000Z").build(),
                user("u08", "back\\slash").other("title", "C:\\temp").created("2026-01-08T10:00:00.000Z").build(),
                user("u09", "multi").role(Role.MODERATOR).name("Multi", "Mail")
                        .email(new Email("m1@example.com", Optional.of("work"), false, Optional.empty()))
                        .email(new Email("m2@Example.COM", Optional.of("home"), true, Optional.empty()))
                        .email(new Email("m3@other.net", Optional.of("other"), false, Optional.of("Other")))
                        .created("2026-01-09T10:00:00.000Z").build(),
                user("u10", "noone").active(false).created("2026-01-10T10:00:00.000Z").build(),
                user("u11", "admin2").role(Role.ADMIN).active(false).email("admin2@example.com")
                        .other("title", "Boss").created("2026-01-11T10:00:00.000Z").build(),
                user("u12", "hidden").active(false).hidden(true).email("hidden@example.com").other("title", "Engineer")
                        .created("2026-01-12T10:00:00.000Z").build(),
                user("u13", "quote\"d").displayName("Quote \"D\"").created("2026-01-13T10:00:00.000Z").build(),
                user("u14", "Zed").role(Role.ADMIN).otherAttributes(ScimObject.builder()
                                .put("title", "")
                                .put(UserSchemas.ENTERPRISE_USER, ScimObject.builder()
                                        .put("employeeNumber", "42").put("department", "r&d").build())
                                .build())
                        .created("2026-01-14T10:00:00.000Z").build(),
                user("u15", "carl").externalId("ext-carl")
                        .name(new Name(Optional.of("Carl Sagan"), Optional.of("Sagan"), Optional.of("Carl"),
                                Optional.empty(), Optional.empty(), Optional.empty()))
                        .other("nickName", "Carlos").email("carl@example.com")
                        .created("2026-01-15T10:00:00.000Z").lastModified("2026-03-01T12:00:00.123Z").build(),
                user("u16", "dana").displayName("DANA").name(Name.EMPTY.withFamilyName(Optional.of("Lee")))
                        .email("dana@example.org").created("2026-01-16T10:00:00.000Z").build());
    }

    /**
     * Users of site globex: an {@code ann} (Admin) and another, to check that sites never mix.
     *
     * @return the users, new at version 1
     */
    public static List<User> otherPopulation() {
        return List.of(
                user("g01", "ann").role(Role.ADMIN).other("title", "Engineer").email("ann@example.com")
                        .created("2026-01-01T10:00:00.000Z").build(),
                user("g02", "globex-only").other("title", "engineer").created("2026-01-02T10:00:00.000Z").build());
    }

    private static User fullUser() {
        ScimObject others = ScimObject.builder()
                .put("title", "Ingénieure «principale»")
                .put("nickName", "Émi")
                .put("phoneNumbers", ScimArray.of(ScimObject.builder().put("value", "+33 1 23 45 67 89")
                        .put("type", "work").put("primary", true).build()))
                .put(UserSchemas.ENTERPRISE_USER, ScimObject.builder()
                        .put("employeeNumber", "0042")
                        .put("department", "R&D / 100%_\\")
                        .put("manager", ScimObject.builder().put("value", "u-boss").put("$ref", "../Users/u-boss")
                                .build())
                        .build())
                .build();
        return new User("u-full", "Émilie", Optional.of("ext-Émilie"), false, Role.MODERATOR,
                Optional.of("Émilie \"Émi\" Durand"),
                new Name(Optional.of("Émilie Durand"), Optional.of("Durand"), Optional.of("Émilie"),
                        Optional.of("Marie"), Optional.of("Dr."), Optional.of("PhD")),
                List.of(new Email("emilie@example.com", Optional.of("work"), true, Optional.of("Work")),
                        new Email("emi@home.example", Optional.empty(), false, Optional.empty())),
                others, Optional.of(true), ChangeSource.ADMIN, true, true, false, 7,
                Instant.parse("2025-12-31T23:59:59.999Z"), Instant.parse("2026-01-01T00:00:00.001Z"));
    }

    private static UserQuery query(String filter) {
        return UserQuery.filtered(FilterParser.parse(filter), 1, 100);
    }

    /** Accounts and pending identities alike, as SCIM searches. */
    private static UserQuery everyone(String filter) {
        return query(filter).withPending(UserQuery.Pending.INCLUDED);
    }

    private static List<String> ids(UserPage page) {
        return page.users().stream().map(User::id).toList();
    }

    private static List<String> reversed(List<String> list) {
        return Stream.iterate(list.size() - 1, i -> i >= 0, i -> i - 1).map(list::get).toList();
    }

    private static void assertUniqueness(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.type()).isEqualTo(ScimErrorType.UNIQUENESS));
    }
}
