package dev.roster.scim.server.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@link AdminEndpoint} method that takes no credentials because it is where they are handed in (sign-in) or
 * given up (sign-out). The same-origin rule and the response headers still apply.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface WithoutCredentials {
}
