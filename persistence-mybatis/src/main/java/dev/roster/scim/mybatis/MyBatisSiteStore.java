package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.TokenHash;
import dev.roster.scim.core.port.out.SiteStore;
import dev.roster.scim.mybatis.internal.mapper.SiteMapper;
import dev.roster.scim.mybatis.internal.mapper.SiteRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link SiteStore} on the {@code sites} table. */
final class MyBatisSiteStore implements SiteStore {

    private final Sessions sessions;

    MyBatisSiteStore(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<SiteSettings> find(SiteId site) {
        return sessions.read(session -> session.getMapper(SiteMapper.class).find(site.value()))
                .map(MyBatisSiteStore::toSettings);
    }

    @Override
    public void insert(SiteSettings settings) {
        sessions.writeRecoverably(session -> {
            session.getMapper(SiteMapper.class).insert(toRow(settings));
            return null;
        });
    }

    @Override
    public void update(SiteSettings settings) {
        sessions.write(session -> {
            session.getMapper(SiteMapper.class).update(toRow(settings));
            return null;
        });
    }

    @Override
    public List<SiteId> list() {
        return sessions.read(session -> session.getMapper(SiteMapper.class).list()).stream()
                .map(SiteId::of)
                .toList();
    }

    private static SiteRow toRow(SiteSettings settings) {
        return new SiteRow(settings.site().value(), settings.ssoConfigured(), settings.scimEnabled(),
                settings.manageRoles(), settings.creationPolicy().map(CreationPolicy::label).orElse(null),
                settings.tokenHash().map(TokenHash::hex).orElse(null),
                settings.tokenCreatedAt().map(Instant::toEpochMilli).orElse(null));
    }

    private static SiteSettings toSettings(SiteRow row) {
        return new SiteSettings(SiteId.of(row.site()), row.ssoConfigured(), row.scimEnabled(), row.manageRoles(),
                Optional.ofNullable(row.creationPolicy()).map(MyBatisSiteStore::creationPolicy),
                Optional.ofNullable(row.tokenHash()).map(TokenHash::new),
                Optional.ofNullable(row.tokenCreatedAt()).map(Instant::ofEpochMilli));
    }

    private static CreationPolicy creationPolicy(String label) {
        return CreationPolicy.fromLabel(label).orElseThrow(
                () -> new RosterStorageException("A stored site has an unknown creation policy."));
    }
}
