package dev.roster.scim.server;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.AccountEventFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a listener that threw after its change committed: the change stands and the IdP was told so (ADR 037), so the
 * operator is the one who must hear of it, with the stack trace to find the listener.
 */
final class LoggingAccountEventFailures implements AccountEventFailures {

    private static final Logger LOG = LoggerFactory.getLogger("dev.roster.account-events.failures");

    @Override
    public void failed(SiteId site, User user, Event event, RuntimeException failure) {
        LOG.warn("site {}: the {} listener of user {} threw after the change committed; the change stands", site,
                event, user.id(), failure);
    }
}
