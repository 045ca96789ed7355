package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.Accounts;
import dev.roster.scim.core.service.AccountRelay;
import dev.roster.scim.mybatis.PostgreSqlSettings;
import dev.roster.scim.mybatis.RosterDatabase;
import dev.roster.scim.testkit.ForwardingAccounts;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;

/**
 * The side-car's relay as its own process, for {@link SideCarKilledProcessTest}: delivers Roster's outbox (a SQLite
 * file, or a PostgreSQL schema) to a host's accounts table in another database, and records in the host's database
 * each write the host was asked for. With a kill point {@code n}, it stops right after the host committed its
 * {@code n}-th write (the host's database counts them, across runs) and before the relay acknowledges the change,
 * says {@link #KILL_POINT} on stdout and waits to be killed; without one, it delivers everything, says {@link #DONE}
 * and exits.
 *
 * <pre>{@code
 * java -cp <test class path> dev.roster.scim.mybatis.contract.SideCarRelayProcess roster.db host.db [n]
 * java -cp <test class path> dev.roster.scim.mybatis.contract.SideCarRelayProcess <jdbc:postgresql:…> <…> [n]
 * }</pre>
 */
final class SideCarRelayProcess {

    static final String KILL_POINT = "KILL-POINT";
    static final String DONE = "DONE";

    private SideCarRelayProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        long killAfter = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        try (RosterDatabase database = open(args[0]); RosterDatabase host = open(args[1])) {
            Accounts accounts = new WriteRecordingAccounts(host, new SharedTableAccounts(host), killAfter);
            AccountRelay relay = new AccountRelay(database.accountOutbox(), accounts, Clock.systemUTC());
            while (database.accountOutbox().pending() > 0) {
                relay.deliverDue();
            }
        }
        System.out.println(DONE);
        System.out.flush();
    }

    /** The database at {@code where}: a PostgreSQL JDBC URL, or a SQLite file. */
    static RosterDatabase open(String where) {
        return PostgreSqlSettings.isPostgreSqlUrl(where)
                ? RosterDatabase.open(PostgreSqlSettings.of(where).withMaximumPoolSize(2))
                : RosterDatabase.open(Path.of(where));
    }

    /** Creates the host's record of the writes it was asked for, once. */
    static void createWritesTable(RosterDatabase host) {
        host.inTransaction(connection -> connection.createStatement().execute("CREATE TABLE IF NOT EXISTS "
                + "host_writes (seq BIGINT NOT NULL, roster_id TEXT NOT NULL, operation TEXT NOT NULL, "
                + "roster_version BIGINT NOT NULL)"));
    }

    /** The host's accounts, recording each write they are asked for, and dying at the kill point. */
    private static final class WriteRecordingAccounts extends ForwardingAccounts {

        private final RosterDatabase host;
        private final long killAfter;

        WriteRecordingAccounts(RosterDatabase host, Accounts delegate, long killAfter) {
            super(delegate);
            this.host = host;
            this.killAfter = killAfter;
            createWritesTable(host);
        }

        @Override
        public void create(SiteId site, Account account) {
            written(account.id(), "create", account.version(), () -> super.create(site, account));
        }

        @Override
        public void setActive(SiteId site, String id, boolean active, long version) {
            written(id, "setActive", version, () -> super.setActive(site, id, active, version));
        }

        @Override
        public void setRole(SiteId site, String id, Role role, long version) {
            written(id, "setRole", version, () -> super.setRole(site, id, role, version));
        }

        private void written(String id, String operation, long version, Runnable write) {
            write.run();
            long writes = host.inTransaction(connection -> {
                // One relay writes at a time, so the count numbers the writes on either database.
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO host_writes (seq, "
                        + "roster_id, operation, roster_version) SELECT count(*) + 1, ?, ?, ? FROM host_writes")) {
                    insert.setString(1, id);
                    insert.setString(2, operation);
                    insert.setLong(3, version);
                    insert.executeUpdate();
                }
                try (ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM host_writes")) {
                    count.next();
                    return count.getLong(1);
                }
            });
            if (writes == killAfter) {
                System.out.println(KILL_POINT);
                System.out.flush();
                sleepUntilKilled();
            }
        }

        private static void sleepUntilKilled() {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the kill point was passed without a kill");
        }
    }
}
