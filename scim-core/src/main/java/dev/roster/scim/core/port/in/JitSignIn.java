package dev.roster.scim.core.port.in;

import java.util.List;

import dev.roster.scim.core.model.SiteId;

/**
 * Just-in-time provisioning: what the host application's SSO layer calls after it validated an identity assertion
 * (SAML or OpenID Connect). The first sign-in creates an active Registered user; later ones refresh the email and
 * name if the IdP changed them. If the IdP provisioned the person before their first sign-in (a pending identity,
 * creation policy {@code PENDING}), the first sign-in creates the account from it instead: the same SCIM id,
 * {@code externalId}, the IdP's status and, where the site lets SCIM manage roles, its role. A deactivated or
 * SCIM-deleted user, and a pending identity the IdP deactivated, is refused with {@code 403}, the user unchanged and
 * the refusal audited ({@code sign-in-refused}, with the reason); a site without SSO configured refuses every
 * sign-in with {@code 409}, an unknown site with {@code 404}. A userName the identifier profile refuses (ADR 014:
 * mixed scripts, invisible characters, compatibility forms) is {@code 400 invalidValue}, also for a user whose
 * stored name an older Roster accepted: a look-alike must not reach the account it copies.
 *
 * <p>Roster implements it ({@code JitSignInService}); the host's SSO layer calls it once it validated the assertion
 * (Roster does not validate SAML or OpenID Connect itself). It is thread-safe: two first sign-ins of one person at
 * once, or a sign-in racing the IdP's {@code POST}, give one user. A sign-in that changes nothing writes nothing,
 * so it does not move the user's SCIM version.
 *
 * <pre>{@code
 * SignInOutcome outcome = jitSignIn.signIn(site, SsoAssertion.of("ann", "ann@example.com", "Ann", "Lee"));
 * }</pre>
 */
public interface JitSignIn {

    /**
     * Signs a person in: creates their account at the first sign-in (or from their pending identity), or refreshes
     * the stored one's names and email.
     *
     * @param site      the site the person signs in to
     * @param assertion what the validated assertion says: the userName (matched by its identifier key), and
     *                  optionally the email and name
     * @return the user as stored, and whether this sign-in created the account
     * @throws dev.roster.scim.core.error.ScimException {@code 403} for a refused sign-in (audited),
     *                                                  {@code 400 invalidValue} for a refused userName,
     *                                                  {@code 409} without SSO, {@code 404} for an unknown site
     */
    SignInOutcome signIn(SiteId site, SsoAssertion assertion);

    /**
     * First sign-ins of many users at once, for seeding a demo or a load test: every assertion whose userName the
     * site does not know yet creates the user exactly as {@link #signIn} would (active, Registered, audited), in
     * one transaction; known userNames are skipped, pending identities' included (they stay pending). Returns how
     * many users were created.
     *
     * @param site       the site the users sign in to
     * @param assertions the assertions, one per person; repeats of a userName (by key) count once
     * @return how many users were created
     * @throws dev.roster.scim.core.error.ScimException {@code 400 invalidValue} if one userName is refused (nothing
     *                                                  is created), {@code 409} without SSO, {@code 404} for an
     *                                                  unknown site
     */
    int signInAll(SiteId site, List<SsoAssertion> assertions);
}
