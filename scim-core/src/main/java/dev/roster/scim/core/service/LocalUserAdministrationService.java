package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.LocalUserAdministration;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.model.UserPage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link LocalUserAdministration}. Local changes leave {@code idpActive} alone: it is what the IdP said, so a local
 * reactivation of a user the IdP deactivated shows as drift. Pending identities are refused (409).
 */
public final class LocalUserAdministrationService implements LocalUserAdministration {

    private static final SortSpec BY_USER_NAME = SortSpec.ascending(AttrPath.of("userName"));

    private final Ports ports;
    private final UserWrites writes;

    public LocalUserAdministrationService(Ports ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.writes = new UserWrites(ports);
    }

    @Override
    public User deactivate(SiteId site, String userId) {
        return change(site, userId, user -> user.withActive(false));
    }

    @Override
    public User reactivate(SiteId site, String userId) {
        return change(site, userId, user -> user.withActive(true));
    }

    @Override
    public User setRole(SiteId site, String userId, Role role) {
        Objects.requireNonNull(role, "role");
        return change(site, userId, user -> user.withRole(role));
    }

    @Override
    public User restore(SiteId site, String userId) {
        return writes.update(site, userId, ChangeSource.ADMIN, Optional.empty(), UserWrites.Lookup.ANY,
                current -> UserWrites.Change.to(requireAccount(current).withHidden(false)));
    }

    @Override
    public UserPage users(SiteId site, SearchRequest request) {
        return ports.users().search(site, SearchQueries.toQuery(request, Optional.of(BY_USER_NAME), true,
                UserQuery.Pending.EXCLUDED));
    }

    @Override
    public UserPage pendingIdentities(SiteId site, SearchRequest request) {
        return ports.users().search(site, SearchQueries.toQuery(request, Optional.of(BY_USER_NAME), false,
                UserQuery.Pending.ONLY));
    }

    @Override
    public List<AuditRecord> recentChanges(SiteId site, int limit) {
        return ports.audit().recent(site, Math.max(0, limit));
    }

    @Override
    public List<AuditRecord> changesOf(SiteId site, String userId, int limit) {
        return ports.audit().recentForUser(site, userId, Math.max(0, limit));
    }

    private User change(SiteId site, String userId, UnaryOperator<User> change) {
        return writes.update(site, userId, ChangeSource.ADMIN, Optional.empty(), UserWrites.Lookup.ANY, current -> {
            requireAccount(current);
            if (current.hidden()) {
                throw ScimException.conflict("'" + current.userName() + "' was deleted by the identity provider; "
                        + "restore them first.");
            }
            User after = change.apply(current);
            writes.guardLastAdmin(site, current, after);
            return UserWrites.Change.to(after);
        });
    }

    /**
     * 409 for a pending identity. A local status or role on it would be overwritten by the IdP's next update and
     * would hold no account; keeping someone out before their first sign-in is the IdP's to do (unassign or
     * deactivate them there), and once they signed in, their account can be changed here.
     */
    private static User requireAccount(User current) {
        if (current.pending()) {
            throw ScimException.conflict("'" + current.userName() + "' has not signed in yet, so there is no "
                    + "account to change: the identity provider manages this pending identity. To keep them out, "
                    + "unassign or deactivate them in the identity provider.");
        }
        return current;
    }
}
