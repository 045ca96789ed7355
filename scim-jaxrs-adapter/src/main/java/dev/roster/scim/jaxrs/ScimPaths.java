package dev.roster.scim.jaxrs;

/** Where the SCIM API lives, relative to the JAX-RS application's root: {@code /c/{site}/auth/scim/v2}. */
public final class ScimPaths {

    public static final String SITE_PARAMETER = "site";
    public static final String BASE = "c/{" + SITE_PARAMETER + "}/auth/scim/v2";

    private ScimPaths() {
    }
}
