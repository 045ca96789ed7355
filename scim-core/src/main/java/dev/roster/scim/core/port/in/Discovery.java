package dev.roster.scim.core.port.in;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.CreationPolicy;

import java.util.List;
import java.util.Optional;

/**
 * The discovery endpoints of RFC 7644 §4, as resources of RFC 7643 §5 (ServiceProviderConfig), §6 (ResourceType)
 * and §7 (Schema). They are the same for every site, except for what ServiceProviderConfig says about creating
 * users, which follows the site's creation policy. {@code meta.location} is left to the adapter, which knows the
 * base URL, as it is for users.
 *
 * <pre>{@code
 * discovery.serviceProviderConfig().getObject("filter")   // {"supported": true, "maxResults": 200}
 * discovery.schema("urn:ietf:params:scim:schemas:core:2.0:User")
 * }</pre>
 */
public interface Discovery {

    /** The ServiceProviderConfig, without anything site-specific. */
    ScimObject serviceProviderConfig();

    /**
     * The ServiceProviderConfig of a site whose creation policy is {@code creationPolicy}: the same, plus Roster's
     * extension {@code urn:ietf:params:scim:schemas:extension:roster:2.0:ServiceProviderConfig}, whose
     * {@code userCreation} ({@code pending}, {@code jit-only} or {@code allow}) and {@code userCreationDescription}
     * say what a {@code 201} to {@code POST /Users} means there.
     */
    ScimObject serviceProviderConfig(CreationPolicy creationPolicy);

    List<ScimObject> resourceTypes();

    /** The resource type of that id ({@code User}), in any case. */
    Optional<ScimObject> resourceType(String id);

    List<ScimObject> schemas();

    /** The schema of that URN, in any case. */
    Optional<ScimObject> schema(String id);
}
