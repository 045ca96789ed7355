package dev.roster.scim.jaxrs.internal.resource;

import jakarta.ws.rs.core.UriBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users' base URI put together without a {@code UriBuilder} is the one the builder makes from the template, and
 * a remembered one is the one it would make now.
 */
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

    @Test
    void theUnreservedTableIsRfc3986sSet() {
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertThat(UserLocations.isUnreserved(c)).as("character %d", c).isEqualTo(unreserved.indexOf(c) >= 0);
        }
        assertThat(UserLocations.isUnreserved(-1)).isFalse();
    }

    @Test
    void aRememberedBaseFollowsTheBaseUriAndTheSiteItIsMadeOf() {
        RecentLocations recent = new RecentLocations(4);
        List<String> sites = List.of("acme", "acme2", "Acme", "a b", "é");
        // more keys than slots, asked for again and again in an order that makes them collide and evict each other
        for (int round = 0; round < 3; round++) {
            for (String base : BASES) {
                for (String site : sites) {
                    assertThat(recent.of(URI.create(base), site).of("u1"))
                            .as("%s and %s", base, site).isEqualTo(built(base, site) + "/u1");
                }
            }
        }
        // another Host (or public URL) with the same site, and back: never the other's base
        assertThat(recent.of(URI.create("http://one.example/"), "acme").of("u1"))
                .isEqualTo("http://one.example/c/acme/auth/scim/v2/Users/u1");
        assertThat(recent.of(URI.create("http://two.example/"), "acme").of("u1"))
                .isEqualTo("http://two.example/c/acme/auth/scim/v2/Users/u1");
        assertThat(recent.of(URI.create("http://ONE.example/"), "acme").of("u1"))
                .isEqualTo("http://ONE.example/c/acme/auth/scim/v2/Users/u1");
        assertThat(recent.of(URI.create("http://one.example/"), "acme").of("u1"))
                .isEqualTo("http://one.example/c/acme/auth/scim/v2/Users/u1");
    }

    @Test
    void aRememberedBaseIsReused() {
        RecentLocations recent = new RecentLocations(256);
        UserLocations first = recent.of(URI.create("https://h/app/"), "acme");

        assertThat(recent.of(URI.create("https://h/app/"), "acme")).isSameAs(first);
        assertThat(recent.of(URI.create("https://h/app/"), "acme-2")).isNotSameAs(first);
    }

    private static String built(String base, String site) {
        return UriBuilder.fromUri(base).path(UsersResource.class).build(site).toString();
    }
}
