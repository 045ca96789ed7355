package dev.roster.scim.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.testkit.ForwardingUserStore;
import dev.roster.scim.testkit.InMemoryAuditLog;
import dev.roster.scim.testkit.InMemorySiteStore;
import dev.roster.scim.testkit.InMemoryTransactions;
import dev.roster.scim.testkit.InMemoryUserStore;
import dev.roster.scim.testkit.RecordingAccountEvents;
import dev.roster.scim.testkit.TestClock;
import dev.roster.scim.testkit.UserBuilder;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The use cases over in-memory stores, with a site {@code acme} where SSO and SCIM are on. */
final class Fixture {

    static final SiteId SITE = SiteId.of("acme");

    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemorySiteStore sites = new InMemorySiteStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryTransactions transactions = new InMemoryTransactions(users, sites, audit);
    final RecordingAccountEvents events = new RecordingAccountEvents();
    final TestClock clock = new TestClock();

    Fixture() {
        sites.insert(SiteSettings.newSite(SITE).withSsoConfigured(true).withScimEnabled(true));
    }

    Ports ports() {
        return ports(users, audit);
    }

    /** Ports whose user store or audit log a test wraps, e.g. to lose a race or fail. */
    Ports ports(UserStore userStore, AuditLog auditLog) {
        return new Ports(userStore, sites, auditLog, transactions, events, clock);
    }

    /**
     * Ports on which someone else (a simultaneous sign-in, the IdP's POST) stores {@code competitor} between the
     * use case's lookup and its first insert. Its transactions leave the user store alone, so that the competitor's
     * insert survives the loser's rollback, as another writer's commit would.
     */
    Ports portsWhereAnotherInsertWins(UnaryOperator<User> competitor) {
        UserStore racing = new ForwardingUserStore(users) {
            private boolean raced;

            @Override
            public void insert(SiteId site, User user) {
                if (!raced) {
                    raced = true;
                    delegate.insert(site, competitor.apply(user));
                }
                delegate.insert(site, user);
            }
        };
        return new Ports(racing, sites, audit, new InMemoryTransactions(sites, audit), events, clock);
    }

    Fixture manageRoles(boolean value) {
        sites.update(settings().withManageRoles(value));
        return this;
    }

    SiteSettings settings() {
        return sites.find(SITE).orElseThrow();
    }

    ScimUsersService scim() {
        return new ScimUsersService(ports());
    }

    ScimUsersService scim(CreationPolicy policy) {
        return new ScimUsersService(ports(), policy);
    }

    JitSignInService jit() {
        return new JitSignInService(ports());
    }

    LocalUserAdministrationService admin() {
        return new LocalUserAdministrationService(ports());
    }

    SiteAdministrationService siteAdmin() {
        return new SiteAdministrationService(ports());
    }

    User given(UserBuilder user) {
        User built = user.build();
        users.insert(SITE, built);
        return built;
    }

    User stored(String id) {
        return users.findById(SITE, id).orElseThrow();
    }

    List<AuditRecord> auditOf(String userId) {
        return audit.all().stream().filter(record -> record.userId().equals(userId)).toList();
    }

    /** A JSON object from name/value pairs; values are Strings, Booleans, ScimValues or nested maps. */
    static ScimObject json(Object... pairs) {
        ScimObject.Builder builder = ScimObject.builder();
        for (int i = 0; i < pairs.length; i += 2) {
            builder.put((String) pairs[i], value(pairs[i + 1]));
        }
        return builder.build();
    }

    private static ScimValue value(Object value) {
        if (value instanceof ScimValue scim) {
            return scim;
        }
        if (value instanceof String text) {
            return ScimValue.of(text);
        }
        if (value instanceof Boolean bool) {
            return ScimValue.of(bool);
        }
        if (value instanceof Map<?, ?> map) {
            ScimObject.Builder builder = ScimObject.builder();
            map.forEach((key, member) -> builder.put((String) key, value(member)));
            return builder.build();
        }
        throw new IllegalArgumentException("no JSON for " + value);
    }

    /** Asserts that the call fails with a ScimException of that type, and returns it for more checks. */
    static ScimException failure(ScimErrorType type, ThrowingCallable call) {
        ScimException[] caught = new ScimException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.type()).as(e.detail()).isEqualTo(type);
            caught[0] = e;
        });
        return caught[0];
    }
}
