package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.mapping.Projection;
import dev.roster.scim.core.internal.mapping.UserInputNormalizer;
import dev.roster.scim.core.internal.patch.PatchEngine;
import dev.roster.scim.core.internal.patch.PatchRequest;
import dev.roster.scim.core.internal.policy.ProvisioningDecision;
import dev.roster.scim.core.internal.policy.ProvisioningPolicy;
import dev.roster.scim.core.internal.policy.ScimAssertions;
import dev.roster.scim.core.internal.policy.ScimClaims;
import dev.roster.scim.core.internal.policy.SiteSettingsPolicy;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.StoredRendering;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.mapping.WrittenUser;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.model.UserProfile;
import dev.roster.scim.core.port.in.AdmittedSite;
import dev.roster.scim.core.port.in.CreateOutcome;
import dev.roster.scim.core.port.in.RequestedAttributes;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.out.CursorKeys;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.internal.paging.PagingCursors;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link ScimUsers} under the {@link ProvisioningPolicy}, each site's {@link CreationPolicy} and the last-admin
 * guard. A site whose settings hold no creation policy of its own follows the default given here.
 *
 * <pre>{@code
 * ScimUsers users = new ScimUsersService(ports);                             // default: CreationPolicy.PENDING
 * ScimUsers strict = new ScimUsersService(ports, CreationPolicy.JIT_ONLY);   // for sites without their own
 * }</pre>
 */
public final class ScimUsersService implements ScimUsers {

    private final Ports ports;
    private final CreationPolicy defaultCreation;
    private final UserWrites writes;
    private final CursorPaging cursorPaging;
    private final Optional<AdmittedSite> admitted;

    /**
     * Sites without a creation policy of their own follow {@link CreationPolicy#DEFAULT}.
     *
     * @param ports the stores, audit log, transactions and clock
     */
    public ScimUsersService(Ports ports) {
        this(ports, CreationPolicy.DEFAULT);
    }

    /**
     * The use cases with paging cursors signed by a key of this service's own, good until it stops.
     *
     * @param ports           the stores, audit log, transactions and clock
     * @param defaultCreation the creation policy of sites whose settings hold none; give
     *                        {@code SiteAdministrationService} the same one, so that what the admin sees is what
     *                        applies
     */
    public ScimUsersService(Ports ports, CreationPolicy defaultCreation) {
        this(ports, defaultCreation, CursorKeys.ephemeral());
    }

