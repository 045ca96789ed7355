package dev.roster.example;

import dev.roster.scim.core.model.SiteId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The application's own view of an account, read from its own table (an admin page's data, say). */
@Path("c/{site}/accounts/{userName}")
public final class AccountsResource {

    private final AccountsTable accounts;

    AccountsResource(AccountsTable accounts) {
        this.accounts = accounts;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response account(@PathParam("site") String site, @PathParam("userName") String userName) {
        if (!SiteId.isValid(site)) {
            return Response.status(404).build();
        }
        return accounts.findByUserName(SiteId.of(site), userName)
                .map(account -> Response.ok(Json.of(account)).build())
                .orElseGet(() -> Response.status(404).build());
    }
}
