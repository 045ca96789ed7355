package dev.roster.scim.jaxrs;

import jakarta.ws.rs.core.MediaType;

/** The media types of SCIM (RFC 7644 §3.1, §8.1). */
public final class ScimMediaTypes {

    /** {@code application/scim+json}, for {@code @Produces} and {@code @Consumes}. */
    public static final String SCIM_JSON = "application/scim+json";

    /** {@link #SCIM_JSON} as a media type, for comparing with what a request accepts. */
    public static final MediaType SCIM_JSON_TYPE = new MediaType("application", "scim+json");

    private ScimMediaTypes() {
    }
}
