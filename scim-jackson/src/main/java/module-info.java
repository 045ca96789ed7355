/**
 * JSON text and Jackson trees to and from the core's {@code ScimValue} tree, with limits on hostile input.
 *
 * <p>Jackson reads and writes trees only (no data binding of Roster's types), so nothing is opened to it.
 */
module dev.roster.scim.jackson {
    requires transitive dev.roster.scim.core;
    // ScimJson.fromJackson and toJackson take and return JsonNode.
    requires transitive com.fasterxml.jackson.databind;

    exports dev.roster.scim.jackson;
}
