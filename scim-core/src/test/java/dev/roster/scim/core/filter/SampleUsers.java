package dev.roster.scim.core.filter;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.List;

/** A few User resources, as full SCIM JSON, that between them exercise every filter rule. */
final class SampleUsers {

    /** Everything filled in: case-folding name, two emails (work primary), enterprise extension, certificate. */
    static final ScimObject EMILE = ScimObject.builder()
            .put("schemas", ScimArray.of(ScimValue.of(UserSchemas.CORE_USER), ScimValue.of(UserSchemas.ENTERPRISE_USER)))
            .put("id", "id-emile")
            .put("externalId", "Ext-1")
            .put("userName", "émile")
            .put("name", ScimObject.builder().put("givenName", "Émile").put("familyName", "Zola").build())
            .put("displayName", "Émile Zola")
            .put("profileUrl", "https://Example.com/emile")
            .put("title", "Writer")
            .put("userType", "Admin")
            .put("active", true)
            .put("password", "secret")
            .put("emails", ScimArray.of(
                    email("emile@work.example.com", "work", true),
                    email("emile@home.example.org", "home", false)))
            .put("x509Certificates", ScimArray.of(ScimObject.builder().put("value", "TUlJQ0lq").build()))
            .put(UserSchemas.ENTERPRISE_USER, ScimObject.builder()
                    .put("department", "Tour")
                    .put("manager", ScimObject.builder().put("value", "42").put("displayName", "Boss").build())
                    .build())
            .put(UserSchemas.ROLE_EXTENSION, ScimObject.builder().put("stackUserType", "Admin").build())
            .put("meta", meta("2011-05-13T04:42:34Z", "2024-01-10T10:00:00Z"))
            .build();

    /** Nulls and empties: title null, no phone numbers, created with a +02:00 offset. */
    static final ScimObject ANN = ScimObject.builder()
            .put("schemas", ScimArray.of(ScimValue.of(UserSchemas.CORE_USER)))
            .put("id", "id-ann")
            .put("userName", "ann")
            .put("name", ScimObject.builder().put("givenName", "Ann").put("familyName", "Lee").build())
            .put("title", ScimValue.nullValue())
            .put("active", false)
            .put("phoneNumbers", ScimArray.EMPTY)
            .put("emails", ScimArray.of(email("ann@example.com", "work", false), ScimValue.nullValue()))
            .put("meta", meta("2020-01-01T00:00:00+02:00", "2023-06-01T00:00:00Z"))
            .build();

    /** Odd data: upper-case name, empty title and name, an email without value, active stored as a string. */
    static final ScimObject BOB = ScimObject.builder()
            .put("id", "id-bob")
            .put("externalId", "ext-1")
            .put("userName", "BOB")
            .put("title", "")
            .put("name", ScimObject.EMPTY)
            .put("active", "True")
            .put("emails", ScimArray.of(ScimObject.builder().put("type", "work").build(), ScimObject.EMPTY))
            .put("meta", meta("2019-12-31T23:00:00Z", "not a time"))
            .build();

    /** Almost nothing. */
    static final ScimObject ZED = ScimObject.builder().put("id", "id-zed").put("userName", "zed").build();

    static final List<ScimObject> ALL = List.of(EMILE, ANN, BOB, ZED);

    private SampleUsers() {
    }

    static ScimObject email(String value, String type, boolean primary) {
        return ScimObject.builder().put("value", value).put("type", type).put("primary", primary).build();
    }

    static ScimObject meta(String created, String lastModified) {
        return ScimObject.builder().put("resourceType", "User").put("created", created)
                .put("lastModified", lastModified).build();
    }

    static String userName(ScimObject user) {
        return user.getString("userName").orElseThrow();
    }
}
