package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.internal.policy.LastAdminGuard;
import dev.roster.scim.core.internal.policy.UserChanges;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.mapping.WrittenUser;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.out.PreparedUser;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.schema.ScimDateTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * How every use case changes a user: read it, let the caller decide the new value, store it with the next version
 * and its audit records in one transaction, then tell the account listeners. A write without {@code If-Match} that
 * loses a race with another writer is retried from a fresh read, so that two IdP updates arriving together both
 * land; with {@code If-Match}, losing the race means the precondition no longer holds (412).
 */
final class UserWrites {

    /** Enough for a burst of simultaneous updates of one user; beyond that the client is told to retry (409). */
    static final int MAX_ATTEMPTS = 5;

    private static final Filter ACTIVE_ADMINS = Filter.and(
            Filter.compare(AttrPath.of("userType"), CompareOp.EQ, CompValue.of(Role.ADMIN.scimValue())),
            Filter.compare(AttrPath.of("active"), CompareOp.EQ, CompValue.of(true)));

    private final Ports ports;

    UserWrites(Ports ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    /** Which stored users a change may see. */
    enum Lookup {
        /** SCIM's view: a deleted (hidden) user does not exist, 404. */
        VISIBLE,
        /** An admin's view: every stored user. */
        ANY
    }

    /**
     * A proposed new value of a user, and a role value the policy ignored, to be audited; or, with {@code erase},
     * the user's removal from the store (a pending identity the IdP deleted: there is no account to keep); or, with
     * a {@code refusedSignIn}, no change at all but a {@code sign-in-refused} record of why, which commits before
     * the refusal is thrown. A {@code reason} follows the detail of each record the change makes, for a change whose
     * records alone would not say why it happened.
     */
    record Change(User after, Optional<String> ignoredRole, boolean erase, Optional<ScimException> refusedSignIn,
                  Optional<String> reason) {
        Change {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(ignoredRole, "ignoredRole");
            Objects.requireNonNull(refusedSignIn, "refusedSignIn");
            Objects.requireNonNull(reason, "reason");
        }

        Change(User after, Optional<String> ignoredRole) {
            this(after, ignoredRole, false, Optional.empty(), Optional.empty());
        }

        static Change to(User after) {
            return new Change(after, Optional.empty());
        }

        static Change erasing(User current) {
            return new Change(current, Optional.empty(), true, Optional.empty(), Optional.empty());
        }

        /**
         * The sign-in is refused with {@code refusal}: the user stays as it is, the audit says why (so that the
         * admin sees why someone could not get in), and {@link #update} throws {@code refusal} after the commit.
         */
        static Change refusingSignIn(User current, ScimException refusal) {
            return new Change(current, Optional.empty(), false, Optional.of(refusal), Optional.empty());
        }

        /** This change, its records saying why it happened. */
        Change because(String why) {
            return new Change(after, ignoredRole, erase, refusedSignIn, Optional.of(why));
        }
    }

    /** A new active Registered account with nothing but a userName, at version 1. */
    static User newUser(String userName, ChangeSource source, Instant now) {
        return new User(UUID.randomUUID().toString(), userName, Optional.empty(), true, Role.REGISTERED,
                Optional.empty(), Name.EMPTY, List.of(), ScimObject.EMPTY, Optional.empty(), source, false, false,
                false, 1, now, now);
    }

    /** Now, to the millisecond that stores keep. */
    Instant now() {
        return ScimDateTime.keptPrecision(ports.clock().instant());
    }

    /**
     * Reads the user, checks {@code ifMatch}, asks {@code change} for the new value, and stores it. A change that
     * alters nothing writes nothing, except a newly asserted {@code idpActive} (kept without an audit record, as it
     * changes no state the application acts on) and the record of an ignored role value.
     *
     * @param change may throw a {@code ScimException} to refuse, which leaves no trace, or return
     *               {@link Change#refusingSignIn} to have the refusal audited; it may run more than once, after a
     *               lost race
     * @return the stored value; for an erased user, its last value
     */
    User update(SiteId site, String id, ChangeSource source, Optional<IfMatch> ifMatch, Lookup lookup,
                Function<User, Change> change) {
        return updateRendered(site, id, source, ifMatch, lookup, change).user();
    }

    /**
     * {@link #update}, with the rendering the store kept for the stored value, when it keeps one and the change wrote
     * one: rendered once, before the write, and never again for the answer (ADR 034).
     */
    WrittenUser updateRendered(SiteId site, String id, ChangeSource source, Optional<IfMatch> ifMatch, Lookup lookup,
                               Function<User, Change> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                Written written = attempt == 1 ? prepareThenStore(site, id, source, ifMatch, lookup, change)
                        : ports.transactions().inTransaction(() -> attempt(site, id, source, ifMatch, lookup, change));
                if (written.refusal().isPresent()) {
                    throw written.refusal().get();
                }
                UserChanges.announce(ports.events(), ports.eventFailures(), site, written.before(), written.after(),
                        source);
                if (written.roleIgnored()) {
                    ports.outcomes().roleIgnored(site);
                }
                return new WrittenUser(written.after(), written.rendering());
            } catch (LostRace race) {
                if (ifMatch.isPresent()) {
                    throw ScimException.preconditionFailed("The user changed while this request was applied; "
                            + "read it again and retry.");
                }
            }
        }
        throw ScimException.conflict("The user is being changed by other requests; retry later.");
    }

    /**
     * Applies {@code change} to each pending identity that {@code filter} selects, as {@link #update} would, inside
     * the caller's running transaction: one site-wide rule applies to all of them or, if it cannot, to none. A
     * pending identity that another writer changed meanwhile is read again, up to {@link #MAX_ATTEMPTS} times, then
     * the whole unit fails with 409; one that is gone (erased, or claimed by a first sign-in) is left alone. Nothing
     * is announced: pending identities have no account to announce (see {@code UserChanges.announce}).
     *
     * @param change the new value of a pending identity; a user that is no longer pending when read is left as it is
     * @return how many pending identities changed
     */
    int updatePendingWithin(SiteId site, Filter filter, ChangeSource source, Function<User, Change> change) {
        Function<User, Change> pendingOnly = current -> current.pending() ? change.apply(current)
                : Change.to(current);
        int changed = 0;
        for (String id : pendingIds(site, filter)) {
            if (updateWithin(site, id, source, pendingOnly)) {
                changed++;
            }
        }
        return changed;
    }

    /** The ids of the pending identities the filter selects, read before any of them changes. */
    private List<String> pendingIds(SiteId site, Filter filter) {
        List<String> ids = new ArrayList<>();
        long total = Long.MAX_VALUE;
        while (ids.size() < total) {
            UserPage page = ports.users().search(site, UserQuery.filtered(filter, ids.size() + 1, ScimUsers.MAX_RESULTS)
                    .withPending(UserQuery.Pending.ONLY));
            if (page.users().isEmpty()) {
                break;
            }
            total = page.totalResults();
            page.users().forEach(user -> ids.add(user.id()));
        }
        return ids;
    }

    private boolean updateWithin(SiteId site, String id, ChangeSource source, Function<User, Change> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                Written written = attempt(site, id, source, Optional.empty(), Lookup.ANY, change);
                return written.after().version() != written.before().version();
            } catch (LostRace race) {
                // Nothing was written before the lost update, so the unit can go on with a fresh read.
            } catch (ScimException e) {
                if (e.type() != ScimErrorType.NOT_FOUND) {
                    throw e;
                }
                return false;
            }
        }
        throw ScimException.conflict("Users are being changed by other requests; retry later.");
    }

    /**
     * Stores a new user with its creation record (and the record of an ignored role value);
     * {@code 400 invalidValue} if the identifier profile refuses its userName.
     */
    User insert(SiteId site, User user, ChangeSource source, Optional<String> ignoredRole) {
        requireAcceptableUserName(user.userName());
        PreparedUser prepared = ports.users().prepare(site, user);
        AuditRecord created = UserChanges.created(site, user, source, user.created());
        User stored = ports.transactions().inTransaction(() -> {
            ports.users().insert(site, prepared);
            ports.audit().append(created);
            ports.accountSync().changed(site, Optional.empty(), user, user.created());
            ignoredRole.ifPresent(detail -> ports.audit()
                    .append(UserChanges.roleIgnored(site, user, source, detail, user.created())));
            return user;
        });
        if (ignoredRole.isPresent()) {
            ports.outcomes().roleIgnored(site);
        }
        return stored;
    }

    /**
     * {@code 400 invalidValue} unless the identifier profile (ADR 014) accepts the userName. Checked whenever a
     * user gets a userName with a new key: a user whose stored name an older Roster accepted keeps it, and can
     * still be deactivated or renamed, until it changes.
     */
    static void requireAcceptableUserName(String userName) {
        IdentifierProfile.requireAcceptable("userName", userName);
    }

    /**
     * {@link LastAdminGuard} with the site's active Admins counted in the store: accounts only, as a pending
     * identity administers nothing.
     */
    void guardLastAdmin(SiteId site, User before, User after) {
        LastAdminGuard.check(before, after,
                () -> ports.users().search(site, UserQuery.filtered(ACTIVE_ADMINS, 1, 0)).totalResults());
    }

    /**
     * The first attempt of {@link #update} (ADR 030): the user is read and {@code change} decides outside the write
     * transaction, and the new value's rows, rendering and audit records are made there too (ADR 034), so that on
     * SQLite the one writer is held only for binding and executing the version-checked write and its records, not
     * for the read, the PATCH, the policy and the rendering. The write fails as a lost race if the user moved on meanwhile. A change
     * that takes an active Admin away decides under the writer instead: the guard's count of the other Admins must be
     * the one the write commits on, or two concurrent demotions could each count the other.
     */
    private Written prepareThenStore(SiteId site, String id, ChangeSource source, Optional<IfMatch> ifMatch,
                                     Lookup lookup, Function<User, Change> change) {
        User before = current(site, id, lookup);
        ifMatch.ifPresent(precondition -> precondition.check(before));
        Change proposed = change.apply(before);
        if (LastAdminGuard.isActiveAdmin(before) && !LastAdminGuard.isActiveAdmin(proposed.after())) {
            return ports.transactions().inTransaction(() -> attempt(site, id, source, ifMatch, lookup, change));
        }
        Decided decided = decide(site, source, before, proposed);
        return ports.transactions().inTransaction(() -> store(site, decided));
    }

    private User current(SiteId site, String id, Lookup lookup) {
        return ports.users().findById(site, id)
                .filter(user -> lookup == Lookup.ANY || !user.hidden())
                .orElseThrow(() -> ScimException.notFound("No user with id '" + id + "'."));
    }

    private Written attempt(SiteId site, String id, ChangeSource source, Optional<IfMatch> ifMatch, Lookup lookup,
                            Function<User, Change> change) {
        User before = current(site, id, lookup);
        ifMatch.ifPresent(precondition -> precondition.check(before));
        return store(site, decide(site, source, before, change.apply(before)));
    }

    /**
     * What {@code proposed} writes: its next value prepared by the store and its audit records, made outside any
     * transaction where the caller allows it (ADR 034). Refuses a new userName the identifier profile does not accept.
     */
    private Decided decide(SiteId site, ChangeSource source, User before, Change proposed) {
        Instant now = now();
        if (proposed.refusedSignIn().isPresent()) {
            return new Decided(before, proposed, now, Optional.empty(), List.of(UserChanges.signInRefused(site,
                    before, proposed.refusedSignIn().get().detail(), now)));
        }
        if (!IdentifierProfile.key(proposed.after().userName()).equals(IdentifierProfile.key(before.userName()))) {
            requireAcceptableUserName(proposed.after().userName());
        }
        if (proposed.erase()) {
            return new Decided(before, proposed, now, Optional.empty(),
                    List.of(UserChanges.erased(site, before, source, now)));
        }
        Optional<User> next = nextValue(before, proposed.after(), source, now);
        User result = next.orElse(before);
        List<AuditRecord> records = new ArrayList<>(UserChanges.audit(site, before, result, source, now,
                proposed.reason()));
        proposed.ignoredRole().ifPresent(detail -> records.add(UserChanges.roleIgnored(site, result, source, detail,
                now)));
        return new Decided(before, proposed, now, next.map(user -> ports.users().prepare(site, user)), records);
    }

    /**
     * Writes what was decided if the user is still at the version it was decided on (else {@link LostRace}), with
     * its audit records and account change, in the caller's transaction: binding and executing only.
     */
    private Written store(SiteId site, Decided decided) {
        User before = decided.before();
        Change proposed = decided.proposed();
        if (proposed.refusedSignIn().isPresent()) {
            ports.audit().appendAll(decided.records());
            return new Written(before, before, proposed.refusedSignIn(), false, Optional.empty());
        }
        if (proposed.erase()) {
            if (!ports.users().delete(site, before.id(), before.version())) {
                throw new LostRace();
            }
            ports.audit().appendAll(decided.records());
            return new Written(before, before, Optional.empty(), false, Optional.empty());
        }
        Optional<PreparedUser> next = decided.next();
        if (next.isEmpty()) {
            ports.audit().appendAll(decided.records());
        } else if (!ports.users().updateRecorded(site, next.get(), before.version(), decided.records(),
                ports.audit())) {
            throw new LostRace();
        }
        User result = next.map(PreparedUser::user).orElse(before);
        if (next.isPresent()) {
            ports.accountSync().changed(site, Optional.of(before), result, decided.now());
        }
        return new Written(before, result, Optional.empty(), proposed.ignoredRole().isPresent(),
                next.flatMap(PreparedUser::rendering));
    }

    /** What to store: the next version if anything changed, nothing if nothing did. */
    private static Optional<User> nextValue(User before, User after, ChangeSource source, Instant now) {
        if (UserChanges.differ(before, after)) {
            return Optional.of(after.nextVersion(source, now));
        }
        if (!after.idpActive().equals(before.idpActive())) {
            // The IdP confirmed a status without changing it: worth keeping for drift, but nobody changed the user.
            return Optional.of(after.nextVersion(before.lastChangedBy(), now));
        }
        return Optional.empty();
    }

    /**
     * What a change will write, decided before the write unit: the user it was decided on, the change, its time,
     * the next value as the store prepared it (empty when nothing changes) and the audit records.
     */
    private record Decided(User before, Change proposed, Instant now, Optional<PreparedUser> next,
                           List<AuditRecord> records) {
    }

    /**
     * What an attempt stored: the user before and after, or the refusal it recorded instead, whether it ignored a
     * role value, and the rendering stored with the new value, if the store keeps one.
     */
    private record Written(User before, User after, Optional<ScimException> refusal, boolean roleIgnored,
                           Optional<RenderedUser> rendering) {
    }

    /** Thrown inside the transaction so that it rolls back; caught outside to retry. */
    private static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostRace() {
            super("lost an optimistic-concurrency race", null, false, false);
        }
    }
}
