package dev.roster.scim.mybatis.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.service.AccountSync;
import dev.roster.scim.core.service.JitSignInService;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.mybatis.RosterDatabase;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The side-car's at-least-once delivery against a real crash: the relay runs in a child JVM
 * ({@link SideCarRelayProcess}) on a SQLite file or PostgreSQL, is SIGKILLed ({@link Process#destroyForcibly()}) right after the
 * host committed a write and before the relay acknowledged it, and is started again. Whatever the kills cut, every
 * change arrives (the host's accounts end as Roster's users are) and none is applied twice (the host's database
 * records each write it is asked for, and none repeats: a redelivered change finds its version held and writes
 * nothing).
 */
class SideCarKilledProcessTest {

    private static final SiteId ACME = SiteId.of("acme");
    private static final int USERS = 5;
    /** Generous: a JVM start on a loaded machine; the scenario, not the bound, decides. */
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path directory;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void onSqliteChangesCutByKillsArriveAllAndTakeEffectOnce() throws Exception {
        changesCutByKillsArriveAllAndTakeEffectOnce(directory.resolve("roster.db").toString(),
                directory.resolve("host.db").toString());
    }

    @Test
    void onPostgresChangesCutByKillsArriveAllAndTakeEffectOnce() throws Exception {
        changesCutByKillsArriveAllAndTakeEffectOnce(TestPostgres.newSchema().jdbcUrl(),
                TestPostgres.newSchema().jdbcUrl());
    }

    private void changesCutByKillsArriveAllAndTakeEffectOnce(String roster, String host) throws Exception {
        List<String> ids = new ArrayList<>();
        try (RosterDatabase database = SideCarRelayProcess.open(roster)) {
            database.siteStore().insert(SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true));
            Ports ports = ports(database);
            for (int i = 0; i < USERS; i++) {
                ids.add(new JitSignInService(ports).signIn(ACME, SsoAssertion.of("user" + i, "user" + i
                        + "@example.com", "User", "No" + i)).user().id());
            }
            new ScimUsersService(ports).patch(ACME, ids.get(1), SideCarOnSqliteTest.deactivation(),
                    Optional.empty());
        }

        // Killed after the host's 2nd write: two creations in, the second one not acknowledged.
        killedAt(roster, host, 2);
        assertThat(writes(host)).hasSize(2);
        try (RosterDatabase database = SideCarRelayProcess.open(roster)) {
            assertThat(database.accountOutbox().pending()).as("6 changes, the first acknowledged: the second waits")
                    .isEqualTo(5);
            // Roster goes on changing while the side-car is down.
            new ScimUsersService(ports(database)).patch(ACME, ids.get(3), SideCarOnSqliteTest.deactivation(),
                    Optional.empty());
        }

        // Killed again, after the host's 5th write in all: the redelivered second creation wrote nothing.
        killedAt(roster, host, 5);
        assertThat(writes(host)).hasSize(5);

        finishes(roster, host);

        List<Account> expected = new ArrayList<>();
        try (RosterDatabase database = SideCarRelayProcess.open(roster)) {
            assertThat(database.accountOutbox().pending()).isZero();
            for (String id : ids) {
                User user = database.userStore().findById(ACME, id).orElseThrow();
                expected.add(new Account(user.id(), user.userName(), user.preferredEmail().map(Email::value),
                        user.active(), user.role(), user.version()));
            }
        }
        try (RosterDatabase hostDatabase = SideCarRelayProcess.open(host)) {
            SharedTableAccounts accounts = new SharedTableAccounts(hostDatabase);
            for (Account account : expected) {
                assertThat(accounts.findById(ACME, account.id())).as("no change lost").contains(account);
            }
        }
        List<String> writes = writes(host);
        assertThat(writes).as("none applied twice").doesNotHaveDuplicates();
        assertThat(writes).as("5 creations, 2 deactivations (status and role)").hasSize(USERS + 2 * 2);
    }

    private static Ports ports(RosterDatabase database) {
        return new Ports(database.userStore(), database.siteStore(), database.auditLog(), database.transactions(),
                AccountEvents.NONE, Clock.systemUTC()).withAccountSync(AccountSync.outbox(database.accountOutbox()));
    }

    /** Runs the relay until it reaches the kill point, and SIGKILLs it there. */
    private void killedAt(String roster, String host, int writes) throws Exception {
        Process child = start(roster, host, String.valueOf(writes));
        Output output = Output.of(child);
        assertThat(output.line(SideCarRelayProcess.KILL_POINT)).as("the child reached its kill point: %s",
                output.lines()).isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    /** Runs the relay until the outbox is empty. */
    private void finishes(String roster, String host) throws Exception {
        Process child = start(roster, host);
        Output output = Output.of(child);
        assertThat(output.line(SideCarRelayProcess.DONE)).as("the child delivered all: %s", output.lines()).isTrue();
        assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
    }

    private Process start(String roster, String host, String... killPoint) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", testClassPath(), SideCarRelayProcess.class.getName(), roster, host));
        command.addAll(List.of(killPoint));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        children.add(child);
        return child;
    }

    /** Surefire runs the tests from a manifest-only jar; the class path it stands for is this property. */
    private static String testClassPath() {
        return Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElseGet(() -> System.getProperty("java.class.path"));
    }

    /** The host's record of the writes it was asked for: id, operation and version, in order. */
    private static List<String> writes(String host) {
        try (RosterDatabase database = SideCarRelayProcess.open(host)) {
            SideCarRelayProcess.createWritesTable(database);
            return database.inTransaction(connection -> {
                List<String> rows = new ArrayList<>();
                try (ResultSet row = connection.createStatement().executeQuery("SELECT roster_id, operation, "
                        + "roster_version FROM host_writes ORDER BY seq")) {
                    while (row.next()) {
                        rows.add(row.getString(1) + " " + row.getString(2) + " v" + row.getLong(3));
                    }
                }
                return rows;
            });
        }
    }

    /** A child's output, read on another thread so that a silent child cannot hang the test. */
    private record Output(Process child, List<String> lines) {

        static Output of(Process child) {
            return new Output(child, new ArrayList<>());
        }

        /** Whether the child says {@code expected} within the wait; the lines before it are kept. */
        boolean line(String expected) throws Exception {
            BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                        if (line.equals(expected)) {
                            return true;
                        }
                    }
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return seen.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
