package dev.roster.scim.core.service;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.ScimObject;
import dev.roster.scim.core.model.ScimValue;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserResources;
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
final class UserChanges {

    static final String CREATE = "create";
    static final String LINK = "link";
    static final String DEACTIVATE = "deactivate";
    static final String REACTIVATE = "reactivate";
    static final String ROLE = "role";
    static final String ROLE_IGNORED = "role-ignored";
    static final String PROFILE = "profile";
    static final String DELETE = "delete";
    static final String RESTORE = "restore";

    private UserChanges() {
    }

    /** Whether the two values differ in anything but bookkeeping (version, times, who changed it, idpActive). */
    static boolean differ(User before, User after) {
        return !stateOf(before).equals(stateOf(after));
    }

    /** One record per aspect that changed: link, status, visibility, role, profile. */
    static List<AuditRecord> audit(SiteId site, User before, User after, ChangeSource source, Instant at) {
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
        Set<String> profile = changedProfileAttributes(before, after);
        if (!profile.isEmpty()) {
            records.add(record(site, after, source, PROFILE,
                    before.userName().equals(after.userName()) ? Optional.empty() : Optional.of(before.userName()),
                    before.userName().equals(after.userName()) ? Optional.empty() : Optional.of(after.userName()),
                    "Profile changed " + by(source) + ": " + String.join(", ", profile) + ".", at));
        }
        return records;
    }

    static AuditRecord created(SiteId site, User user, ChangeSource source, Instant at) {
        return record(site, user, source, CREATE, Optional.empty(),
                Optional.of(status(user) + " " + user.role().scimValue()), "Created " + by(source) + ".", at);
    }

    static AuditRecord roleIgnored(SiteId site, User user, ChangeSource source, String detail, Instant at) {
        return record(site, user, source, ROLE_IGNORED, Optional.of(user.role().scimValue()),
                Optional.of(user.role().scimValue()), detail, at);
    }

    /** Tells the listeners what happened; called after the change committed. */
    static void announce(AccountEvents events, SiteId site, User before, User after, ChangeSource source) {
        if (before.active() && !after.active()) {
            events.deactivated(site, after, source);
        } else if (!before.active() && after.active()) {
            events.reactivated(site, after, source);
        }
        if (before.role() != after.role()) {
            events.roleChanged(site, after, before.role(), source);
        }
    }

    private static List<Object> stateOf(User user) {
        return List.of(user.userName(), user.externalId(), user.active(), user.role(), user.displayName(),
                user.name(), user.emails(), user.otherAttributes(), user.claimedByIdp(), user.hidden());
    }

    private static Set<String> changedProfileAttributes(User before, User after) {
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

    private static AuditRecord record(SiteId site, User user, ChangeSource source, String action,
                                      Optional<String> before, Optional<String> after, String detail, Instant at) {
        return new AuditRecord(site, user.id(), user.userName(), source, action, before, after, detail, at);
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
