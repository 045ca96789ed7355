package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.AdmittedSite;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.mybatis.testing.RoundTrips;
import dev.roster.scim.mybatis.testing.TestPostgres;
import dev.roster.scim.testkit.RandomUsers;
import dev.roster.scim.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * ADR 054's audit records written by the {@code UPDATE}'s statement equal, row for row and byte for byte, the ones
 * the separate {@code INSERT} wrote. Two schemas get the same users and then the same random PATCHes (status, role,
 * display name, userName with and without a new key, names, emails, no-ops, conflicts), under the same clock: one
 * through the database's own audit log (the new path wherever the key stays: such a PATCH sends no
 * {@code INSERT INTO audit_log} of its own), the other through an audit log that only forwards to the database's (the store then takes the port's
 * default: the update, then {@code appendAll}). Every column of {@code audit_log}, its identity included, and of
 * {@code users} must be equal, and so must each PATCH's answer.
 */
class PostgresRecordedUpdateEquivalenceTest {

    private static final SiteId ACME = SiteId.of("acme");
    private static final int USERS = 12;
    private static final int PATCHES = 150;
    private static final String[] TEXTS = {"Ann", "ann", "Ann \"the\" Admin", "back\\slash", "tab\tand\nline",
        "\u00e9mile", "STRASSE", "stra\u00dfe", "\u2028", "x", ""};

    private final List<RosterDatabase> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RosterDatabase::close);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 54L, 20261202L})
    void theUpdatesStatementWritesTheRecordsTheSeparateInsertWrote(long seed) throws SQLException {
        Side folded = side(seed, true);
        Side separate = side(seed, false);
        Random random = new Random(seed);
        List<String> ids = folded.ids;
        List<String> folds = new ArrayList<>();

        for (int i = 0; i < PATCHES; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            ScimObject body = patch(random, ids.indexOf(id));
            String[] answers = new String[2];
            RoundTrips.Traffic traffic = RoundTrips.of(() -> answers[0] = folded.patch(id, body));
            answers[1] = separate.patch(id, body);
            assertThat(answers[0]).as("PATCH %d %s", i, body).isEqualTo(answers[1]);
            // A key that changes: the WITH matches nothing and the general path (its savepoint) appends apart.
            if (traffic.statements().stream().anyMatch(statement -> statement.startsWith("WITH updated AS"))
                    && traffic.statements().stream().noneMatch(statement -> statement.startsWith("SAVEPOINT"))) {
                folds.add(body.toString());
                assertThat(traffic.statements()).as("PATCH %d wrote its records in the UPDATE", i)
                        .noneMatch(statement -> statement.startsWith("INSERT INTO audit_log"));
            }
        }

        assertThat(folds).as("the new path ran").hasSizeGreaterThan(PATCHES / 3);
        List<String> auditRows = rows(folded.url, "SELECT * FROM audit_log ORDER BY id");
        assertThat(auditRows).hasSizeGreaterThan(PATCHES / 3).isEqualTo(rows(separate.url,
                "SELECT * FROM audit_log ORDER BY id"));
        assertThat(rows(folded.url, "SELECT * FROM users ORDER BY id"))
                .isEqualTo(rows(separate.url, "SELECT * FROM users ORDER BY id"));
        assertThat(rows(folded.url, "SELECT * FROM user_emails ORDER BY user_id, position"))
                .isEqualTo(rows(separate.url, "SELECT * FROM user_emails ORDER BY user_id, position"));
    }

    /** One PATCH: one to three operations on attributes a PATCH changes, some of them no change at all. */
    private static ScimObject patch(Random random, int serial) {
        List<ScimValue> operations = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            operations.add(operation(random, serial));
        }
        return ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of("urn:ietf:params:scim:api:messages:2.0:PatchOp")))
                .put("Operations", new ScimArray(operations))
                .build();
    }

    private static ScimValue operation(Random random, int serial) {
        String text = TEXTS[random.nextInt(TEXTS.length)];
        return switch (random.nextInt(9)) {
            case 0, 1 -> replace("active", ScimValue.of(random.nextBoolean()));
            case 2 -> replace("userType", ScimValue.of(Role.values()[random.nextInt(Role.values().length)]
                    .scimValue()));
            case 3 -> replace("displayName", ScimValue.of(text));
            case 4 -> ScimObject.builder().put("op", ScimValue.of("remove")).put("path", ScimValue.of("displayName"))
                    .build();
            // The same key in another case (the folded path), or a new key (the general path), or another's name.
            case 5 -> replace("userName", ScimValue.of(random.nextBoolean() ? "USER" + serial
                    : random.nextBoolean() ? "user" + serial + "-" + random.nextInt(3) : "user" + random.nextInt(USERS)));
            case 6 -> replace("name.givenName", ScimValue.of(text));
            case 7 -> replace("emails", ScimArray.of(ScimObject.builder()
                    .put("value", ScimValue.of("u" + serial + "-" + random.nextInt(3) + "@example.com"))
                    .put("type", ScimValue.of("work")).build()));
            default -> replace("title", ScimValue.of(text));
        };
    }

    private static ScimObject replace(String path, ScimValue value) {
        return ScimObject.builder().put("op", ScimValue.of("replace")).put("path", ScimValue.of(path))
                .put("value", value).build();
    }

    private Side side(long seed, boolean ownAuditLog) {
        String url = TestPostgres.newSchema().jdbcUrl();
        RosterDatabase database = RosterDatabase.open(PostgreSqlSettings.of(RoundTrips.url(url))
                .withMaximumPoolSize(2));
        opened.add(database);
        database.siteStore().insert(SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true));
        RandomUsers generator = new RandomUsers(seed);
        List<User> users = new ArrayList<>();
        for (int serial = 0; serial < USERS; serial++) {
            User user = generator.next(serial);
            users.add(user.withProfile("user" + serial, user.externalId(), user.displayName(), user.name(),
                    user.emails(), user.otherAttributes()).withPending(false));
        }
        database.userStore().insertAll(ACME, users);
        AuditLog audit = ownAuditLog ? database.auditLog() : forwarding(database.auditLog());
        TestClock clock = new TestClock();
        ScimUsers scim = new ScimUsersService(new Ports(database.userStore(), database.siteStore(), audit,
                database.transactions(), AccountEvents.NONE, clock))
                .admitted(new AdmittedSite(database.siteStore().find(ACME).orElseThrow()));
        return new Side(url, scim, clock, users.stream().map(User::id).toList());
    }

    /** The database's audit log behind another object: the store cannot tell it is its own, so it appends apart. */
    static AuditLog forwarding(AuditLog log) {
        return new AuditLog() {
            @Override
            public void append(AuditRecord record) {
                log.append(record);
            }

            @Override
            public void appendAll(List<AuditRecord> records) {
                log.appendAll(records);
            }

            @Override
            public List<AuditRecord> recent(SiteId site, int limit) {
                return log.recent(site, limit);
            }

            @Override
            public List<AuditRecord> recentForUser(SiteId site, String userId, int limit) {
                return log.recentForUser(site, userId, limit);
            }
        };
    }

    private static List<String> rows(String url, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.append(meta.getColumnName(column)).append('=').append(result.getString(column)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private record Side(String url, ScimUsers scim, TestClock clock, List<String> ids) {

        /** The PATCH's answer (the stored user, or the error), a millisecond after the one before. */
        String patch(String id, ScimObject body) {
            clock.advance(Duration.ofMillis(1));
            try {
                return scim.patch(ACME, id, body, Optional.empty()).toString();
            } catch (ScimException e) {
                return e.status() + " " + e.type() + " " + e.detail();
            }
        }
    }
}
