package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.mapper.ServerSettingsMapper;

import java.util.Optional;

/**
 * Named values the embedding application keeps in the same database as its users, such as the reference
 * server's admin password hash. Not a port of the core: SCIM rules never read it. *
 * <p>Safe for concurrent use. Each call is a transaction of its own, or joins the calling thread's running
 * {@link RosterDatabase#transactions()} unit.
 *
 * <pre>{@code
 * settings.putIfAbsent("admin.password-hash", hash);
 * settings.get("admin.password-hash");   // Optional[hash]
 * }</pre>
 */
public final class ServerSettings {

    private final Sessions sessions;

    ServerSettings(Sessions sessions) {
        this.sessions = sessions;
    }

    /**
     * The value of a name.
     *
     * @param name the name
     * @return its value; empty if it has none
     */
    public Optional<String> get(String name) {
        return sessions.read(session -> session.getMapper(ServerSettingsMapper.class).find(name));
    }

    /**
     * Sets the value unless the name has one; whether this call set it. Atomic across processes: of two servers
     * that start at once on a new database, exactly one sets it.
     *
     * @param name  the name
     * @param value the value to set if it has none
     * @return {@code true} if this call set it
     */
    public boolean putIfAbsent(String name, String value) {
        return sessions.write(session -> session.getMapper(ServerSettingsMapper.class).putIfAbsent(name, value) == 1);
    }

    /**
     * Sets the value, replacing an earlier one.
     *
     * @param name  the name
     * @param value its new value
     */
    public void put(String name, String value) {
        sessions.write(session -> {
            session.getMapper(ServerSettingsMapper.class).put(name, value);
            return null;
        });
    }
}
