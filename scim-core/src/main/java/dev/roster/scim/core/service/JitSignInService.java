package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.internal.policy.SignInPolicy;
import dev.roster.scim.core.internal.policy.UserChanges;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.JitSignIn;
import dev.roster.scim.core.port.in.SignInOutcome;
import dev.roster.scim.core.port.in.SsoAssertion;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link JitSignIn}: the first sign-in creates the user, later ones refresh its email and name. A sign-in that
 * changes nothing writes nothing, so signing in does not disturb the IdP's {@code If-Match} versions.
 *
 * <p>The first sign-in of a person the IdP provisioned before (a pending identity with their userName, matched as
 * the store matches every userName, by the identifier profile's key) creates the account from that identity: same id,
 * {@code externalId}, status and profile, the IdP's role where the site lets SCIM manage roles (Registered
 * otherwise), and the sign-in's name and email applied as at every sign-in. A pending identity the IdP deactivated
 * refuses the sign-in (403) and stays pending.
 *
 * <p>Every refused sign-in of a stored user (deactivated, deleted by the IdP, or a deactivated pending identity)
 * changes nothing and leaves a {@code sign-in-refused} audit record with the reason, committed before the 403 is
 * thrown, so that a site admin can see why someone could not get in.
 */
public final class JitSignInService implements JitSignIn {

    private final Ports ports;
    private final UserWrites writes;

    /**
     * Sign-ins under the sites' settings, telling the host's accounts through {@code ports}.
     *
     * @param ports the stores, audit log, transactions and clock
     */
    public JitSignInService(Ports ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.writes = new UserWrites(ports);
    }

    @Override
    public SignInOutcome signIn(SiteId site, SsoAssertion assertion) {
        SiteSettings settings = requireSso(site);
        // No exception for names stored before the profile: a look-alike must not sign in to the account it copies.
        UserWrites.requireAcceptableUserName(assertion.userName());
        Optional<User> existing = ports.users().findByUserName(site, assertion.userName());
        if (existing.isPresent()) {
            return refresh(site, existing.get().id(), assertion, settings);
        }
        try {
            User created = newUser(assertion);
            return new SignInOutcome(writes.insert(site, created, ChangeSource.SIGN_IN, Optional.empty()), true);
        } catch (ScimException e) {
            if (e.type() != ScimErrorType.UNIQUENESS) {
                throw e;
            }
            // A simultaneous first sign-in of the same user, or the IdP's POST, won the insert.
            User winner = ports.users().findByUserName(site, assertion.userName()).orElseThrow(() -> e);
            return refresh(site, winner.id(), assertion, settings);
        }
    }

    @Override
    public int signInAll(SiteId site, List<SsoAssertion> assertions) {
        requireSso(site);
        return ports.transactions().inTransaction(() -> {
            Set<String> seen = new HashSet<>(ports.users().existingUserNames(site,
                    assertions.stream().map(SsoAssertion::userName).toList()));
            List<User> created = new ArrayList<>();
            for (SsoAssertion assertion : assertions) {
                UserWrites.requireAcceptableUserName(assertion.userName());
                if (seen.add(IdentifierProfile.key(assertion.userName()))) {
                    created.add(newUser(assertion));
                }
            }
            ports.users().insertAll(site, created);
            ports.audit().appendAll(created.stream()
                    .map(user -> UserChanges.created(site, user, ChangeSource.SIGN_IN, user.created()))
                    .toList());
            created.forEach(user -> ports.accountSync().changed(site, Optional.empty(), user, user.created()));
            return created.size();
        });
    }

    private SiteSettings requireSso(SiteId site) {
        SiteSettings settings = ports.sites().find(site)
                .orElseThrow(() -> ScimException.notFound("No site '" + site + "'."));
        if (!settings.ssoConfigured()) {
            throw ScimException.conflict("SSO is not configured for this site, so nobody can sign in with it.");
        }
        return settings;
    }

    /** A sign-in of a stored user: the account refreshed, or created from a pending identity. */
    private SignInOutcome refresh(SiteId site, String id, SsoAssertion assertion, SiteSettings settings) {
        // The change may run again after a lost race; what it found on its last run is what happened.
        boolean[] claimed = new boolean[1];
        User user = writes.update(site, id, ChangeSource.SIGN_IN, Optional.empty(), UserWrites.Lookup.ANY,
                current -> {
                    claimed[0] = current.pending();
                    return SignInPolicy.refusal(current)
                            .map(refused -> UserWrites.Change.refusingSignIn(current, refused))
                            .orElseGet(() -> UserWrites.Change.to(current.pending()
                                    ? SignInPolicy.claim(current, assertion, settings)
                                    : SignInPolicy.refreshed(current, assertion)));
                });
        return new SignInOutcome(user, claimed[0]);
    }

    private User newUser(SsoAssertion assertion) {
        User blank = UserWrites.newUser(assertion.userName(), ChangeSource.SIGN_IN, writes.now());
        return blank.withProfile(blank.userName(), Optional.empty(), Optional.empty(),
                Name.EMPTY.withGivenName(assertion.givenName()).withFamilyName(assertion.familyName()),
                assertion.email().map(Email::primaryWork).stream().toList(), blank.otherAttributes());
    }
}
