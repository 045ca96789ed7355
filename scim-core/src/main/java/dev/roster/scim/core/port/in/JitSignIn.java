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
 * sign-in with {@code 409}, an unknown site with {@code 404}.
 *
 * <pre>{@code
 * SignInOutcome outcome = jitSignIn.signIn(site, SsoAssertion.of("ann", "ann@example.com", "Ann", "Lee"));
 * }</pre>
 */
public interface JitSignIn {

    SignInOutcome signIn(SiteId site, SsoAssertion assertion);

    /**
     * First sign-ins of many users at once, for seeding a demo or a load test: every assertion whose userName the
     * site does not know yet creates the user exactly as {@link #signIn} would (active, Registered, audited), in
     * one transaction; known userNames are skipped, pending identities' included (they stay pending). Returns how
     * many users were created.
     */
    int signInAll(SiteId site, List<SsoAssertion> assertions);
}
