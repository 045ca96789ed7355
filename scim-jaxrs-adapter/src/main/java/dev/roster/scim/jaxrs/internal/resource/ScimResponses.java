package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import jakarta.ws.rs.core.EntityTag;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Renders the core's results as SCIM JSON: resources with {@code meta.location}, ListResponses, ETags. */
final class ScimResponses {

    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ScimResponses() {
    }

    static ScimObject withLocation(ScimObject resource, URI location) {
        return UserResources.withLocation(resource, location.toString());
    }

    /** A ListResponse (RFC 7644 §3.4.2); with {@code count=0} only the totals, no {@code Resources}. */
    static ScimObject listResponse(long totalResults, int startIndex, List<? extends ScimValue> resources,
                                   boolean totalsOnly) {
        return listResponse(totalResults, startIndex, Optional.empty(), resources, totalsOnly);
    }

    /**
     * A page read by cursor has no {@code startIndex} but its {@code nextCursor} and {@code previousCursor}
     * (RFC 9865 §2), each left out when there is no such page.
     */
    static ScimObject listResponse(long totalResults, int startIndex, Optional<UserPage.Cursors> cursors,
                                   List<? extends ScimValue> resources, boolean totalsOnly) {
        ScimObject.Builder list = ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of(LIST_RESPONSE)))
                .put("totalResults", ScimValue.of(totalResults));
        if (cursors.isEmpty()) {
            list.put("startIndex", ScimValue.of(startIndex));
        }
        list.put("itemsPerPage", ScimValue.of(resources.size()));
        cursors.flatMap(UserPage.Cursors::next).ifPresent(next -> list.put("nextCursor", next));
        cursors.flatMap(UserPage.Cursors::previous).ifPresent(previous -> list.put("previousCursor", previous));
        if (!totalsOnly) {
            list.put("Resources", new ScimArray(List.copyOf(resources)));
        }
        return list.build();
    }

    static EntityTag etag(User user) {
        return etag(user.version());
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version), true);
    }

}
