package dev.roster.scim.core.service;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.port.out.SiteStore;

import java.util.Optional;

/**
 * Hands the settings that admitted a SCIM request to the use case that serves it, so that the request reads them
 * once (ADR 029): {@link SiteAdministrationService#admit} leaves them on the request's thread, and
 * {@link ScimUsersService} takes them, once, for the same site and store. Every admission replaces what an earlier
 * one left, and a refused one clears it, so what is taken is the current request's: an adapter admits each request
 * on the thread that then serves it (JAX-RS runs a request's filters and its resource on one thread). A use case
 * called without an admission before it finds nothing and reads the store.
 */
final class AdmittedSettings {

    private static final ThreadLocal<Admitted> ON_THIS_THREAD = new ThreadLocal<>();

    private AdmittedSettings() {
    }

    static void leave(SiteStore store, SiteSettings settings) {
        ON_THIS_THREAD.set(new Admitted(store, settings));
    }

    static void clear() {
        ON_THIS_THREAD.remove();
    }

    /** The settings admission left for this site of this store, removed so that only one use case call has them. */
    static Optional<SiteSettings> take(SiteStore store, SiteId site) {
        Admitted admitted = ON_THIS_THREAD.get();
        if (admitted == null) {
            return Optional.empty();
        }
        ON_THIS_THREAD.remove();
        return admitted.store() == store && admitted.settings().site().equals(site)
                ? Optional.of(admitted.settings()) : Optional.empty();
    }

    private record Admitted(SiteStore store, SiteSettings settings) {
    }
}
