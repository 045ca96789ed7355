package dev.roster.scim.testkit;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.port.out.SiteStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** {@link SiteStore} in a map; {@link SiteStoreContract} holds it to the same rules as the SQL store. */
public final class InMemorySiteStore implements SiteStore, Restorable {

    private final Map<SiteId, SiteSettings> sites = new TreeMap<>(Comparator.comparing(SiteId::value));
    private final List<SiteToken> tokens = new ArrayList<>();
    private final Map<SiteId, Long> versions = new TreeMap<>(Comparator.comparing(SiteId::value));
    /** Never restored, so that a version is never handed out twice, a rolled-back one included. */
    private long lastVersion;

    @Override
    public synchronized OptionalLong settingsVersion(SiteId site) {
        Long version = versions.get(site);
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    private void changed(SiteId site) {
        versions.put(site, ++lastVersion);
    }

    @Override
    public synchronized Optional<SiteSettings> find(SiteId site) {
        return Optional.ofNullable(sites.get(site));
    }

    @Override
    public synchronized void insert(SiteSettings settings) {
        if (sites.containsKey(settings.site())) {
            throw ScimException.conflict("A site named '" + settings.site() + "' exists.");
        }
        sites.put(settings.site(), settings);
        changed(settings.site());
    }

    @Override
    public synchronized void update(SiteSettings settings) {
        if (!sites.containsKey(settings.site())) {
            return;
        }
        sites.put(settings.site(), settings);
        changed(settings.site());
    }

    @Override
    public synchronized List<SiteId> list() {
        return List.copyOf(sites.keySet());
    }

    @Override
    public synchronized List<SiteToken> tokens(SiteId site) {
        return tokens.stream().filter(token -> token.site().equals(site))
                .sorted(Comparator.comparing(SiteToken::createdAt)).toList();
    }

    @Override
    public synchronized void insertToken(SiteToken token) {
        if (!sites.containsKey(token.site())) {
            throw new IllegalArgumentException("no site " + token.site());
        }
        tokens.add(token);
        changed(token.site());
    }

    @Override
    public synchronized boolean expireToken(SiteId site, String tokenId, Instant at) {
        boolean expired = replace(site, tokenId, token -> new SiteToken(token.id(), token.site(), token.name(),
                token.hash(), token.createdAt(), Optional.of(at), token.lastUsedAt(), token.lastUsedFrom()));
        if (expired) {
            changed(site);
        }
        return expired;
    }

    @Override
    public synchronized boolean deleteToken(SiteId site, String tokenId) {
        boolean deleted = tokens.removeIf(token -> token.site().equals(site) && token.id().equals(tokenId));
        if (deleted) {
            changed(site);
        }
        return deleted;
    }

    @Override
    public synchronized int deleteTokensExpiredBefore(SiteId site, Instant now) {
        int before = tokens.size();
        if (tokens.removeIf(token -> token.site().equals(site)
                && token.expiresAt().filter(now::isAfter).isPresent())) {
            changed(site);
        }
        return before - tokens.size();
    }

    @Override
    public synchronized boolean recordTokenUse(SiteId site, String tokenId, Instant at, String clientAddress,
                                               Instant staleBefore) {
        Optional<SiteToken> token = tokens.stream()
                .filter(stored -> stored.site().equals(site) && stored.id().equals(tokenId)).findFirst();
        if (token.isEmpty() || token.get().lastUsedAt().filter(used -> used.isAfter(staleBefore)).isPresent()) {
            return false;
        }
        return replace(site, tokenId, stored -> new SiteToken(stored.id(), stored.site(), stored.name(),
                stored.hash(), stored.createdAt(), stored.expiresAt(), Optional.of(at), Optional.of(clientAddress)));
    }

    private boolean replace(SiteId site, String tokenId, UnaryOperator<SiteToken> change) {
        for (int i = 0; i < tokens.size(); i++) {
            SiteToken token = tokens.get(i);
            if (token.site().equals(site) && token.id().equals(tokenId)) {
                tokens.set(i, change.apply(token));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<SiteId, SiteSettings> copy = Map.copyOf(sites);
        List<SiteToken> tokensCopy = List.copyOf(tokens);
        return () -> {
            synchronized (this) {
                sites.clear();
                sites.putAll(copy);
                tokens.clear();
                tokens.addAll(tokensCopy);
                versions.keySet().retainAll(copy.keySet());
                copy.keySet().forEach(InMemorySiteStore.this::changed);
            }
        };
    }
}
