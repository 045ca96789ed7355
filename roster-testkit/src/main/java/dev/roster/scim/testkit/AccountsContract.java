package dev.roster.scim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

/**
 * What every host's {@link Accounts} must do for the side-car way (ADR 022): find what it created, by id and by
 * userName, per site; ignore a second create of an id; apply {@code setActive} and {@code setRole} of the version it
 * holds or a newer one and keep that version, and ignore an older one, so that a redelivered or late change is
 * harmless; ignore a change of an account it does not have.
 *
 * <pre>{@code
 * class JdbcAccountsContractTest extends AccountsContract {
 *     protected Accounts createAccounts() { return new JdbcAccounts(freshDatabase()); }
 * }
 * }</pre>
 */
public abstract class AccountsContract {

    /** The site most tests use; {@link #createAccounts} must make it exist. */
    protected static final SiteId ACME = SiteId.of("acme");

    /** A second site, to check that accounts of two sites never mix; {@link #createAccounts} must make it exist. */
    protected static final SiteId GLOBEX = SiteId.of("globex");

    private Accounts accounts;

    /**
     * A new, empty accounts table of sites {@link #ACME} and {@link #GLOBEX}; called before each test.
     *
     * @return the implementation under test
     */
    protected abstract Accounts createAccounts();

    @BeforeEach
    void createTheAccounts() {
        accounts = createAccounts();
    }

    @Test
    void aCreatedAccountIsFoundByIdAndByUserName() {
        Account ann = account("u-1", "ann", 1);

        accounts.create(ACME, ann);

        assertThat(accounts.findById(ACME, "u-1")).contains(ann);
        assertThat(accounts.findByUserName(ACME, "ann")).contains(ann);
        assertThat(accounts.findById(ACME, "u-2")).isEmpty();
        assertThat(accounts.findByUserName(ACME, "bob")).isEmpty();
    }

    @Test
    void anAccountWithoutEmailRoundTrips() {
        Account bob = new Account("u-2", "bob", Optional.empty(), false, Role.MODERATOR, 3);

        accounts.create(ACME, bob);

        assertThat(accounts.findById(ACME, "u-2")).contains(bob);
    }

    @Test
    void aSecondCreateOfAnIdChangesNothing() {
        accounts.create(ACME, account("u-1", "ann", 1));

        accounts.create(ACME, new Account("u-1", "ann", Optional.empty(), false, Role.ADMIN, 1));

        assertThat(accounts.findById(ACME, "u-1")).contains(account("u-1", "ann", 1));
    }

    @Test
    void setActiveOfANewerVersionAppliesAndKeepsTheVersion() {
        accounts.create(ACME, account("u-1", "ann", 1));

        accounts.setActive(ACME, "u-1", false, 2);

        assertThat(accounts.findById(ACME, "u-1")).hasValueSatisfying(held -> {
            assertThat(held.active()).isFalse();
            assertThat(held.version()).isEqualTo(2);
        });
    }

    @Test
    void setRoleOfANewerVersionAppliesAndKeepsTheVersion() {
        accounts.create(ACME, account("u-1", "ann", 1));

        accounts.setRole(ACME, "u-1", Role.ADMIN, 4);

        assertThat(accounts.findById(ACME, "u-1")).hasValueSatisfying(held -> {
            assertThat(held.role()).isEqualTo(Role.ADMIN);
            assertThat(held.version()).isEqualTo(4);
        });
    }

    @Test
    void bothSettersOfOneVersionApply() {
        accounts.create(ACME, account("u-1", "ann", 1));

        accounts.setActive(ACME, "u-1", false, 2);
        accounts.setRole(ACME, "u-1", Role.MODERATOR, 2);

        assertThat(accounts.findById(ACME, "u-1"))
                .contains(new Account("u-1", "ann", Optional.of("ann@example.com"), false, Role.MODERATOR, 2));
    }

    @Test
    void anOlderVersionIsIgnored() {
        accounts.create(ACME, account("u-1", "ann", 5));

        accounts.setActive(ACME, "u-1", false, 4);
        accounts.setRole(ACME, "u-1", Role.ADMIN, 3);

        assertThat(accounts.findById(ACME, "u-1")).contains(account("u-1", "ann", 5));
    }

    @Test
    void aChangeOfAnAccountTheHostDoesNotHaveIsIgnored() {
        accounts.setActive(ACME, "u-9", false, 2);
        accounts.setRole(ACME, "u-9", Role.ADMIN, 2);

        assertThat(accounts.findById(ACME, "u-9")).isEmpty();
    }

    @Test
    void sitesAreApart() {
        accounts.create(ACME, account("u-1", "ann", 1));
        accounts.create(GLOBEX, account("u-1", "ann", 1));

        accounts.setActive(GLOBEX, "u-1", false, 2);

        assertThat(accounts.findById(ACME, "u-1")).contains(account("u-1", "ann", 1));
        assertThat(accounts.findByUserName(GLOBEX, "ann").orElseThrow().active()).isFalse();
        assertThat(accounts.findById(SiteId.of("initech"), "u-1")).isEmpty();
    }

    private static Account account(String id, String userName, long version) {
        return new Account(id, userName, Optional.of(userName + "@example.com"), true, Role.REGISTERED, version);
    }
}
