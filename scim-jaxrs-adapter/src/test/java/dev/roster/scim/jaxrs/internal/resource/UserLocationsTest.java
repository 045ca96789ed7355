package dev.roster.scim.jaxrs.internal.resource;

import jakarta.ws.rs.core.UriBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The users' base URI put together without a {@code UriBuilder} is the one the builder makes from the template. */
class UserLocationsTest {

    private static final List<String> BASES = List.of("http://localhost:8080/", "http://localhost:8080",
            "https://scim.example.com/roster/", "https://scim.example.com/ro%20ster", "http://[::1]:9000/");

    @Test
    void aPlainSiteNameGivesTheBuildersUri() {
        for (String base : BASES) {
            for (String site : List.of("acme", "site-2", "a.b_c~d", "X")) {
                assertThat(UserLocations.usersUri(URI.create(base), site))
                        .as("%s and %s", base, site).isEqualTo(built(base, site));
            }
        }
    }

    @Test
    void aSiteNameToEncodeIsEncodedAsThePathSegmentItIs() {
        for (String base : BASES) {
            for (String site : List.of("a b", "a/b", "é", "a%2Fb", "a;b")) {
                assertThat(UserLocations.usersUri(URI.create(base), site))
                        .as("%s and %s", base, site).isEqualTo(built(base, site));
            }
        }
        assertThat(UserLocations.usersUri(URI.create("http://h/"), "a/b"))
                .isEqualTo("http://h/c/a%2Fb/auth/scim/v2/Users");
    }

    @Test
    void theLocationsOfASitesUsersSitUnderItsUsers() {
        assertThat(UserLocations.under(UserLocations.usersUri(URI.create("https://h/app/"), "acme")).of("2819c223"))
                .isEqualTo("https://h/app/c/acme/auth/scim/v2/Users/2819c223");
    }

    private static String built(String base, String site) {
        return UriBuilder.fromUri(base).path(UsersResource.class).build(site).toString();
    }
}
