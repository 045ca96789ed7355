package dev.roster.scim.core.schema;

import static dev.roster.scim.core.schema.AttributeDefinition.binary;
import static dev.roster.scim.core.schema.AttributeDefinition.bool;
import static dev.roster.scim.core.schema.AttributeDefinition.complex;
import static dev.roster.scim.core.schema.AttributeDefinition.dateTime;
import static dev.roster.scim.core.schema.AttributeDefinition.reference;
import static dev.roster.scim.core.schema.AttributeDefinition.string;

import java.util.List;

/**
 * The schemas of the User resource as data: the core User schema (RFC 7643 §4.1), the Enterprise User extension
 * (§4.3), Roster's extension (the {@code stackUserType} attribute that Entra ID sends because it keeps
 * {@code userType} for itself, and the read-only {@code pending} mark of an identity that has not signed in yet)
 * and the common attributes {@code id}, {@code externalId} and {@code meta} (§3.1).
 */
public final class UserSchemas {

    /** The URN of the core User schema (RFC 7643 §8.7.1), which every User resource lists in {@code schemas}. */
    public static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    /** The URN of the Enterprise User extension (RFC 7643 §4.3). */
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /**
     * The URN of Roster's own User extension: {@code stackUserType} and {@code pending} (see
     * {@link #ROLE_EXTENSION_SCHEMA}).
     */
    public static final String ROLE_EXTENSION = "urn:ietf:params:scim:schemas:extension:roster:2.0:User";

    /** The sentence {@code /Schemas} uses to say which values a role attribute takes. */
    public static final String ROLE_VALUES_DESCRIPTION = "One of Registered, Moderator or Admin (any case).";

    /**
     * The core User schema (RFC 7643 §4.1 and §8.7.1) as Roster serves it: {@code userName} compares as an
     * identifier (ADR 014), {@code userType} holds the site role, {@code password} is accepted and discarded,
     * {@code groups} stays empty.
     */
    public static final SchemaDefinition CORE_USER_SCHEMA = new SchemaDefinition(CORE_USER, "User", "User Account",
            List.of(
                    string("userName").required().uniqueness(Uniqueness.SERVER).identifier()
                            .description("Unique identifier for the User, the display-name assertion of SSO sign-in.")
                            .build(),
                    complex("name",
                            string("formatted").description("The full name.").build(),
                            string("familyName").description("The family name.").build(),
                            string("givenName").description("The given name.").build(),
                            string("middleName").description("The middle name(s).").build(),
                            string("honorificPrefix").description("The honorific prefix(es).").build(),
                            string("honorificSuffix").description("The honorific suffix(es).").build())
                            .description("The components of the user's real name.").build(),
                    string("displayName").description("The name of the User, suitable for display.").build(),
                    string("nickName").description("The casual way to address the user.").build(),
                    reference("profileUrl", "external").description("A URI of the user's online profile.").build(),
                    string("title").description("The user's title.").build(),
                    string("userType").description("The user's role in this site. " + ROLE_VALUES_DESCRIPTION)
                            .canonicalValues("Registered", "Moderator", "Admin").build(),
                    string("preferredLanguage").description("The user's preferred written or spoken language.")
                            .build(),
                    string("locale").description("The user's default location.").build(),
                    string("timezone").description("The user's time zone in the IANA database format.").build(),
                    bool("active").description("The user's administrative status.").build(),
                    string("password").mutability(Mutability.WRITE_ONLY).returned(Returned.NEVER)
                            .description("Accepted and discarded: sign-in is by SSO, so no password is kept.").build(),
                    multiValuedComplex("emails", "Email addresses for the user.",
                            string("value").identifier().description("Email address for the user.").build(),
                            string("display").description("A human-readable name.").build(),
                            string("type").canonicalValues("work", "home", "other").build(),
                            bool("primary").build()),
                    multiValuedComplex("phoneNumbers", "Phone numbers for the user.",
                            string("value").build(),
                            string("display").build(),
                            string("type").canonicalValues("work", "home", "mobile", "fax", "pager", "other").build(),
                            bool("primary").build()),
                    multiValuedComplex("ims", "Instant messaging addresses for the user.",
                            string("value").build(),
                            string("display").build(),
                            string("type").canonicalValues("aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq",
                                    "yahoo").build(),
                            bool("primary").build()),
                    multiValuedComplex("photos", "URLs of photos of the user.",
                            reference("value", "external").build(),
                            string("display").build(),
                            string("type").canonicalValues("photo", "thumbnail").build(),
                            bool("primary").build()),
                    multiValuedComplex("addresses", "A physical mailing address for this user.",
                            string("formatted").build(),
                            string("streetAddress").build(),
                            string("locality").build(),
                            string("region").build(),
                            string("postalCode").build(),
                            string("country").build(),
                            string("type").canonicalValues("work", "home", "other").build(),
                            bool("primary").build()),
                    complex("groups",
                            string("value").mutability(Mutability.READ_ONLY).build(),
                            reference("$ref", "User", "Group").mutability(Mutability.READ_ONLY).build(),
                            string("display").mutability(Mutability.READ_ONLY).build(),
                            string("type").canonicalValues("direct", "indirect").mutability(Mutability.READ_ONLY)
                                    .build())
                            .multiValued().mutability(Mutability.READ_ONLY)
                            .description("Groups the user belongs to; this service provider has none.").build(),
                    multiValuedComplex("entitlements", "Entitlements of the user.",
                            string("value").build(),
                            string("display").build(),
                            string("type").build(),
                            bool("primary").build()),
                    multiValuedComplex("roles", "Roles of the user (informational; the site role is userType).",
                            string("value").build(),
                            string("display").build(),
                            string("type").build(),
                            bool("primary").build()),
                    multiValuedComplex("x509Certificates", "Certificates of the user.",
                            binary("value").build(),
                            string("display").build(),
                            string("type").build(),
                            bool("primary").build())));

