package dev.roster.scim.core.inspect;

import java.util.Objects;

/** A {@link ScimExchange} as stored, with the id the admin API shows it by (larger is newer). */
public record StoredExchange(long id, ScimExchange exchange) {

    public StoredExchange {
        Objects.requireNonNull(exchange, "exchange");
    }
}
