package dev.roster.scim.testkit;

import java.util.List;
import java.util.Objects;

/**
 * Filters (RFC 7644 §3.4.2.2) with the users of {@link UserStoreContract#population()} each must find, written out
 * by hand so that the evaluator is checked too, not trusted. Ids are in ascending order, as a search without
 * {@code sortBy} returns them. The hidden u12 never appears: searches leave SCIM-deleted users out.
 *
 * <p>The population, in short:
 * <pre>
 * u01 ann          Admin, active, externalId ext-ann, "Ann Lee", Ann Lee, work ann@example.com (primary) and home
 *                  ann.lee@home.example, title Engineer, enterprise 1001 / R&amp;D / manager u03, modified 01-05
 * u02 Bob          Moderator, externalId EXT-BOB, Bob Brown, bob@example.org, title engineer, department Sales
 * u03 ÉMILE        inactive, Émile Zola, EMILE@EXAMPLE.COM, created 01-03 10:00:00.500, modified 02-01
 * u04 emile        displayName émile, nothing else
 * u05 straße       displayName Straße, strasse@example.de
 * u06 percent%user title "100% done", percent@example.com
 * u07 under_score  title a_b
 * u08 back\slash   title C:\temp
 * u09 multi        Moderator, Multi Mail, m1@example.com (work), m2@Example.COM (home, primary), m3@other.net
 * u10 noone        inactive, nothing else
 * u11 admin2       Admin, inactive, admin2@example.com, title Boss
 * u12 hidden       SCIM-deleted, title Engineer
 * u13 quote"d      displayName Quote "D"
 * u14 Zed          Admin, title "" (empty: not present), enterprise 42 / r&amp;d
 * u15 carl         externalId ext-carl, Carl Sagan (formatted too), nickName Carlos, carl@example.com,
 *                  modified 03-01 12:00:00.123
 * u16 dana         displayName DANA, family name Lee, dana@example.org
 * </pre>
 * Users are created on 2026-01-DD at 10:00 UTC, DD being their number; all are Registered and active unless said.
 */
public final class FilterCorpus {

    /**
     * One filter and the ids of the users it finds.
     *
     * @param filter      the filter, as a client writes it in {@code ?filter=}
     * @param expectedIds the ids of the {@link UserStoreContract#population()} users it finds, in any order
     */
    public record Case(String filter, List<String> expectedIds) {
        /**
         * A case.
         *
         * @param filter      the filter
         * @param expectedIds the ids of the users it finds
         * @throws NullPointerException if either is null
         */
        public Case {
            Objects.requireNonNull(filter, "filter");
            expectedIds = List.copyOf(expectedIds);
        }
    }

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";

