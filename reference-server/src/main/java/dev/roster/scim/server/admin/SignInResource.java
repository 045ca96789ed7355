package dev.roster.scim.server.admin;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.JitSignIn;
import dev.roster.scim.core.port.in.SignInOutcome;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.jaxrs.RequestValues;
import dev.roster.scim.jaxrs.ScimMediaTypes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /c/{site}/sso/sign-in}: stands in for the host application's SAML/OIDC layer, which would call
 * {@link JitSignIn} with a validated assertion. 201 when the sign-in created the user, 200 when it existed.
 */
@AdminEndpoint
@Path("c/{site}/sso")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
public final class SignInResource {

    private final JitSignIn signIn;

    public SignInResource(JitSignIn signIn) {
        this.signIn = signIn;
    }

    @POST
    @Path("sign-in")
    public Response signIn(@PathParam("site") String site, ScimObject body) {
        if (!SiteId.isValid(site)) {
            throw ScimException.notFound("There is no site '" + site + "'.");
        }
        ScimObject sent = AdminJson.body(body);
        SsoAssertion assertion = SsoAssertion.of(RequestValues.requiredText(sent, "userName"),
                RequestValues.text(sent, "email").orElse(null),
                RequestValues.text(sent, "givenName").orElse(null),
                RequestValues.text(sent, "familyName").orElse(null));
        SignInOutcome outcome = signIn.signIn(SiteId.of(site), assertion);
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(AdminJson.signedIn(outcome.user()))
                .build();
    }
}
