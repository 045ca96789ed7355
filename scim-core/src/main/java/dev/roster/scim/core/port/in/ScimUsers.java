package dev.roster.scim.core.port.in;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.StoredRendering;
import dev.roster.scim.core.mapping.WrittenUser;
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
 * <p>Roster implements it ({@code ScimUsersService}, built from {@code Ports}); the JAX-RS adapter's resources call
 * it, and a host that speaks SCIM through another HTTP stack may call it the same way. It is thread-safe: each call
 * is its own unit of work over the ports. Concurrent writes to one user are ordered by the user's version: a write
 * without {@code If-Match} that loses a race is read again and retried, and answers {@code 409} only if it keeps
 * losing; one with {@code If-Match} answers {@code 412}. A userName is matched by its identifier key (ADR 014):
 * {@code ANN}, {@code ann} and its fullwidth spelling are one userName; a look-alike with a letter of another script
 * is another, and is refused ({@code 400 invalidValue}) where a user would get it.
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
     * These use cases for one admitted request: they take the site's settings from {@code site}, as admission read
     * them, instead of reading them again (ADR 029, ADR 034), and serve {@code site}'s site only: a call for another
     * site is refused with {@code 401}, whatever that site's settings. An adapter binds each request it admitted
     * ({@link SiteAdministration#admit}, {@link Admission#site()}) and calls the bound use cases for that request
     * only; a call on the unbound use cases reads the settings from the store. The default, for an implementation
     * that keeps no settings, is these use cases unchanged.
     *
     * <pre>{@code
     * ScimUsers users = admission.site().map(scimUsers::admitted).orElse(scimUsers);
     * }</pre>
     *
     * @param site the site the request was admitted for, with the settings that admitted it
     * @return the use cases bound to that site and settings; cheap, made once per request
     */
    default ScimUsers admitted(AdmittedSite site) {
        return this;
    }

    /**
     * {@code GET /Users/{id}} (RFC 7644 §3.4.1): 404 for an unknown or SCIM-deleted user. Pending identities are
     * users here, as in every SCIM call.
     *
     * @param site the site named in the request path
     * @param id   the user's SCIM {@code id} from the path, compared exactly; any text
     * @return the user, for the adapter to render, with {@link User#etag()} as the {@code ETag}
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown site or user or a SCIM-deleted
     *                                                  user; {@code 403} when the site has SCIM turned off
     */
    User get(SiteId site, String id);

    /**
     * {@link #get} as the store's rendering, for an answer without {@code attributes} or
     * {@code excludedAttributes} (ADR 034): the same checks and errors, but empty when the store keeps no rendering
     * or has no visible user of that id, and the caller then answers {@link #get}'s user (or its 404).
     *
     * @param site the site named in the request path
     * @param id   the user's SCIM {@code id} from the path, compared exactly; any text
     * @return the user's stored rendering with its version for the {@code ETag}, or empty for the caller to fall
     *         back on {@link #get}
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown site; {@code 403} when the site
     *                                                  has SCIM turned off
     */
    default Optional<StoredRendering> getRendered(SiteId site, String id) {
        return Optional.empty();
    }

    /**
     * {@code GET /Users} or {@code POST /Users/.search} (RFC 7644 §3.4.2, §3.4.3): one page of the site's users
     * matching the filter, SCIM-deleted users excluded, pending identities included. Paged by {@code startIndex}
     * (RFC 7644 §3.4.2.4), or by cursor (RFC 9865) when the request has a {@code cursor}; the page then carries
     * its {@code nextCursor} and {@code previousCursor}.
     *
     * @param site    the site named in the request path
     * @param request the parameters as the client sent them ({@link SearchRequest#fromQuery},
     *                {@link SearchRequest#fromBody})
     * @return the page: its users in order (by {@code sortBy}, then by id), the total number of matches, and its
     *         {@code startIndex} (or cursors)
     * @throws dev.roster.scim.core.error.ScimException {@code 400 invalidFilter} for a filter that does not parse or
     *                                                  names no attribute, {@code 400 invalidValue} for a bad
     *                                                  {@code sortBy} or {@code sortOrder}, {@code 400} with
     *                                                  {@code invalidCursor}, {@code expiredCursor} or
     *                                                  {@code invalidCount} for a bad cursor page, {@code 404} for
     *                                                  an unknown site, {@code 403} when the site has SCIM off
     */
    UserPage search(SiteId site, SearchRequest request);

    /**
     * {@link #search} as the store's renderings, for a ListResponse without {@code attributes} or
     * {@code excludedAttributes}, by index or by cursor; empty when the store keeps none, and the caller then
     * renders {@link #search}'s users. The same checks and errors as {@link #search}.
     *
     * @param site    the site named in the request path
     * @param request the parameters as the client sent them
     * @return the page as stored renderings, or empty for the caller to fall back on {@link #search}
     * @throws dev.roster.scim.core.error.ScimException as {@link #search}
     */
    default Optional<RenderedPage> searchRendered(SiteId site, SearchRequest request) {
        return Optional.empty();
    }

    /**
     * {@code POST /Users} (RFC 7644 §3.3). Links the user of that userName (by its key: in any case) if an IdP has
     * not claimed it yet; otherwise does what the site's creation policy says: holds a pending identity ({@code PENDING}), creates
     * the account ({@code ALLOW}) or refuses with 403 ({@code JIT_ONLY}). 409 {@code uniqueness} if an IdP already
     * claimed the userName, a pending identity included. The adapter answers 201 Created. A user the IdP deleted
     * over SCIM is linked again (visible again, with what the body asserts). {@code active} and the role values
     * ({@code userType}, {@code stackUserType}) act as the provisioning policy says (ADR 009); a role the site does
     * not let SCIM manage is ignored, and the request still succeeds.
     *
     * @param site the site named in the request path
     * @param body the client's User resource as it sent it; the core normalizes it (attribute names to their
     *             schema's spelling, read-only and unknown attributes dropped, values checked by type)
     * @return the stored user and whether it was created, held as a pending identity or linked
     * @throws dev.roster.scim.core.error.ScimException {@code 400 invalidValue} for a missing or refused userName or
     *                                                  a bad value; {@code 409 uniqueness} when an IdP claimed the
     *                                                  userName already; {@code 403} when the site creates no
     *                                                  users over SCIM or has SCIM turned off; {@code 404} for an
     *                                                  unknown site
     */
    CreateOutcome create(SiteId site, ScimObject body);

    /**
     * {@code PUT /Users/{id}} (RFC 7644 §3.5.1): replaces the profile; {@code active} and the role values act only
     * when present.
     *
     * @param site    the site named in the request path
     * @param id      the user's SCIM {@code id} from the path
     * @param body    the client's whole User resource; attributes it leaves out are cleared, but an absent
     *                {@code active} or role value leaves the status or role as it is
     * @param ifMatch the {@code If-Match} header: {@code W/"3"}, {@code "3"}, {@code *} or a list of them; empty
     *                when the client sent none
     * @return the user as stored after the change; when the body changes nothing, the user as it was (its version
     *         moves only if the body newly asserts the {@code active} the user already has)
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown or SCIM-deleted user or site;
     *                                                  {@code 400} for a bad value or an {@code If-Match} that is
     *                                                  no entity-tag list; {@code 412} when {@code If-Match} does
     *                                                  not name the current version; {@code 409} for a taken
     *                                                  userName or when the change would leave the site without an
     *                                                  active Admin; {@code 403} when SCIM is turned off
     */
    User replace(SiteId site, String id, ScimObject body, Optional<String> ifMatch);

    /**
     * {@code PATCH /Users/{id}} (RFC 7644 §3.5.2): applies the operations; only the status and role values the
     * operations set act.
     *
     * @param site      the site named in the request path
     * @param id        the user's SCIM {@code id} from the path
     * @param patchBody the client's PatchOp message (RFC 7644 §3.5.2), as it sent it
     * @param ifMatch   the {@code If-Match} header, as for {@link #replace}; empty when the client sent none
     * @return the user as stored after the operations
     * @throws dev.roster.scim.core.error.ScimException {@code 400 invalidSyntax}, {@code invalidPath},
     *                                                  {@code noTarget}, {@code invalidValue} or {@code mutability}
     *                                                  for an operation that cannot apply (then nothing is
     *                                                  applied); {@code 413} for too many operations; otherwise
     *                                                  as {@link #replace}
     */
    User patch(SiteId site, String id, ScimObject patchBody, Optional<String> ifMatch);

    /**
     * {@link #replace}, with the rendering the store kept for the stored user (ADR 034), for an answer without
     * {@code attributes} or {@code excludedAttributes}: the same checks, errors and write. The default has no
     * rendering; the caller then answers {@link #render} of the user.
     *
     * @param site    the site named in the request path
     * @param id      the user's SCIM {@code id} from the path
     * @param body    the client's whole User resource, as for {@link #replace}
     * @param ifMatch the {@code If-Match} header, as for {@link #replace}
     * @return the user as stored after the change, with its rendering when the store kept one for this write
     * @throws dev.roster.scim.core.error.ScimException as {@link #replace}
     */
    default WrittenUser replaceRendered(SiteId site, String id, ScimObject body, Optional<String> ifMatch) {
        return new WrittenUser(replace(site, id, body, ifMatch), Optional.empty());
    }

    /**
     * {@link #patch}, with the rendering the store kept for the stored user (ADR 034), as {@link #replaceRendered}
     * is to {@link #replace}.
     *
     * @param site      the site named in the request path
     * @param id        the user's SCIM {@code id} from the path
     * @param patchBody the client's PatchOp message, as for {@link #patch}
     * @param ifMatch   the {@code If-Match} header, as for {@link #replace}
     * @return the user as stored after the operations, with its rendering when the store kept one for this write
     * @throws dev.roster.scim.core.error.ScimException as {@link #patch}
     */
    default WrittenUser patchRendered(SiteId site, String id, ScimObject patchBody, Optional<String> ifMatch) {
        return new WrittenUser(patch(site, id, patchBody, ifMatch), Optional.empty());
    }

    /**
     * {@code DELETE /Users/{id}} (RFC 7644 §3.6). An account is not erased: it is deactivated and hidden from SCIM
     * (later reads answer 404) until a site admin restores it. A pending identity is erased: there is no account
     * to keep. The IdP's deletion counts as its assertion that the user is inactive, so a site admin's later
     * reactivation shows as drift.
     *
     * @param site    the site named in the request path
     * @param id      the user's SCIM {@code id} from the path
     * @param ifMatch the {@code If-Match} header, as for {@link #replace}; empty when the client sent none
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown or already deleted user or site;
     *                                                  {@code 412} as for {@link #replace}; {@code 409} when the
     *                                                  user is the site's last active Admin; {@code 403} when SCIM
     *                                                  is turned off
     */
    void delete(SiteId site, String id, Optional<String> ifMatch);

    /**
     * The creation policy a {@code POST /Users} follows on the site: its own, or, for a site that has none, the
     * default this service was given. Discovery's ServiceProviderConfig says what it makes of a {@code POST}, so it
     * asks here rather than read the site's settings, which would miss the default.
     *
     * @param site the site whose policy is asked; SCIM may be on or off there
     * @return the policy a {@code POST /Users} of someone unknown follows on the site now
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
