package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.mapper.ServerSettingsMapper;

import java.util.Optional;

/**
 * Named values the embedding application keeps in the same database as its users, such as the reference
 * server's admin password hash. Not a port of the core: SCIM rules never read it.
 */
public final class ServerSettings {

    private final Sessions sessions;

    ServerSettings(Sessions sessions) {
        this.sessions = sessions;
    }

    public Optional<String> get(String name) {
        return sessions.read(session -> session.getMapper(ServerSettingsMapper.class).find(name));
    }

    /**
     * Sets the value unless the name has one; whether this call set it. Atomic across processes: of two servers
     * that start at once on a new database, exactly one sets it.
     */
    public boolean putIfAbsent(String name, String value) {
        return sessions.write(session -> session.getMapper(ServerSettingsMapper.class).putIfAbsent(name, value) == 1);
    }

    /** Sets the value, replacing an earlier one. */
    public void put(String name, String value) {
        sessions.write(session -> {
            session.getMapper(ServerSettingsMapper.class).put(name, value);
            return null;
        });
    }
}
