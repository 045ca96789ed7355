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
 * <p>Roster implements it ({@code DiscoveryService}); the JAX-RS adapter's discovery resource calls it. The answers
 * are built once and immutable, so it is thread-safe and cheap to call per request.
 *
 * <pre>{@code
 * discovery.serviceProviderConfig().getObject("filter")   // {"supported": true, "maxResults": 200}
 * discovery.schema("urn:ietf:params:scim:schemas:core:2.0:User")
 * }</pre>
 */
public interface Discovery {

    /**
     * The ServiceProviderConfig, without anything site-specific.
     *
     * @return the resource: PATCH, filter ({@code maxResults} {@value ScimUsers#MAX_RESULTS}), sort, ETags, index
     *         and cursor paging (RFC 9865) and bearer tokens supported; bulk and password change not
     */
    ScimObject serviceProviderConfig();

    /**
     * The ServiceProviderConfig of a site whose creation policy is {@code creationPolicy}: the same, plus Roster's
     * extension {@code urn:ietf:params:scim:schemas:extension:roster:2.0:ServiceProviderConfig}, whose
     * {@code userCreation} ({@code pending}, {@code jit-only} or {@code allow}) and {@code userCreationDescription}
     * say what a {@code 201} to {@code POST /Users} means there.
     *
     * @param creationPolicy the site's effective policy, as {@link ScimUsers#creationPolicy} answers it
     * @return the resource with the extension
     */
    ScimObject serviceProviderConfig(CreationPolicy creationPolicy);

    /**
     * Every resource type, for {@code GET /ResourceTypes}.
     *
     * @return the resource types: {@code User} alone, with its core schema and two extensions (the enterprise
     *         User, and Roster's own extension with {@code stackUserType} and the {@code pending} mark)
     */
    List<ScimObject> resourceTypes();

    /**
     * The resource type of that id ({@code User}), in any case.
     *
     * @param id the resource type's id from the path
     * @return the resource type, or empty for an unknown id (the adapter answers 404)
     */
    Optional<ScimObject> resourceType(String id);

    /**
     * Every schema, for {@code GET /Schemas}.
     *
     * @return the core User schema, the enterprise User extension and Roster's own extension, with their
     *         attributes' definitions
     */
    List<ScimObject> schemas();

    /**
     * The schema of that URN, in any case.
     *
     * @param id the schema's URN from the path, e.g. {@code urn:ietf:params:scim:schemas:core:2.0:User}
     * @return the schema, or empty for an unknown URN (the adapter answers 404)
     */
    Optional<ScimObject> schema(String id);
}
