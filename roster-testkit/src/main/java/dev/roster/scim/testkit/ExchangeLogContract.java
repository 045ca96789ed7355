package dev.roster.scim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.inspect.IdentityProvider;
import dev.roster.scim.core.inspect.ScimExchange;
import dev.roster.scim.core.inspect.StatusRange;
import dev.roster.scim.core.inspect.StoredExchange;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.ExchangeLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What every {@link ExchangeLog} must do. Extend it with a factory for a fresh, empty store. */
public abstract class ExchangeLogContract {

    private static final SiteId ACME = SiteId.of("acme");
    private static final SiteId GLOBEX = SiteId.of("globex");
    private static final Instant AT = Instant.parse("2026-02-03T04:05:06.789Z");

    private ExchangeLog log;

    /**
     * A new, empty exchange log; called before each test.
     *
     * @return the implementation under test
     */
    protected abstract ExchangeLog createLog();

    @BeforeEach
    void createTheLog() {
        log = createLog();
    }

    @Test
    void anExchangeRoundTripsWithEveryField() {
        ScimExchange exchange = new ScimExchange(ACME, AT, "PATCH", "/Users/42?attributes=userName", 409, 12,
                IdentityProvider.ENTRA_ID, Optional.of("{\"Operations\":[]}"), Optional.of("{\"status\":\"409\"}"),
                Optional.of("3f1c9a7e-request-id"));

        log.appendAll(List.of(exchange), 200, 50);

        StoredExchange stored = log.recent(ACME, StatusRange.ALL, 10).get(0);
        assertThat(stored.exchange()).isEqualTo(exchange);
        assertThat(log.find(ACME, stored.id())).contains(stored);
        assertThat(log.find(GLOBEX, stored.id())).isEmpty();
    }

    @Test
    void absentBodiesStayAbsent() {
        log.appendAll(List.of(exchange(ACME, 204)), 200, 50);

        ScimExchange stored = log.recent(ACME, StatusRange.ALL, 10).get(0).exchange();
        assertThat(stored.requestBody()).isEmpty();
        assertThat(stored.responseBody()).isEmpty();
    }

    @Test
    void eachSiteKeepsOnlyItsNewestAndTheOrderIsNewestFirst() {
        List<ScimExchange> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(exchange(ACME, 200 + i));
        }
        batch.add(exchange(GLOBEX, 500));

        log.appendAll(batch, 5, 5);
        log.appendAll(List.of(exchange(ACME, 299)), 5, 5);

        assertThat(log.recent(ACME, StatusRange.ALL, 100)).extracting(kept -> kept.exchange().status())
                .containsExactly(299, 206, 205, 204, 203);
        assertThat(log.recent(GLOBEX, StatusRange.ALL, 100)).hasSize(1);
        assertThat(log.recent(ACME, StatusRange.ALL, 2)).hasSize(2);
    }

    @Test
    void aStatusRangeSelectsTheAnswersInIt() {
        log.appendAll(List.of(exchange(ACME, 200), exchange(ACME, 404), exchange(ACME, 409), exchange(ACME, 500)),
                200, 50);

        assertThat(log.recent(ACME, StatusRange.parse(Optional.of("4xx")), 10))
                .extracting(kept -> kept.exchange().status()).containsExactly(409, 404);
        assertThat(log.recent(ACME, StatusRange.parse(Optional.of("500")), 10)).hasSize(1);
        assertThat(log.recent(ACME, StatusRange.parse(Optional.of("errors")), 10)).hasSize(3);
    }

    @Test
    void refusalsForATokenAreBoundApartAndCannotPushOutTheExchangesATokenOpened() {
        List<ScimExchange> real = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            real.add(exchange(ACME, 200 + i));
        }
        log.appendAll(real, 4, 2);
        List<ScimExchange> flood = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            flood.add(exchange(ACME, 401));
        }
        log.appendAll(flood, 4, 2);
        log.appendAll(List.of(exchange(GLOBEX, 401), exchange(ACME, 404)), 4, 2);

        assertThat(log.recent(ACME, StatusRange.ALL, 100)).extracting(kept -> kept.exchange().status())
                .containsExactly(404, 401, 401, 203, 202, 201);
        assertThat(log.recent(GLOBEX, StatusRange.ALL, 100)).hasSize(1);
    }

    @Test
    void refusalsByARateLimitAreBoundApartFromBothOtherKinds() {
        log.appendAll(List.of(exchange(ACME, 201), exchange(ACME, 202), exchange(ACME, 401)), 2, 2);
        List<ScimExchange> flood = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            flood.add(exchange(ACME, 429));
        }
        log.appendAll(flood, 2, 2);
        log.appendAll(List.of(exchange(ACME, 404)), 2, 2);

        assertThat(log.recent(ACME, StatusRange.ALL, 100)).extracting(kept -> kept.exchange().status())
                .containsExactly(404, 429, 429, 401, 202);
    }

    private static ScimExchange exchange(SiteId site, int status) {
        return new ScimExchange(site, AT, "GET", "/Users", status, 3, IdentityProvider.OKTA, Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
