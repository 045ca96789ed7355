package dev.roster.scim.server;

import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.AccountEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server has no sessions to end; it logs what a host application would act on (a deactivated user
 * signed out everywhere, a demoted admin losing access).
 */
final class LoggingAccountEvents implements AccountEvents {

    private static final Logger LOG = LoggerFactory.getLogger("dev.roster.account-events");

    @Override
    public void deactivated(SiteId site, User user, ChangeSource source) {
        LOG.info("site {}: user {} deactivated by {}; a host app would end their sessions now", site,
                user.id(), source.label());
    }

    @Override
    public void reactivated(SiteId site, User user, ChangeSource source) {
        LOG.info("site {}: user {} reactivated by {}", site, user.id(), source.label());
    }

    @Override
    public void roleChanged(SiteId site, User user, Role previous, ChangeSource source) {
        LOG.info("site {}: user {} role {} -> {} by {}", site, user.id(), previous.scimValue(),
                user.role().scimValue(), source.label());
    }
}
