package dev.roster.scim.jaxrs;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which paths name a site's SCIM base, read from the path's segments as Jersey gives them. */
class ScimPathsSiteSegmentTest {

    @Test
    void aPathUnderASitesBaseNamesTheSite() {
        assertThat(ScimPaths.siteSegment(segments("c", "acme", "auth", "scim", "v2"))).contains("acme");
        assertThat(ScimPaths.siteSegment(segments("c", "acme", "auth", "scim", "v2", "Users", "42"))).contains("acme");
        assertThat(ScimPaths.siteSegment(segments("", "c", "acme", "auth", "scim", "v2", "Users"))).contains("acme");
    }

    @Test
    void anyOtherPathNamesNoSite() {
        assertThat(ScimPaths.siteSegment(segments())).isEmpty();
        assertThat(ScimPaths.siteSegment(segments(""))).isEmpty();
        assertThat(ScimPaths.siteSegment(segments("c", "acme", "auth", "scim"))).isEmpty();
        assertThat(ScimPaths.siteSegment(segments("c", "acme", "auth", "scim", "v1", "Users"))).isEmpty();
        assertThat(ScimPaths.siteSegment(segments("x", "acme", "auth", "scim", "v2"))).isEmpty();
        assertThat(ScimPaths.siteSegment(segments("c", "acme", "login", "scim", "v2"))).isEmpty();
        assertThat(ScimPaths.siteSegment(segments("admin", "c", "acme", "auth", "scim", "v2"))).isEmpty();
    }

    private static List<PathSegment> segments(String... paths) {
        return Arrays.stream(paths).map(Segment::new).map(PathSegment.class::cast).toList();
    }

    private record Segment(String getPath) implements PathSegment {
        @Override
        public MultivaluedMap<String, String> getMatrixParameters() {
            return new MultivaluedHashMap<>();
        }
    }
}
