package dev.roster.scim.mybatis;

import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.model.ChangeSource;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQLite's migration 4, a Flyway Java migration: userNames and email values are keyed by the identifier profile (ADR 014) instead of folded by
 * {@code CaseFolding}. Renames {@code users.user_name_folded} to {@code user_name_key} and
 * {@code user_emails.value_folded} to {@code value_key}, recomputes both with {@link IdentifierProfile#key}, and
 * deals with what the profile changes for existing users without losing any of them:
 * <ul>
 *   <li>users whose keys now coincide (an ASCII and a fullwidth spelling of one name): the oldest (by creation,
 *       then id) holds the key, with {@code user_name_duplicate} 0; the others are kept with ranks 1, 2… The unique
 *       index covers {@code (site, user_name_key, user_name_duplicate)}, so new clashes are still refused while
 *       the kept ones fit. Lookups by userName and sign-ins reach the holder; filters find them all;</li>
 *   <li>users whose stored userName the profile refuses keep it and its key (no acceptable name has that key), but
 *       cannot sign in until the identity provider renames them.</li>
 * </ul>
 * Each such user gets an audit record (source {@code upgrade}), and the operator a notice at start-up.
 */
final class UserNameKeysMigration implements JavaMigration {

    static final String DUPLICATE = "username-duplicate";
    static final String REFUSED = "username-refused";

    /** Flyway keeps it as this step's checksum: change it only together with a new migration. */
    private static final int REVISION = 1;

    private final List<String> notices = new ArrayList<>();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "user name keys of the identifier profile";
    }

    @Override
    public Integer getChecksum() {
        return REVISION;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    /** Runs in Flyway's transaction for this step, which records it. */
    @Override
    public void migrate(Context context) throws SQLException {
        notices.addAll(rekey(context.getConnection()));
    }

    /** What the step asked to tell the operator, once it ran in this process; empty otherwise. */
    List<String> notices() {
        return List.copyOf(notices);
    }

    /**
     * Changes the schema and data on the connection (auto-commit off; never commits itself), and returns what an
     * operator should be told about it, one line per matter.
     */
    static List<String> rekey(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE users RENAME COLUMN user_name_folded TO user_name_key");
            statement.execute("ALTER TABLE users ADD COLUMN user_name_duplicate INTEGER NOT NULL DEFAULT 0");
            statement.execute("ALTER TABLE user_emails RENAME COLUMN value_folded TO value_key");
            statement.execute("DROP INDEX users_user_name");
        }
        List<Audit> audits = rekeyUsers(connection);
        rekeyEmails(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNIQUE INDEX users_user_name ON users (site, user_name_key, user_name_duplicate)");
        }
        append(connection, audits);
        return noticesOf(audits);
    }

    private static List<Audit> rekeyUsers(Connection connection) throws SQLException {
        List<Audit> audits = new ArrayList<>();
        Map<String, String> holders = new HashMap<>();
        Map<String, Integer> ranks = new HashMap<>();
        try (Statement select = connection.createStatement();
             ResultSet users = select.executeQuery("SELECT site, id, user_name FROM users ORDER BY site, created, id");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE users SET user_name_key = ?, user_name_duplicate = ? WHERE site = ? AND id = ?")) {
            while (users.next()) {
                String site = users.getString(1);
                String id = users.getString(2);
                String userName = users.getString(3);
                String key = IdentifierProfile.key(userName);
                String siteKey = site + '\u0000' + key;
                int rank = ranks.merge(siteKey, 1, Integer::sum) - 1;
                holders.putIfAbsent(siteKey, id);
                update.setString(1, key);
                update.setInt(2, rank);
                update.setString(3, site);
                update.setString(4, id);
                update.executeUpdate();
                if (rank > 0) {
                    audits.add(new Audit(site, id, userName, DUPLICATE, "Since Roster's identifier profile (ADR 014), "
                            + "this userName names the same person as the userName of the older user "
                            + holders.get(siteKey) + ": lookups by userName and sign-ins reach that user. This user "
                            + "is kept as it was; the identity provider can rename or delete it over SCIM."));
                }
                Optional<String> refusal = IdentifierProfile.refusal(userName);
                if (refusal.isPresent()) {
                    audits.add(new Audit(site, id, userName, REFUSED, "Roster's identifier profile (ADR 014) "
                            + "refuses this userName: " + refusal.get() + ". The user is kept as it was, but cannot "
                            + "sign in with this name; the identity provider can rename it over SCIM."));
                }
            }
        }
        return audits;
    }

    private static void rekeyEmails(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet emails = select.executeQuery("SELECT site, user_id, position, value FROM user_emails");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE user_emails SET value_key = ? WHERE site = ? AND user_id = ? AND position = ?")) {
            while (emails.next()) {
                update.setString(1, IdentifierProfile.key(emails.getString(4)));
                update.setString(2, emails.getString(1));
                update.setString(3, emails.getString(2));
                update.setInt(4, emails.getInt(3));
                update.executeUpdate();
            }
        }
    }

    private static void append(Connection connection, List<Audit> audits) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (site, user_id, user_name,"
                + " source, action, before, after, detail, at) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?)")) {
            for (Audit audit : audits) {
                insert.setString(1, audit.site());
                insert.setString(2, audit.userId());
                insert.setString(3, audit.userName());
                insert.setString(4, ChangeSource.UPGRADE.label());
                insert.setString(5, audit.action());
                insert.setString(6, audit.detail());
                insert.setLong(7, now);
                insert.executeUpdate();
            }
        }
    }

    private static List<String> noticesOf(List<Audit> audits) {
        long duplicates = audits.stream().filter(audit -> audit.action().equals(DUPLICATE)).count();
        long refused = audits.stream().filter(audit -> audit.action().equals(REFUSED)).count();
        List<String> notices = new ArrayList<>();
        if (duplicates > 0) {
            notices.add(duplicates + " user(s) now share the identity of an older user's userName (ADR 014): kept, "
                    + "but lookups and sign-ins reach the older user. Their audit records (action " + DUPLICATE
                    + ") name them; rename or delete them over SCIM.");
        }
        if (refused > 0) {
            notices.add(refused + " user(s) have a userName the identifier profile refuses (ADR 014): kept, but they "
                    + "cannot sign in until renamed. Their audit records (action " + REFUSED + ") say why.");
        }
        return notices;
    }

    private record Audit(String site, String userId, String userName, String action, String detail) {
    }
}
