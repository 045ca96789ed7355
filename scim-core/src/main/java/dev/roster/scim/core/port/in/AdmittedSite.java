package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;

import java.util.Objects;

/**
 * The site a SCIM request was admitted for, with the settings that admitted it: what {@link SiteAdministration#admit}
 * read, handed to the use case explicitly ({@link ScimUsers#admitted}) so that the request reads the site's settings
 * once (ADR 029, ADR 034). An adapter gets it from {@link Admission#site()} and passes it, with the request, to the
 * use case that serves it; a use case bound to it serves that site only.
 *
 * <pre>{@code
 * Admission admission = sites.admit(site, token, clientAddress);
 * ScimUsers users = admission.site().map(scimUsers::admitted).orElse(scimUsers);
 * User ann = users.get(site, id);
 * }</pre>
 *
 * @param settings the site's settings as admission read them; {@link SiteSettings#site()} is the admitted site
 */
public record AdmittedSite(SiteSettings settings) {

    /**
     * Checks the component.
     *
     * @param settings the site's settings as admission read them
     * @throws NullPointerException if {@code settings} is null
     */
    public AdmittedSite {
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * The site the request was admitted for.
     *
     * @return the site whose settings these are
     */
    public SiteId site() {
        return settings.site();
    }
}
