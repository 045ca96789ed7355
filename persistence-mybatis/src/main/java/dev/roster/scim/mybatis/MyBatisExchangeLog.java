package dev.roster.scim.mybatis;

import dev.roster.scim.core.inspect.IdentityProvider;
import dev.roster.scim.core.inspect.ScimExchange;
import dev.roster.scim.core.inspect.StatusRange;
import dev.roster.scim.core.inspect.StoredExchange;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.ExchangeLog;
import dev.roster.scim.mybatis.internal.mapper.ExchangeMapper;
import dev.roster.scim.mybatis.internal.mapper.ExchangeRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ExchangeLog} on {@code scim_exchanges}. A batch and the trim of its sites are one transaction; on
 * PostgreSQL two servers flushing at once may each see the other's rows only after it commits, so a site may hold
 * a few more than its bound until the next flush trims it.
 */
final class MyBatisExchangeLog implements ExchangeLog {

    private final Sessions sessions;

    MyBatisExchangeLog(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void appendAll(List<ScimExchange> exchanges, int keptPerSite, int keptUnauthenticatedPerSite) {
        sessions.inTransaction(() -> {
            sessions.batch(session -> {
                ExchangeMapper mapper = session.getMapper(ExchangeMapper.class);
                exchanges.forEach(exchange -> mapper.insert(toRow(exchange)));
            });
            sessions.write(session -> {
                ExchangeMapper mapper = session.getMapper(ExchangeMapper.class);
                exchanges.stream().map(exchange -> exchange.site().value()).distinct()
                        .forEach(site -> {
                            mapper.trim(site, 0, keptPerSite);
                            mapper.trim(site, ScimExchange.UNAUTHENTICATED_STATUS, keptUnauthenticatedPerSite);
                            mapper.trim(site, ScimExchange.RATE_LIMITED_STATUS, keptUnauthenticatedPerSite);
                        });
                return null;
            });
            return null;
        });
    }

    @Override
    public List<StoredExchange> recent(SiteId site, StatusRange statuses, int limit) {
        return sessions.read(session -> session.getMapper(ExchangeMapper.class)
                        .recent(site.value(), statuses.lowest(), statuses.highest(), limit)).stream()
                .map(MyBatisExchangeLog::toStored)
                .toList();
    }

    @Override
    public Optional<StoredExchange> find(SiteId site, long id) {
        return sessions.read(session -> session.getMapper(ExchangeMapper.class).find(site.value(), id))
                .map(MyBatisExchangeLog::toStored);
    }

    private static ExchangeRow toRow(ScimExchange exchange) {
        return new ExchangeRow(0, exchange.site().value(), exchange.at().toEpochMilli(), exchange.method(),
                exchange.path(), exchange.status(), exchange.durationMillis(), exchange.idp().label(),
                exchange.requestBody().orElse(null), exchange.responseBody().orElse(null),
                exchange.requestId().orElse(null));
    }

    private static StoredExchange toStored(ExchangeRow row) {
        return new StoredExchange(row.id(), new ScimExchange(SiteId.of(row.site()), Instant.ofEpochMilli(row.at()),
                row.method(), row.path(), row.status(), row.durationMs(), IdentityProvider.fromLabel(row.idp()),
                Optional.ofNullable(row.requestBody()), Optional.ofNullable(row.responseBody()),
                Optional.ofNullable(row.requestId())));
    }
}
