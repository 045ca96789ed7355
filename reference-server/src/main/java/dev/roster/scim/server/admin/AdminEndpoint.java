package dev.roster.scim.server.admin;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the admin API, its sign-in session and the SSO sign-in simulation: same-origin writes only, the admin's
 * session cookie or HTTP Basic credentials (except where {@link WithoutCredentials}), no caching.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminEndpoint {
}
