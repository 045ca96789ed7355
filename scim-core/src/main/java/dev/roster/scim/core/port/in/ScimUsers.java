package dev.roster.scim.core.port.in;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;

import java.util.Optional;

/**
 * The {@code /Users} endpoint of a site as an identity provider uses it (RFC 7644 §3): read, search, create (which
 * links a user who signed in before), replace, patch and delete, under the provisioning policy. Bodies are the
 * client's JSON as a {@link ScimObject}; results are domain {@link User}s, which the adapter answers with
 * {@link #render} (the SCIM representation, {@code meta.location} and the {@link RequestedAttributes}) and an
 * {@code ETag} of {@link User#etag()}.
 *
 * <p>Failures are {@code ScimException}s carrying the status and {@code scimType} to answer with: 404 for an
 * unknown or deleted user, 400 for a bad filter or value, 409 for a taken userName or the site's last active Admin,
 * 412 when {@code If-Match} no longer matches, 403 when the site has SCIM turned off or does not create users over
 * SCIM, 404 for an unknown site.
 *
 * <pre>{@code
 * User ann = scimUsers.replace(site, id, body, Optional.of("W/\"3\""));
 * UserPage page = scimUsers.search(site, SearchRequest.filtered("userName eq \"ann\""));
 * }</pre>
 */
public interface ScimUsers {

    /** The most users one search returns, as {@code ServiceProviderConfig} announces ({@code filter.maxResults}). */
    int MAX_RESULTS = 200;

    /**
     * {@code GET /Users/{id}} (RFC 7644 §3.4.1): 404 for an unknown or SCIM-deleted user. Pending identities are
     * users here, as in every SCIM call.
     */
    User get(SiteId site, String id);

    /**
     * {@code GET /Users} or {@code POST /Users/.search} (RFC 7644 §3.4.2, §3.4.3): one page of the site's users
     * matching the filter, SCIM-deleted users excluded, pending identities included.
     */
    UserPage search(SiteId site, SearchRequest request);

    /**
     * {@link #search} as the store's renderings, for a ListResponse without {@code attributes} or
     * {@code excludedAttributes}; empty when the store keeps none or the request pages by cursor, and the caller
     * then renders {@link #search}'s users. The same checks and errors as {@link #search}.
     */
    default Optional<RenderedPage> searchRendered(SiteId site, SearchRequest request) {
        return Optional.empty();
    }

    /**
     * {@code POST /Users} (RFC 7644 §3.3). Links the user of that userName (any case) if an IdP has not claimed it
     * yet; otherwise does what the site's creation policy says: holds a pending identity ({@code PENDING}), creates
     * the account ({@code ALLOW}) or refuses with 403 ({@code JIT_ONLY}). 409 {@code uniqueness} if an IdP already
     * claimed the userName, a pending identity included. The adapter answers 201 Created.
     */
    CreateOutcome create(SiteId site, ScimObject body);

    /**
     * {@code PUT /Users/{id}} (RFC 7644 §3.5.1): replaces the profile; {@code active} and the role values act only
     * when present.
     *
     * @param ifMatch the {@code If-Match} header: {@code W/"3"}, {@code "3"}, {@code *} or a list of them
     */
    User replace(SiteId site, String id, ScimObject body, Optional<String> ifMatch);

    /**
     * {@code PATCH /Users/{id}} (RFC 7644 §3.5.2): applies the operations; only the status and role values the
     * operations set act.
     */
    User patch(SiteId site, String id, ScimObject patchBody, Optional<String> ifMatch);

    /**
     * {@code DELETE /Users/{id}} (RFC 7644 §3.6). An account is not erased: it is deactivated and hidden from SCIM
     * (later reads answer 404) until a site admin restores it. A pending identity is erased: there is no account
     * to keep.
     */
    void delete(SiteId site, String id, Optional<String> ifMatch);

    /**
     * The creation policy a {@code POST /Users} follows on the site: its own, or, for a site that has none, the
     * default this service was given. Discovery's ServiceProviderConfig says what it makes of a {@code POST}, so it
     * asks here rather than read the site's settings, which would miss the default.
     *
     * @throws dev.roster.scim.core.error.ScimException {@code 404} if there is no such site
     */
    CreationPolicy creationPolicy(SiteId site);

    /**
     * A user as the body of an answer (RFC 7644 §3.3, §3.4, §3.5): its SCIM representation with
     * {@code meta.location}, under the attributes the request asked for (RFC 7644 §3.4.2.5, §3.9) and each
     * attribute's {@code returned} characteristic (RFC 7643 §7). Reads nothing; for every user a call of this use
     * case returned, one by one for a ListResponse.
     *
     * @param user      the user to answer with
     * @param location  the user's URI, which only the adapter knows, for {@code meta.location}
     * @param requested the request's {@code attributes} and {@code excludedAttributes}
     * @return the User resource to send
     */
    ScimObject render(User user, String location, RequestedAttributes requested);
}
