package dev.roster.example;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.JitSignIn;
import dev.roster.scim.core.port.in.SignInOutcome;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.service.AccountRelay;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The application's SSO callback. A real one receives a SAML response or an OIDC code and validates it first; this
 * one stands for that step and takes the assertion's values as a form, so never expose it as it is.
 */
@Path("c/{site}/sso/sign-in")
public final class SignInResource {

    private final JitSignIn signIn;
    private final AccountRelay relay;
    private final AccountsTable accounts;

    SignInResource(JitSignIn signIn, AccountRelay relay, AccountsTable accounts) {
        this.signIn = signIn;
        this.relay = relay;
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response signIn(@PathParam("site") String siteName, @FormParam("userName") String userName,
                           @FormParam("email") String email, @FormParam("givenName") String givenName,
                           @FormParam("familyName") String familyName) {
        if (!SiteId.isValid(siteName)) {
            return Response.status(404).build();
        }
        if (userName == null || userName.isBlank()) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity("The assertion has no userName.").build();
        }
        SiteId site = SiteId.of(siteName);
        SignInOutcome outcome;
        try {
            outcome = signIn.signIn(site, SsoAssertion.of(userName, email, givenName, familyName));
        } catch (ScimException refused) {
            return Response.status(refused.status()).type(MediaType.TEXT_PLAIN).entity(refused.detail()).build();
        }
        // The first sign-in's account goes out through the outbox; deliver it now rather than at the next pass, so
        // that the session below finds its row. Delivering twice is harmless.
        relay.deliverDue();
        return accounts.findById(site, outcome.user().id())
                .map(account -> Response.ok(Json.of(account)).build())
                .orElseGet(() -> Response.status(503).type(MediaType.TEXT_PLAIN)
                        .entity("Your account is being set up; sign in again in a moment.").build());
    }
}