    /** The Enterprise User extension (RFC 7643 §4.3), kept as the client sent it. */
    public static final SchemaDefinition ENTERPRISE_USER_SCHEMA = new SchemaDefinition(ENTERPRISE_USER,
            "EnterpriseUser", "Enterprise User",
            List.of(
                    string("employeeNumber").description("Numeric or alphanumeric identifier of the employee.")
                            .build(),
                    string("costCenter").description("Name of a cost center.").build(),
                    string("organization").description("Name of an organization.").build(),
                    string("division").description("Name of a division.").build(),
                    string("department").description("Name of a department.").build(),
                    complex("manager",
                            string("value").description("The id of the manager's User resource.").build(),
                            reference("$ref", "User").description("The URI of the manager's User resource.").build(),
                            string("displayName").mutability(Mutability.READ_ONLY).build())
                            .description("The user's manager.").build()));

    /** The attribute of {@link #ROLE_EXTENSION} that marks a pending identity. */
    public static final String PENDING_ATTRIBUTE = "pending";

    /**
     * Roster's extension: the write-only role alias {@code stackUserType} and the read-only {@code pending} mark of
     * an identity that has not signed in yet (ADR 012).
     */
    public static final SchemaDefinition ROLE_EXTENSION_SCHEMA = new SchemaDefinition(ROLE_EXTENSION, "RosterUser",
            "Roster's own User attributes: the site role, for identity providers that keep userType for themselves "
                    + "(Entra ID), and whether the user has signed in yet.",
            List.of(string("stackUserType").mutability(Mutability.WRITE_ONLY).returned(Returned.NEVER).canonicalValues("Registered", "Moderator", "Admin")
                    .description("Sets the user's role when the site lets SCIM manage roles. "
                            + ROLE_VALUES_DESCRIPTION)
                    .build(),
                    bool(PENDING_ATTRIBUTE).mutability(Mutability.READ_ONLY)
                            .description("true while the user is a pending identity: the identity provider "
                                    + "assigned them, but they have not signed in through SSO yet, so no account "
                                    + "exists. A 201 to POST /Users of someone who never signed in creates such an "
                                    + "identity; it takes PATCH, PUT and DELETE like any user. Their first SSO "
                                    + "sign-in creates the account from it, with the same id, and the attribute "
                                    + "disappears. A pending identity the identity provider deactivated cannot "
                                    + "sign in. Absent for every user who has signed in.")
                            .build()));

    /** The attributes every resource has (RFC 7643 §3.1); they belong to no schema's attribute list. */
    public static final List<AttributeDefinition> COMMON_ATTRIBUTES = List.of(
            string("id").caseExact().mutability(Mutability.READ_ONLY).returned(Returned.ALWAYS)
                    .uniqueness(Uniqueness.SERVER).description("Unique identifier assigned by the service provider.")
                    .build(),
            string("externalId").caseExact().description("Identifier assigned by the provisioning client.").build(),
            complex("meta",
                    string("resourceType").caseExact().mutability(Mutability.READ_ONLY).build(),
                    dateTime("created").mutability(Mutability.READ_ONLY).build(),
                    dateTime("lastModified").mutability(Mutability.READ_ONLY).build(),
                    reference("location", "uri").caseExact().mutability(Mutability.READ_ONLY).build(),
                    string("version").caseExact().mutability(Mutability.READ_ONLY).build())
                    .mutability(Mutability.READ_ONLY).description("Resource metadata.").build());

    /** The core schema first, then the extensions. */
    public static final List<SchemaDefinition> ALL = List.of(CORE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA,
            ROLE_EXTENSION_SCHEMA);

    private UserSchemas() {
    }

    private static AttributeDefinition multiValuedComplex(String name, String description,
                                                          AttributeDefinition... subAttributes) {
        return complex(name, subAttributes).multiValued().description(description).build();
    }
}
