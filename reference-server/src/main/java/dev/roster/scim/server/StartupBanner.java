package dev.roster.scim.server;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.GeneratedToken;

import java.io.PrintStream;
import java.util.Optional;

/** What the server prints at start: where things are, and secrets exactly once. */
final class StartupBanner {

    private StartupBanner() {
    }

    static void print(PrintStream out, String baseUrl, SiteId site, Optional<GeneratedToken> token,
                      Optional<String> generatedPassword, boolean newDatabase) {
        String scimBase = baseUrl + "/c/" + site.value() + "/auth/scim/v2";
        out.println();
        out.println("Roster reference server is listening on " + baseUrl);
        out.println("  SCIM base URL (site '" + site.value() + "'): " + scimBase);
        out.println("  Admin page:                  " + baseUrl + "/c/" + site.value() + "/admin/scim");
        out.println("  Health:                      " + baseUrl + "/health");
        token.ifPresent(t -> {
            out.println();
            out.println("  SCIM bearer token for site '" + site.value() + "' (shown once; only its hash is kept):");
            out.println("    " + t.token());
        });
        generatedPassword.ifPresent(password -> {
            out.println();
            out.println("  Admin login (shown once; only its hash is kept): user 'admin', password " + password);
        });
        if (!newDatabase) {
            out.println();
            out.println("  Lost the token? Generate a new one on the admin page, or:");
            out.println("    curl -u admin:<password> -H 'Content-Type: application/json' -X POST " + baseUrl + "/c/"
                    + site.value() + "/admin/api/scim-token");
        }
        out.println();
        out.flush();
    }
}
