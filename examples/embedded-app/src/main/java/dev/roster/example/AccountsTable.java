package dev.roster.example;

import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.Accounts;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The application's own {@code accounts} table, in a SQLite file of its own: what the rest of the application reads
 * to know who may sign in and with which role. Roster drives it through {@link Accounts}; the application keeps its
 * own key ({@code id}) and Roster's ({@code roster_id}) beside it.
 */
final class AccountsTable implements Accounts, AutoCloseable {

    private static final String COLUMNS = "roster_id, user_name, email, active, role, roster_version";

    private final Connection connection;

    AccountsTable(Path file) {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS accounts ("
                        + "id INTEGER PRIMARY KEY AUTOINCREMENT, site TEXT NOT NULL, roster_id TEXT NOT NULL, "
                        + "user_name TEXT NOT NULL, email TEXT, active INTEGER NOT NULL, role TEXT NOT NULL, "
                        + "roster_version INTEGER NOT NULL, UNIQUE (site, roster_id))");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the accounts table in " + file, e);
        }
    }

    @Override
    public synchronized Optional<Account> findById(SiteId site, String id) {
        return find("SELECT " + COLUMNS + " FROM accounts WHERE site = ? AND roster_id = ?", site, id);
    }

    @Override
    public synchronized Optional<Account> findByUserName(SiteId site, String userName) {
        return find("SELECT " + COLUMNS + " FROM accounts WHERE site = ? AND lower(user_name) = lower(?)", site,
                userName);
    }

    // The version guard makes a redelivered or late change harmless: an account never goes back to an older state.
    @Override
    public synchronized void setActive(SiteId site, String id, boolean active, long version) {
        update("UPDATE accounts SET active = ?, roster_version = ?"
                + " WHERE site = ? AND roster_id = ? AND roster_version <= ?", active ? 1 : 0, site, id, version);
    }

    @Override
    public synchronized void setRole(SiteId site, String id, Role role, long version) {
        update("UPDATE accounts SET role = ?, roster_version = ?"
                + " WHERE site = ? AND roster_id = ? AND roster_version <= ?", role.scimValue(), site, id, version);
    }

    @Override
    public synchronized void create(SiteId site, Account account) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts (site, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site, roster_id) DO NOTHING")) {
            insert.setString(1, site.value());
            insert.setString(2, account.id());
            insert.setString(3, account.userName());
            insert.setString(4, account.email().orElse(null));
            insert.setInt(5, account.active() ? 1 : 0);
            insert.setString(6, account.role().scimValue());
            insert.setLong(7, account.version());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private Optional<Account> find(String sql, SiteId site, String key) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, site.value());
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Account(row.getString(1), row.getString(2),
                        Optional.ofNullable(row.getString(3)), row.getInt(4) == 1,
                        Role.fromScimValue(row.getString(5)).orElseThrow(), row.getLong(6)));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void update(String sql, Object value, SiteId site, String id, long version) {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, value);
            update.setLong(2, version);
            update.setString(3, site.value());
            update.setString(4, id);
            update.setLong(5, version);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static RuntimeException failed(SQLException e) {
        return new IllegalStateException("The accounts table failed: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failed(e);
        }
    }
}
