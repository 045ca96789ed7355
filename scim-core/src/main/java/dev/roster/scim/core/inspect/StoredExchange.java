package dev.roster.scim.core.inspect;

import java.util.Objects;

/**
 * A {@link ScimExchange} as stored, with the id the admin API shows it by (larger is newer).
 *
 * @param id       the store's id for it, increasing with each exchange kept
 * @param exchange what was kept
 */
public record StoredExchange(long id, ScimExchange exchange) {

    /**
     * A stored exchange.
     *
     * @param id       the store's id for it
     * @param exchange what was kept
     * @throws NullPointerException if {@code exchange} is null
     */
    public StoredExchange {
        Objects.requireNonNull(exchange, "exchange");
    }
}
