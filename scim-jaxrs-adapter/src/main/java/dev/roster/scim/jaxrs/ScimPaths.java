package dev.roster.scim.jaxrs;

/** Where the SCIM API lives, relative to the JAX-RS application's root: {@code /c/{site}/auth/scim/v2}. */
public final class ScimPaths {

    public static final String SITE_PARAMETER = "site";
    public static final String BASE = "c/{" + SITE_PARAMETER + "}/auth/scim/v2";

    private static final java.util.regex.Pattern SCIM_PATH = java.util.regex.Pattern.compile(
            "/?c/[^/]+/auth/scim/v2(/.*)?");

    private ScimPaths() {
    }

    /** Whether a path relative to the application's root lies under a site's SCIM base. */
    public static boolean isScimPath(String path) {
        return SCIM_PATH.matcher(path).matches();
    }
}
