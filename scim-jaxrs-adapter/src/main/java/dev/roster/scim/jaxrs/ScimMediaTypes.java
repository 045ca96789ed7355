package dev.roster.scim.jaxrs;

import jakarta.ws.rs.core.MediaType;

/** The media types of SCIM (RFC 7644 §3.1, §8.1). */
public final class ScimMediaTypes {

    public static final String SCIM_JSON = "application/scim+json";
    public static final MediaType SCIM_JSON_TYPE = new MediaType("application", "scim+json");

    private ScimMediaTypes() {
    }
}