    /**
     * The use cases with paging cursors signed by {@code cursorKeys}.
     *
     * @param ports           the stores, audit log, transactions and clock
     * @param defaultCreation the creation policy of sites whose settings hold none
     * @param cursorKeys      the key that signs paging cursors; give every server on one database the same (the
     *                        database's own), so that a cursor minted by one is good on the others
     */
    public ScimUsersService(Ports ports, CreationPolicy defaultCreation, CursorKeys cursorKeys) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.defaultCreation = Objects.requireNonNull(defaultCreation, "defaultCreation");
        this.writes = new UserWrites(ports);
        this.cursorPaging = new CursorPaging(ports.users(), new PagingCursors(cursorKeys, ports.clock()));
        this.admitted = Optional.empty();
    }

    private ScimUsersService(ScimUsersService unbound, AdmittedSite admitted) {
        this.ports = unbound.ports;
        this.defaultCreation = unbound.defaultCreation;
        this.writes = unbound.writes;
        this.cursorPaging = unbound.cursorPaging;
        this.admitted = Optional.of(admitted);
    }

    @Override
    public ScimUsers admitted(AdmittedSite site) {
        return new ScimUsersService(this, Objects.requireNonNull(site, "site"));
    }

    @Override
    public User get(SiteId site, String id) {
        scimSettings(site);
        return ports.users().findById(site, id)
                .filter(user -> !user.hidden())
                .orElseThrow(() -> ScimException.notFound("No user with id '" + id + "'."));
    }

    @Override
    public Optional<StoredRendering> getRendered(SiteId site, String id) {
        scimSettings(site);
        return ports.users().findRendered(site, id);
    }

    @Override
    public UserPage search(SiteId site, SearchRequest request) {
        scimSettings(site);
        if (request.cursor().isPresent()) {
            return cursorPaging.page(site, request);
        }
        return ports.users().search(site, SearchQueries.toQuery(request, Optional.empty(), false,
                UserQuery.Pending.INCLUDED));
    }

    @Override
    public Optional<RenderedPage> searchRendered(SiteId site, SearchRequest request) {
        scimSettings(site);
        if (request.cursor().isPresent()) {
            return cursorPaging.rendered(site, request);
        }
        return ports.users().searchRendered(site, SearchQueries.toQuery(request, Optional.empty(), false,
                UserQuery.Pending.INCLUDED));
    }

    @Override
    public CreateOutcome create(SiteId site, ScimObject body) {
        SiteSettings settings = scimSettings(site);
        ScimObject canonical = UserInputNormalizer.normalize(body);
        UserProfile profile = UserResources.profileOf(canonical);
        ScimAssertions asserted = ScimAssertions.of(canonical);
        Optional<User> existing = ports.users().findByUserName(site, profile.userName());
        if (existing.isPresent()) {
            return CreateOutcome.linked(link(site, existing.get().id(), profile, asserted, settings));
        }
        boolean pending = ScimClaims.createsPending(settings.creationPolicyOr(defaultCreation), profile.userName());
        try {
            User inserted = insert(site, profile, asserted, settings, pending);
            return pending ? CreateOutcome.pending(inserted) : CreateOutcome.created(inserted);
        } catch (ScimException e) {
            if (e.type() != ScimErrorType.UNIQUENESS) {
                throw e;
            }
            // The person's first sign-in (or another POST) stored the userName meanwhile: link that user instead,
            // which is a 409 only if an IdP claimed it.
            User winner = ports.users().findByUserName(site, profile.userName()).orElseThrow(() -> e);
            return CreateOutcome.linked(link(site, winner.id(), profile, asserted, settings));
        }
    }

    @Override
    public User replace(SiteId site, String id, ScimObject body, Optional<String> ifMatch) {
        return replaceRendered(site, id, body, ifMatch).user();
    }

    @Override
    public WrittenUser replaceRendered(SiteId site, String id, ScimObject body, Optional<String> ifMatch) {
        SiteSettings settings = scimSettings(site);
        Optional<IfMatch> precondition = IfMatch.parse(ifMatch);
        ScimObject canonical = UserInputNormalizer.normalize(body);
        UserProfile profile = UserResources.profileOf(canonical);
        ScimAssertions asserted = ScimAssertions.of(canonical);
        return writes.updateRendered(site, id, ChangeSource.SCIM, precondition, UserWrites.Lookup.VISIBLE,
                current -> underPolicy(site, current, profile.applyTo(current), asserted, settings));
    }

    /**
     * Applies the operations to the user's editable view, which holds neither {@code active} nor the role values:
     * whichever of them the result holds, an operation set, and only those act. An operation that merely touches
     * other attributes therefore never re-asserts a status or role the user happens to have.
     */
    @Override
    public User patch(SiteId site, String id, ScimObject patchBody, Optional<String> ifMatch) {
        return patchRendered(site, id, patchBody, ifMatch).user();
    }

    @Override
    public WrittenUser patchRendered(SiteId site, String id, ScimObject patchBody, Optional<String> ifMatch) {
        SiteSettings settings = scimSettings(site);
        Optional<IfMatch> precondition = IfMatch.parse(ifMatch);
        PatchRequest request = PatchRequest.parse(patchBody);
        return writes.updateRendered(site, id, ChangeSource.SCIM, precondition, UserWrites.Lookup.VISIBLE,
                current -> {
                    ScimObject patched = PatchEngine.apply(UserResources.editableView(current), request);
                    User candidate = UserResources.profileOf(patched).applyTo(current);
                    return underPolicy(site, current, candidate, ScimAssertions.of(patched), settings);
                });
    }

    @Override
    public void delete(SiteId site, String id, Optional<String> ifMatch) {
        scimSettings(site);
        writes.update(site, id, ChangeSource.SCIM, IfMatch.parse(ifMatch), UserWrites.Lookup.VISIBLE, current -> {
            Optional<User> deleted = ScimClaims.afterDelete(current);
            if (deleted.isEmpty()) {
                return UserWrites.Change.erasing(current);
            }
            writes.guardLastAdmin(site, current, deleted.get());
            return UserWrites.Change.to(deleted.get());
        });
    }

    /** Links the existing user of a POSTed userName, as {@link ScimClaims#linked} says. */
    private User link(SiteId site, String id, UserProfile profile, ScimAssertions asserted, SiteSettings settings) {
        return writes.update(site, id, ChangeSource.SCIM, Optional.empty(), UserWrites.Lookup.ANY, current -> {
            return underPolicy(site, current, ScimClaims.linked(current, profile), asserted, settings);
        });
    }

    /** Stores what the IdP asserted as a new account, or as a pending identity (same rules, no account). */
    private User insert(SiteId site, UserProfile profile, ScimAssertions asserted, SiteSettings settings,
                        boolean pending) {
        User fresh = ScimClaims.provisioned(UserWrites.newUser(profile.userName(), ChangeSource.SCIM, writes.now()),
                profile, pending);
        ProvisioningDecision decision = ProvisioningPolicy.decide(fresh, asserted, settings);
        return writes.insert(site, decision.user(), ChangeSource.SCIM, decision.ignoredRole());
    }

    private UserWrites.Change underPolicy(SiteId site, User current, User candidate, ScimAssertions asserted,
                                          SiteSettings settings) {
        ProvisioningDecision decision = ProvisioningPolicy.decide(candidate, asserted, settings);
        writes.guardLastAdmin(site, current, decision.user());
        return new UserWrites.Change(decision.user(), decision.ignoredRole());
    }

    @Override
    public CreationPolicy creationPolicy(SiteId site) {
        return ports.sites().find(site)
                .orElseThrow(() -> ScimException.notFound("No site '" + site + "'."))
                .creationPolicyOr(defaultCreation);
    }

    @Override
    public ScimObject render(User user, String location, RequestedAttributes requested) {
        return Projection.of(requested.attributes(), requested.excludedAttributes())
                .apply(UserResources.withLocation(UserResources.toScim(user), location));
    }

    /**
     * The site's settings: those that admitted this request when these use cases are bound to it, else as stored.
     * Bound to another site, they serve none of this one: the request was admitted with another site's token. SCIM
     * requests to a site with SCIM off are refused here too, whatever the adapter did.
     */
    private SiteSettings scimSettings(SiteId site) {
        SiteSettings settings;
        if (admitted.isPresent()) {
            if (!admitted.get().site().equals(site)) {
                throw ScimException.unauthorized("This request was admitted for another site; send a bearer token "
                        + "of this site.");
            }
            settings = admitted.get().settings();
        } else {
            settings = ports.sites().find(site).orElseThrow(() -> ScimException.notFound("No site '" + site + "'."));
        }
        if (!SiteSettingsPolicy.servesScim(settings)) {
            throw ScimException.forbidden("SCIM is turned off for this site.");
        }
        return settings;
    }
}
