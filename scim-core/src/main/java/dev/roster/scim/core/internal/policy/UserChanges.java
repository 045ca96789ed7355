package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.AccountEventFailures;
import dev.roster.scim.core.port.out.AccountEventFailures.Event;
import dev.roster.scim.core.port.out.AccountEvents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between two values of a user, as audit records and account events. Every use case goes through
 * here, so SCIM, admin and sign-in changes are recorded alike.
 */
public final class UserChanges {

    static final String CREATE = "create";
    static final String LINK = "link";
    static final String DEACTIVATE = "deactivate";
    static final String REACTIVATE = "reactivate";
    static final String ROLE = "role";
    static final String ROLE_IGNORED = "role-ignored";
    static final String PROFILE = "profile";
    static final String DELETE = "delete";
    static final String RESTORE = "restore";
    static final String PENDING_CREATE = "pending-create";
    static final String PENDING_DELETE = "pending-delete";
    static final String PENDING_CLAIM = "pending-claim";
    static final String SIGN_IN_REFUSED = "sign-in-refused";

    private UserChanges() {
    }

    /** Whether the two values differ in anything but bookkeeping (version, times, who changed it, idpActive). */
    public static boolean differ(User before, User after) {
        return !stateOf(before).equals(stateOf(after));
    }

    /**
     * One record per aspect that changed: link, status, visibility, role, profile. A first sign-in that turns a
     * pending identity into the account is one claim record (with the role it gave) plus, if the sign-in changed
     * names or emails, a profile record. Records of a pending identity say that it is one; a {@code reason}, if
     * any, follows each detail.
     */
    public static List<AuditRecord> audit(SiteId site, User before, User after, ChangeSource source, Instant at,
                                   Optional<String> reason) {
        List<AuditRecord> records = new ArrayList<>();
        if (before.pending() && !after.pending()) {
            records.add(claimed(site, before, after, source, at));
            profileRecord(site, before, after, source, at).ifPresent(records::add);
        } else {
            aspects(site, before, after, source, at).forEach(record -> records.add(after.pending()
                    ? withDetail(record, pendingNote(record.detail())) : record));
        }
        return reason.isEmpty() ? records
                : records.stream().map(record -> withDetail(record, record.detail() + " " + reason.get())).toList();
    }

    private static List<AuditRecord> aspects(SiteId site, User before, User after, ChangeSource source,
                                             Instant at) {
        List<AuditRecord> records = new ArrayList<>();
        if (!before.claimedByIdp() && after.claimedByIdp()) {
            records.add(record(site, after, source, LINK, Optional.empty(), after.externalId(),
                    "Linked to the identity provider" + after.externalId().map(id -> " (externalId '" + id + "')")
                            .orElse("") + ".", at));
        }
        if (before.active() != after.active()) {
            String action = after.active() ? REACTIVATE : DEACTIVATE;
            records.add(record(site, after, source, action, Optional.of(status(before)), Optional.of(status(after)),
                    capitalized(action) + "d " + by(source) + ".", at));
        }
        if (before.hidden() != after.hidden()) {
            records.add(after.hidden()
                    ? record(site, after, source, DELETE, Optional.of("visible"), Optional.of("deleted"),
                    "Deleted " + by(source) + ": kept, deactivated and hidden from SCIM.", at)
                    : record(site, after, source, RESTORE, Optional.of("deleted"), Optional.of("visible"),
                    "Restored " + by(source) + ": visible to SCIM again.", at));
        }
        if (before.role() != after.role()) {
            records.add(record(site, after, source, ROLE, Optional.of(before.role().scimValue()),
                    Optional.of(after.role().scimValue()), "Role changed " + by(source) + ".", at));
        }
        profileRecord(site, before, after, source, at).ifPresent(records::add);
        return records;
    }

    private static Optional<AuditRecord> profileRecord(SiteId site, User before, User after, ChangeSource source,
                                                       Instant at) {
        Set<String> profile = changedProfileAttributes(before, after);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        boolean renamed = !before.userName().equals(after.userName());
        return Optional.of(record(site, after, source, PROFILE,
                renamed ? Optional.of(before.userName()) : Optional.empty(),
                renamed ? Optional.of(after.userName()) : Optional.empty(),
                "Profile changed " + by(source) + ": " + String.join(", ", profile) + ".", at));
    }

    public static AuditRecord created(SiteId site, User user, ChangeSource source, Instant at) {
        if (user.pending()) {
            return record(site, user, source, PENDING_CREATE, Optional.empty(),
                    Optional.of("pending " + status(user) + " " + user.role().scimValue()),
                    "Held as a pending identity " + by(source) + ": assigned in the identity provider, not signed "
                            + "in yet. No account exists until their first SSO sign-in.", at);
        }
        return record(site, user, source, CREATE, Optional.empty(),
                Optional.of(status(user) + " " + user.role().scimValue()), "Created " + by(source) + ".", at);
    }

    /** The record of a pending identity erased by a delete: the user had no account. */
    public static AuditRecord erased(SiteId site, User user, ChangeSource source, Instant at) {
        return record(site, user, source, PENDING_DELETE, Optional.of("pending " + status(user) + " "
                        + user.role().scimValue()), Optional.of("erased"),
                "Deleted " + by(source) + ": the pending identity was erased. They never signed in, so there was "
                        + "no account to keep.", at);
    }

