package dev.roster.scim.server.admin;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.jaxrs.RequestValues;
import dev.roster.scim.jaxrs.ScimMediaTypes;
import jakarta.inject.Provider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.grizzly.http.server.Request;

import java.net.URI;
import java.util.Optional;

/**
 * {@code /admin/api/session}: the admin page signs in ({@code POST} with the password; the session comes back as
 * a cookie), asks whether it is signed in ({@code GET}) and signs out ({@code DELETE}, which ends the session on
 * the server). See docs/adr/011.
 */
@AdminEndpoint
@Path("admin/api/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
public final class SessionResource {

    private final PasswordGate passwords;
    private final SignInSessions sessions;
    private final boolean publicUrlIsHttps;

    @Context
    private Provider<Request> connection;

    SessionResource(PasswordGate passwords, SignInSessions sessions, Optional<URI> publicUrl) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.publicUrlIsHttps = publicUrl.map(url -> "https".equalsIgnoreCase(url.getScheme())).orElse(false);
    }

    @POST
    @WithoutCredentials
    public Response signIn(ScimObject body, @Context ContainerRequestContext request) {
        ScimObject sent = AdminJson.body(body);
        String user = RequestValues.text(sent, "user").orElse(AdminAuthFilter.USER);
        String password = RequestValues.requiredText(sent, "password");
        PasswordGate.Verdict verdict = passwords.check(ClientAddress.of(connection.get().getRemoteAddr()), user,
                password);
        if (!verdict.accepted()) {
            return AdminAuthFilter.refusal(request, verdict);
        }
        SignInSessions.Opened opened = sessions.open(SessionCookie.presented(request));
        return Response.ok(ScimObject.builder()
                        .put("user", AdminAuthFilter.USER)
                        .put("expiresAt", opened.expiresAt().toString())
                        .put("idleTimeoutSeconds", ScimValue.of(SignInSessions.IDLE_TIMEOUT.toSeconds()))
                        .build())
                .header(HttpHeaders.SET_COOKIE, SessionCookie.issue(opened.id(), SignInSessions.LIFETIME,
                        secure(request)))
                .build();
    }

    @GET
    public ScimObject current() {
        return ScimObject.builder().put("user", AdminAuthFilter.USER).build();
    }

    @DELETE
    @WithoutCredentials
    public Response signOut(@Context ContainerRequestContext request) {
        SessionCookie.presented(request).ifPresent(sessions::close);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, SessionCookie.cleared(secure(request))).build();
    }

    private boolean secure(ContainerRequestContext request) {
        return publicUrlIsHttps || request.getSecurityContext().isSecure();
    }
}
