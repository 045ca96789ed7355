package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.model.RateLimits;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.model.TokenHash;
import dev.roster.scim.core.port.out.SiteStore;
import dev.roster.scim.mybatis.internal.mapper.SiteMapper;
import dev.roster.scim.mybatis.internal.mapper.SiteRow;
import dev.roster.scim.mybatis.internal.mapper.SiteTokenRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link SiteStore} on the {@code sites} and {@code site_tokens} tables. */
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

    /** One statement in auto-commit on a reader: the per-request read of admission, so no transaction around it. */
    @Override
    public OptionalLong settingsVersion(SiteId site) {
        return sessions.readOneByJdbc(connection -> JdbcReads.settingsVersion(connection, site.value()));
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

    @Override
    public List<SiteToken> tokens(SiteId site) {
        return sessions.read(session -> session.getMapper(SiteMapper.class).tokens(site.value())).stream()
                .map(MyBatisSiteStore::toToken)
                .toList();
    }

    @Override
    public void insertToken(SiteToken token) {
        sessions.write(session -> {
            session.getMapper(SiteMapper.class).insertToken(toRow(token));
            return null;
        });
    }

    @Override
    public boolean expireToken(SiteId site, String tokenId, Instant at) {
        return sessions.write(session -> session.getMapper(SiteMapper.class)
                .expireToken(site.value(), tokenId, at.toEpochMilli())) > 0;
    }

    @Override
    public boolean deleteToken(SiteId site, String tokenId) {
        return sessions.write(session -> session.getMapper(SiteMapper.class).deleteToken(site.value(), tokenId)) > 0;
    }

    @Override
    public int deleteTokensExpiredBefore(SiteId site, Instant now) {
        return sessions.write(session -> session.getMapper(SiteMapper.class)
                .deleteTokensExpiredBefore(site.value(), now.toEpochMilli()));
    }

    @Override
    public boolean recordTokenUse(SiteId site, String tokenId, Instant at, String clientAddress,
                                  Instant staleBefore) {
        return sessions.write(session -> session.getMapper(SiteMapper.class).recordTokenUse(site.value(), tokenId,
                at.toEpochMilli(), clientAddress, staleBefore.toEpochMilli())) > 0;
    }

    private static SiteRow toRow(SiteSettings settings) {
        return new SiteRow(settings.site().value(), settings.ssoConfigured(), settings.scimEnabled(),
                settings.manageRoles(), settings.creationPolicy().map(CreationPolicy::label).orElse(null),
                settings.rateLimits().site().map(RateLimit::text).orElse(null),
                settings.rateLimits().perToken().map(RateLimit::text).orElse(null));
    }

    private static SiteSettings toSettings(SiteRow row) {
        return new SiteSettings(SiteId.of(row.site()), row.ssoConfigured(), row.scimEnabled(), row.manageRoles(),
                Optional.ofNullable(row.creationPolicy()).map(MyBatisSiteStore::creationPolicy),
                new RateLimits(Optional.ofNullable(row.siteRateLimit()).map(RateLimit::parse),
                        Optional.ofNullable(row.tokenRateLimit()).map(RateLimit::parse)));
    }

    private static SiteTokenRow toRow(SiteToken token) {
        return new SiteTokenRow(token.site().value(), token.id(), token.name(), token.hash().hex(),
                token.createdAt().toEpochMilli(), token.expiresAt().map(Instant::toEpochMilli).orElse(null),
                token.lastUsedAt().map(Instant::toEpochMilli).orElse(null), token.lastUsedFrom().orElse(null));
    }

    private static SiteToken toToken(SiteTokenRow row) {
        return new SiteToken(row.id(), SiteId.of(row.site()), row.name(), new TokenHash(row.tokenHash()),
                Instant.ofEpochMilli(row.createdAt()), Optional.ofNullable(row.expiresAt()).map(Instant::ofEpochMilli),
                Optional.ofNullable(row.lastUsedAt()).map(Instant::ofEpochMilli),
                Optional.ofNullable(row.lastUsedFrom()));
    }

    private static CreationPolicy creationPolicy(String label) {
        return CreationPolicy.fromLabel(label).orElseThrow(
                () -> new RosterStorageException("A stored site has an unknown creation policy."));
    }
}