    /** Every case, grouped by the attribute or rule they are there for. */
    public static final List<Case> CASES = List.of(
            // userName: compared by the identifier profile's key (ADR 014): case, width and NFC, no wildcards
            matches("userName eq \"ann\"", "u01"),
            matches("userName eq \"ANN\"", "u01"),
            matches("USERNAME EQ \"ann\"", "u01"),
            matches("userName eq \"bob\"", "u02"),
            matches("userName eq \"émile\"", "u03"),
            matches("userName eq \"ÉMILE\"", "u03"),
            matches("userName eq \"e\u0301mile\"", "u03"),
            matches("userName eq \"emile\"", "u04"),
            matches("userName eq \"STRASSE\""),
            matches("userName eq \"strasse\""),
            matches("userName eq \"STRAßE\"", "u05"),
            matches("userName eq \"STRAẞE\"", "u05"),
            matches("userName eq \"ＡＮＮ\"", "u01"),
            matches("userName eq \"аnn\""),
            matches("userName eq \"Kmile\""),
            matches("userName eq \"ı̇mile\""),
            matches("userName eq \"percent%user\"", "u06"),
            matches("userName eq \"percent_user\""),
            matches("userName eq \"under_score\"", "u07"),
            matches("userName eq \"underXscore\""),
            matches("userName eq \"back\\\\slash\"", "u08"),
            matches("userName eq \"quote\\\"d\"", "u13"),
            matches("userName eq \"hidden\""),
            matches("userName eq \"nobody\""),
            matches("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bob\"", "u02"),
            matches("userName ne \"ann\"",
                    "u02", "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10", "u11", "u13", "u14", "u15", "u16"),
            matches("userName co \"%\"", "u06"),
            matches("userName co \"_\"", "u07"),
            matches("userName co \"\\\\\"", "u08"),
            matches("userName co \"ss\""),
            matches("userName co \"ß\"", "u05"),
            matches("userName co \"E\"", "u03", "u04", "u05", "u06", "u07", "u10", "u13", "u14"),
            matches("userName sw \"A\"", "u01", "u11"),
            matches("userName sw \"é\"", "u03"),
            matches("userName sw \"ÉM\"", "u03"),
            matches("userName sw \"e\"", "u04"),
            matches("userName sw \"percent%\"", "u06"),
            matches("userName ew \"E\"", "u03", "u04", "u05", "u07", "u10"),
            matches("userName ew \"%user\"", "u06"),
            // ordering compares folded text by code point
            matches("userName gt \"m\"", "u03", "u05", "u06", "u07", "u09", "u10", "u13", "u14"),
            matches("userName lt \"b\"", "u01", "u11"),
            matches("userName le \"bob\"", "u01", "u02", "u08", "u11"),
            matches("userName ge \"zed\"", "u03", "u14"),
            // name, displayName and other core strings
            matches("name.familyName eq \"lee\"", "u01", "u16"),
            matches("name.givenName sw \"é\"", "u03"),
            matches("name.formatted eq \"carl sagan\"", "u15"),
            matches("name.familyName pr", "u01", "u02", "u03", "u09", "u15", "u16"),
            matches("not (name.familyName pr)", "u04", "u05", "u06", "u07", "u08", "u10", "u11", "u13", "u14"),
            matches("name pr", "u01", "u02", "u03", "u09", "u15", "u16"),
            matches("name[givenName eq \"ann\"]", "u01"),
            matches("displayName eq \"ÉMILE\"", "u04"),
            matches("displayName eq \"dana\"", "u16"),
            matches("displayName pr", "u01", "u04", "u05", "u13", "u16"),
            matches("displayName ne null", "u01", "u04", "u05", "u13", "u16"),
            matches("displayName co \"\\\"\"", "u13"),
            matches("nickName eq \"CARLOS\"", "u15"),
            // title: absent and empty values, % _ \ as plain characters
            matches("title eq \"engineer\"", "u01", "u02"),
            matches("title pr", "u01", "u02", "u06", "u07", "u08", "u11"),
            matches("not (title pr)", "u03", "u04", "u05", "u09", "u10", "u13", "u14", "u15", "u16"),
            matches("title eq null", "u03", "u04", "u05", "u09", "u10", "u13", "u14", "u15", "u16"),
            matches("title ne \"engineer\"",
                    "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10", "u11", "u13", "u14", "u15", "u16"),
            matches("title co \"%\"", "u06"),
            matches("title co \"_\"", "u07"),
            matches("title sw \"100%\"", "u06"),
            matches("title eq \"c:\\\\temp\"", "u08"),
            matches("title co \"\\\\\"", "u08"),
            // emails: multi-valued, value filters, Entra ID's form
            matches("emails pr", "u01", "u02", "u03", "u05", "u06", "u09", "u11", "u15", "u16"),
            matches("not (emails pr)", "u04", "u07", "u08", "u10", "u13", "u14"),
            matches("emails.value eq \"emile@example.com\"", "u03"),
            matches("emails.value eq \"M2@EXAMPLE.com\"", "u09"),
            matches("emails.value co \"@example.com\"", "u01", "u03", "u06", "u09", "u11", "u15"),
            matches("emails co \"example.org\"", "u02", "u16"),
            matches("emails.value ew \".net\"", "u09"),
            matches("emails.type eq \"home\"", "u01", "u09"),
            matches("emails.primary eq true", "u01", "u02", "u03", "u05", "u06", "u09", "u11", "u15", "u16"),
            matches("emails[type eq \"work\"]", "u01", "u02", "u03", "u05", "u06", "u09", "u11", "u15", "u16"),
            matches("emails[type eq \"work\" and primary eq true]",
                    "u01", "u02", "u03", "u05", "u06", "u11", "u15", "u16"),
            matches("emails[type eq \"home\" and value co \"example.com\"]", "u09"),
            matches("emails.type eq \"home\" and emails.value co \"other.net\"", "u09"),
            matches("emails[type eq \"home\" and value co \"other.net\"]"),
            matches("emails[not (type eq \"work\")]", "u01", "u09"),
            matches("emails[type eq \"work\"].value eq \"ann@example.com\"", "u01"),
            matches("emails[type eq \"work\"].value eq \"m1@example.com\"", "u09"),
            matches("emails[type eq \"work\"] and not (emails[type eq \"home\"])",
                    "u02", "u03", "u05", "u06", "u11", "u15", "u16"),
            // role and status
            matches("userType eq \"admin\"", "u01", "u11", "u14"),
            matches("userType eq \"Admin\" and active eq true", "u01", "u14"),
            matches("userType ne \"Registered\"", "u01", "u02", "u09", "u11", "u14"),
            matches("active eq true",
                    "u01", "u02", "u04", "u05", "u06", "u07", "u08", "u09", "u13", "u14", "u15", "u16"),
            matches("active eq \"true\"",
                    "u01", "u02", "u04", "u05", "u06", "u07", "u08", "u09", "u13", "u14", "u15", "u16"),
            matches("active eq false", "u03", "u10", "u11"),
            matches("active ne true", "u03", "u10", "u11"),
            matches("not (active eq true)", "u03", "u10", "u11"),
            // id and externalId are caseExact
            matches("id eq \"u05\"", "u05"),
            matches("id eq \"U05\""),
            matches("id eq \"u12\""),
            matches("externalId eq \"ext-ann\"", "u01"),
            matches("externalId eq \"EXT-ANN\""),
            matches("externalId eq \"EXT-BOB\"", "u02"),
            matches("externalId sw \"ext-\"", "u01", "u15"),
            matches("externalId pr", "u01", "u02", "u15"),
            // the enterprise extension, by URN
            matches(ENTERPRISE + "department eq \"r&d\"", "u01", "u14"),
            matches(ENTERPRISE + "employeeNumber pr", "u01", "u14"),
            matches(ENTERPRISE + "employeeNumber eq \"42\"", "u14"),
            matches(ENTERPRISE + "manager.value eq \"u03\"", "u01"),
            matches(ENTERPRISE + "department ne \"sales\"",
                    "u01", "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10", "u11", "u13", "u14", "u15", "u16"),
            // times, compared as instants to the millisecond
            matches("meta.created gt \"2026-01-03T10:00:00Z\"",
                    "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10", "u11", "u13", "u14", "u15", "u16"),
            matches("meta.created ge \"2026-01-03T10:00:00.500Z\"",
                    "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10", "u11", "u13", "u14", "u15", "u16"),
            matches("meta.created lt \"2026-01-03T10:00:00.500Z\"", "u01", "u02"),
            matches("meta.created eq \"2026-01-03T10:00:00.5Z\"", "u03"),
            matches("meta.created gt \"2026-01-10T10:00:00+01:00\"", "u10", "u11", "u13", "u14", "u15", "u16"),
            matches("meta.lastModified gt \"2026-01-31T00:00:00Z\"", "u03", "u15"),
            matches("meta.lastModified ge \"2026-03-01T12:00:00.123Z\"", "u15"),
            matches("meta.lastModified gt \"2026-03-01T12:00:00.123Z\""),
            matches("meta.created pr",
                    "u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10", "u11", "u13", "u14", "u15",
                    "u16"),
            // logic and precedence: not > and > or
            matches("userName eq \"ann\" or userName eq \"bob\"", "u01", "u02"),
            matches("userName eq \"ann\" and userName eq \"bob\""),
            matches("title eq \"engineer\" and not (userType eq \"Admin\")", "u02"),
            matches("userType eq \"Admin\" or userType eq \"Moderator\" and active eq false", "u01", "u11", "u14"),
            matches("(userType eq \"Admin\" or userType eq \"Moderator\") and active eq false", "u11"),
            matches("not (userName sw \"a\" or userName sw \"b\")",
                    "u03", "u04", "u05", "u06", "u07", "u09", "u10", "u13", "u14", "u15", "u16"),
            matches("name.givenName eq \"carl\" and emails[type eq \"work\" and value ew \"example.com\"]", "u15"),
            matches("active eq true and emails.value ew \"example.org\"", "u02", "u16"),
            // attributes this server does not know, or never returns, have no value
            matches("unknownAttribute eq \"x\""),
            matches("unknownAttribute ne \"x\"",
                    "u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10", "u11", "u13", "u14", "u15",
                    "u16"),
            matches("unknownAttribute pr"),
            matches("password pr"));

    private FilterCorpus() {
    }

    private static Case matches(String filter, String... expectedIds) {
        return new Case(filter, List.of(expectedIds));
    }
}
