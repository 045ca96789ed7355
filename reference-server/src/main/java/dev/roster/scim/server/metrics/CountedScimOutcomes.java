package dev.roster.scim.server.metrics;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.ScimOutcomes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what the core reports of SCIM requests: role values ignored by the site's policy, and refusals by status
 * and {@code scimType} ({@code none} where RFC 7644 defines none). The core reports only for sites a token opened,
 * so the site tag is bounded by the sites table.
 */
final class CountedScimOutcomes implements ScimOutcomes {

    private final MeterRegistry registry;

    CountedScimOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void roleIgnored(SiteId site) {
        Counter.builder("roster.scim.roles.ignored")
                .description("Role values sent where the site does not let SCIM manage roles")
                .tag("site", site.value()).register(registry).increment();
    }

    @Override
    public void refused(SiteId site, ScimErrorType type) {
        Counter.builder("roster.scim.refusals").description("SCIM requests the core refused with a client error")
                .tag("site", site.value()).tag("status", String.valueOf(type.status()))
                .tag("scimType", type.scimType().orElse("none")).register(registry).increment();
    }
}
