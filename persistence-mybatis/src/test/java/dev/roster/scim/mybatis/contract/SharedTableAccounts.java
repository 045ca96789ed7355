package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.Accounts;
import dev.roster.scim.mybatis.RosterDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A host's accounts table in Roster's own database (SQLite or PostgreSQL), written through
 * {@link RosterDatabase#inTransaction}, as a host implements {@link Accounts} for the shared-transaction side-car.
 */
final class SharedTableAccounts implements Accounts {

    private static final String COLUMNS = "roster_id, user_name, email, active, role, roster_version";

    private final RosterDatabase database;

    SharedTableAccounts(RosterDatabase database) {
        this.database = database;
        database.inTransaction(connection -> connection.createStatement().execute("CREATE TABLE IF NOT EXISTS "
                + "host_accounts ("
                + "site TEXT NOT NULL, roster_id TEXT NOT NULL, user_name TEXT NOT NULL, email TEXT, "
                + "active BOOLEAN NOT NULL, role TEXT NOT NULL, roster_version BIGINT NOT NULL, "
                + "PRIMARY KEY (site, roster_id))"));
    }

    @Override
    public Optional<Account> findById(SiteId site, String id) {
        return find("SELECT " + COLUMNS + " FROM host_accounts WHERE site = ? AND roster_id = ?", site, id);
    }

    @Override
    public Optional<Account> findByUserName(SiteId site, String userName) {
        return find("SELECT " + COLUMNS + " FROM host_accounts WHERE site = ? AND lower(user_name) = lower(?)", site,
                userName);
    }

    private Optional<Account> find(String sql, SiteId site, String key) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, site.value());
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(account(row)) : Optional.empty();
                }
            }
        });
    }

    private static Account account(ResultSet row) throws SQLException {
        return new Account(row.getString(1), row.getString(2), Optional.ofNullable(row.getString(3)),
                row.getBoolean(4), Role.fromScimValue(row.getString(5)).orElseThrow(), row.getLong(6));
    }

    @Override
    public void create(SiteId site, Account account) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO host_accounts (site, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site, roster_id) DO NOTHING")) {
                insert.setString(1, site.value());
                insert.setString(2, account.id());
                insert.setString(3, account.userName());
                insert.setString(4, account.email().orElse(null));
                insert.setBoolean(5, account.active());
                insert.setString(6, account.role().scimValue());
                insert.setLong(7, account.version());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public void setActive(SiteId site, String id, boolean active, long version) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE host_accounts SET active = ?, "
                    + "roster_version = ? WHERE site = ? AND roster_id = ? AND roster_version <= ?")) {
                update.setBoolean(1, active);
                return guarded(update, 2, site, id, version);
            }
        });
    }

    @Override
    public void setRole(SiteId site, String id, Role role, long version) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE host_accounts SET role = ?, "
                    + "roster_version = ? WHERE site = ? AND roster_id = ? AND roster_version <= ?")) {
                update.setString(1, role.scimValue());
                return guarded(update, 2, site, id, version);
            }
        });
    }

    private static int guarded(PreparedStatement update, int from, SiteId site, String id, long version)
            throws SQLException {
        update.setLong(from, version);
        update.setString(from + 1, site.value());
        update.setString(from + 2, id);
        update.setLong(from + 3, version);
        return update.executeUpdate();
    }
}