    private static AuditRecord claimed(SiteId site, User before, User after, ChangeSource source, Instant at) {
        String role = before.role() == after.role()
                ? "role " + after.role().scimValue() + "."
                : "role " + after.role().scimValue() + ": the identity provider's " + before.role().scimValue()
                        + " was not applied, as this site does not let SCIM manage roles.";
        return record(site, after, source, PENDING_CLAIM,
                Optional.of("pending " + status(before) + " " + before.role().scimValue()),
                Optional.of(status(after) + " " + after.role().scimValue()),
                "First SSO sign-in: the account was created from the pending identity the identity provider "
                        + "provisioned" + after.externalId().map(id -> " (externalId '" + id + "')").orElse("")
                        + ", with the same id; " + role, at);
    }

    /**
     * The record of an SSO sign-in refused for a stored user (deactivated, deleted by the IdP, or a pending identity
     * the IdP deactivated): nothing changed, so no before or after; the detail gives the reason the person got.
     */
    public static AuditRecord signInRefused(SiteId site, User user, String reason, Instant at) {
        String detail = "Refused at SSO sign-in: " + reason;
        return record(site, user, ChangeSource.SIGN_IN, SIGN_IN_REFUSED, Optional.empty(), Optional.empty(),
                user.pending() ? pendingNote(detail) : detail, at);
    }

    /** The record of a role value the policy ignored; on a pending identity, with the note all its records carry. */
    public static AuditRecord roleIgnored(SiteId site, User user, ChangeSource source, String detail, Instant at) {
        return record(site, user, source, ROLE_IGNORED, Optional.of(user.role().scimValue()),
                Optional.of(user.role().scimValue()), user.pending() ? pendingNote(detail) : detail, at);
    }

    /**
     * Tells the listeners what happened to an account; called after the change committed. A pending identity has no
     * account, so its changes, and the sign-in that creates the account from it, are not announced (neither is any
     * account's creation). A listener that throws cannot undo the change (ADR 037): each event is told even when
     * the one before it threw, and each failure goes to {@code failures}, never to the caller.
     */
    public static void announce(AccountEvents events, AccountEventFailures failures, SiteId site, User before,
                                User after, ChangeSource source) {
        if (before.pending() || after.pending()) {
            return;
        }
        if (before.active() && !after.active()) {
            tell(failures, site, after, Event.DEACTIVATED, () -> events.deactivated(site, after, source));
        } else if (!before.active() && after.active()) {
            tell(failures, site, after, Event.REACTIVATED, () -> events.reactivated(site, after, source));
        }
        if (before.role() != after.role()) {
            tell(failures, site, after, Event.ROLE_CHANGED,
                    () -> events.roleChanged(site, after, before.role(), source));
        }
    }

    private static void tell(AccountEventFailures failures, SiteId site, User user, Event event, Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException failure) {
            try {
                failures.failed(site, user, event, failure);
            } catch (RuntimeException ignored) {
                // The change is done and must be answered as done; nothing is left to tell of this failure.
            }
        }
    }

    private static List<Object> stateOf(User user) {
        return List.of(user.userName(), user.externalId(), user.active(), user.role(), user.displayName(),
                user.name(), user.emails(), user.otherAttributes(), user.claimedByIdp(), user.hidden(),
                user.pending());
    }

    private static Set<String> changedProfileAttributes(User before, User after) {
        if (sameProfile(before, after)) {
            // Most changes an IdP sends flip active or the role: nothing to render and compare (ADR 042).
            return Set.of();
        }
        ScimObject left = UserResources.editableView(before);
        ScimObject right = UserResources.editableView(after);
        Set<String> changed = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>(left.names());
        names.addAll(right.names());
        for (String name : names) {
            Optional<ScimValue> old = left.get(name);
            Optional<ScimValue> now = right.get(name);
            if (!Objects.equals(old, now)) {
                changed.add(right.nameOf(name).orElse(name));
            }
        }
        return changed;
    }

    /** Equal parts give equal editable views, so no attribute of the profile changed. */
    private static boolean sameProfile(User before, User after) {
        return before.userName().equals(after.userName()) && before.externalId().equals(after.externalId())
                && before.displayName().equals(after.displayName()) && before.name().equals(after.name())
                && before.emails().equals(after.emails()) && before.otherAttributes().equals(after.otherAttributes());
    }

    private static AuditRecord record(SiteId site, User user, ChangeSource source, String action,
                                      Optional<String> before, Optional<String> after, String detail, Instant at) {
        return new AuditRecord(site, user.id(), user.userName(), source, action, before, after, detail, at);
    }

    private static AuditRecord withDetail(AuditRecord record, String detail) {
        return new AuditRecord(record.site(), record.userId(), record.userName(), record.source(), record.action(),
                record.before(), record.after(), detail, record.at());
    }

    private static String pendingNote(String detail) {
        return "Pending identity (not signed in yet). " + detail;
    }

    private static String status(User user) {
        return user.active() ? "active" : "inactive";
    }

    private static String by(ChangeSource source) {
        return switch (source) {
            case SCIM -> "by the identity provider over SCIM";
            case ADMIN -> "by a site admin";
            case SIGN_IN -> "at SSO sign-in";
            case UPGRADE -> "by a Roster upgrade";
        };
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
