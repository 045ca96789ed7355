package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.internal.policy.LocalChanges;
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
 * {@link LocalUserAdministration}: a site admin's changes, under {@link LocalChanges} (what a local change wins
 * against SCIM) and the last-admin guard, written and audited as the admin's ({@code ChangeSource.ADMIN}).
 */
public final class LocalUserAdministrationService implements LocalUserAdministration {

    private static final SortSpec BY_USER_NAME = SortSpec.ascending(AttrPath.of("userName"));

    private final Ports ports;
    private final UserWrites writes;

    /**
     * A site admin's changes and lists, written and audited through {@code ports}.
     *
     * @param ports the stores, audit log, transactions and clock
     */
    public LocalUserAdministrationService(Ports ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.writes = new UserWrites(ports);
    }

    @Override
    public User deactivate(SiteId site, String userId) {
        return change(site, userId, LocalChanges::deactivated);
    }

    @Override
    public User reactivate(SiteId site, String userId) {
        return change(site, userId, LocalChanges::reactivated);
    }

    @Override
    public User setRole(SiteId site, String userId, Role role) {
        Objects.requireNonNull(role, "role");
        return change(site, userId, current -> LocalChanges.withRole(current, role));
    }

    @Override
    public User restore(SiteId site, String userId) {
        requireSite(site);
        return writes.update(site, userId, ChangeSource.ADMIN, Optional.empty(), UserWrites.Lookup.ANY,
                current -> UserWrites.Change.to(LocalChanges.restored(current)));
    }

    @Override
    public UserPage users(SiteId site, SearchRequest request) {
        requireSite(site);
        return ports.users().search(site, SearchQueries.toQuery(request, Optional.of(BY_USER_NAME), true,
                UserQuery.Pending.EXCLUDED));
    }

    @Override
    public UserPage pendingIdentities(SiteId site, SearchRequest request) {
        requireSite(site);
        return ports.users().search(site, SearchQueries.toQuery(request, Optional.of(BY_USER_NAME), false,
                UserQuery.Pending.ONLY));
    }

    @Override
    public List<AuditRecord> recentChanges(SiteId site, int limit) {
        requireSite(site);
        return ports.audit().recent(site, Math.max(0, limit));
    }

    @Override
    public List<AuditRecord> changesOf(SiteId site, String userId, int limit) {
        requireSite(site);
        return ports.audit().recentForUser(site, userId, Math.max(0, limit));
    }

    private User change(SiteId site, String userId, UnaryOperator<User> change) {
        requireSite(site);
        return writes.update(site, userId, ChangeSource.ADMIN, Optional.empty(), UserWrites.Lookup.ANY, current -> {
            User after = change.apply(current);
            writes.guardLastAdmin(site, current, after);
            return UserWrites.Change.to(after);
        });
    }

    /** An unknown site is a 404 of its own, not an empty list nor a missing user. */
    private void requireSite(SiteId site) {
        if (ports.sites().settingsVersion(site).isEmpty()) {
            throw ScimException.notFound("No site '" + site + "'.");
        }
    }
}
