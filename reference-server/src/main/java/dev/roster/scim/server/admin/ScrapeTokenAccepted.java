package dev.roster.scim.server.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An {@link AdminEndpoint} method that the {@link MetricsToken} opens as well as the admin's credentials. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ScrapeTokenAccepted {
}
