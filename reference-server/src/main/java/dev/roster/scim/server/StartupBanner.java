package dev.roster.scim.server;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.GeneratedToken;

import java.io.PrintStream;
import java.util.Optional;

/** What the server prints at start: where things are, and secrets exactly once. */
final class StartupBanner {

    private StartupBanner() {
    }

    /** A start that created the demo site shows its token; a later start (or another server's) how to get one. */
    static void print(PrintStream out, String baseUrl, String database, SiteId site, Optional<GeneratedToken> token,
                      Optional<String> generatedPassword) {
        String scimBase = baseUrl + "/c/" + site.value() + "/auth/scim/v2";
        out.println();
        out.println("Roster reference server is listening on " + baseUrl);
        out.println("  SCIM base URL (site '" + site.value() + "'): " + scimBase);
        out.println("  Admin page:                  " + baseUrl + "/c/" + site.value() + "/admin/scim");
        out.println("  Health:                      " + baseUrl + "/health");
        out.println("  Database:                    " + database);
        token.ifPresent(t -> {
            out.println();
            out.println("  SCIM bearer token for site '" + site.value() + "' (shown once; only its hash is kept):");
            out.println("    " + t.token());
        });
        generatedPassword.ifPresent(password -> {
            out.println();
            out.println("  Admin login (shown once; only its hash is kept): user 'admin', password " + password);
        });
        if (token.isEmpty()) {
            out.println();
            out.println("  Lost the token? Generate a new one on the admin page, or:");
            out.println("    curl -u admin:<password> -H 'Content-Type: application/json' -X POST " + baseUrl + "/c/"
                    + site.value() + "/admin/api/scim-token");
        }
        out.println();
        out.flush();
    }
}
