package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.SiteId;

/**
 * Just-in-time provisioning: what the host application's SSO layer calls after it validated an identity assertion
 * (SAML or OpenID Connect). The first sign-in creates an active Registered user; later ones refresh the email and
 * name if the IdP changed them. A deactivated or SCIM-deleted user is refused with {@code 403}; a site without SSO
 * configured refuses every sign-in with {@code 409}, an unknown site with {@code 404}.
 *
 * <pre>{@code
 * SignInOutcome outcome = jitSignIn.signIn(site, SsoAssertion.of("ann", "ann@example.com", "Ann", "Lee"));
 * }</pre>
 */
public interface JitSignIn {

    SignInOutcome signIn(SiteId site, SsoAssertion assertion);
}
