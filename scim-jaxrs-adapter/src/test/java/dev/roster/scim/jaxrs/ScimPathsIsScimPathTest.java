package dev.roster.scim.jaxrs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which paths lie under a site's SCIM base, pinned to the regular expression the check was first written as
 * (ADR 051 reads it by hand): every path of up to five pieces from an alphabet of the base's parts and of the
 * characters the expression treats apart gets the same answer from both.
 */
class ScimPathsIsScimPathTest {

    private static final Pattern FIRST_DEFINITION = Pattern.compile("/?c/[^/]+/auth/scim/v2(/.*)?");
    private static final List<String> PIECES = List.of("/", "c", "c/", "acme", "/auth/scim/v2", "auth", "scim",
            "v2", "Users", "\n", "\r", "\u2028", "\u0085", "é", "//");

    @Test
    void answersAsTheRegularExpressionForEveryPathOfUpToFivePieces() {
        int[] checked = {0};
        paths("", 5, path -> {
            assertThat(ScimPaths.isScimPath(path)).as("%s", path.replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(FIRST_DEFINITION.matcher(path).matches());
            checked[0]++;
        });
        assertThat(checked[0]).isGreaterThan(700_000);
    }

    @Test
    void theBaseAndWhatLiesBelowItAreScimPaths() {
        assertThat(ScimPaths.isScimPath("c/acme/auth/scim/v2")).isTrue();
        assertThat(ScimPaths.isScimPath("/c/acme/auth/scim/v2/")).isTrue();
        assertThat(ScimPaths.isScimPath("c/acme/auth/scim/v2/Users/42")).isTrue();
        assertThat(ScimPaths.isScimPath("c//auth/scim/v2")).isFalse();
        assertThat(ScimPaths.isScimPath("c/acme/auth/scim/v2x")).isFalse();
        assertThat(ScimPaths.isScimPath("c/acme/auth/scim/v2/Users\n")).isFalse();
        assertThat(ScimPaths.isScimPath("admin/c/acme/auth/scim/v2")).isFalse();
    }

    private static void paths(String prefix, int pieces, java.util.function.Consumer<String> check) {
        check.accept(prefix);
        if (pieces == 0) {
            return;
        }
        for (String piece : PIECES) {
            paths(prefix + piece, pieces - 1, check);
        }
    }
}
