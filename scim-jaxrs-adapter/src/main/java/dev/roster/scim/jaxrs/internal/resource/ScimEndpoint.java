package dev.roster.scim.jaxrs.internal.resource;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resources under the SCIM base, so that the adapter's filters after matching (the bearer-token backstop,
 * the default content type) apply to them and nothing else.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ScimEndpoint {
}
