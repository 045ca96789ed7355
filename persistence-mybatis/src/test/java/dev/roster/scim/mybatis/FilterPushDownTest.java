package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.email;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withDisplayName;
import static dev.roster.scim.mybatis.TestUsers.withEmails;
import static dev.roster.scim.mybatis.TestUsers.withExternalId;
import static dev.roster.scim.mybatis.TestUsers.withName;
import static dev.roster.scim.mybatis.TestUsers.withTimes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterEvaluator;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.schema.UserSchemas;
import dev.roster.scim.mybatis.internal.sql.FilterToSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every pushable attribute with every operator, and/or/not, absent attributes and value paths, answered by SQL
 * alone: the database is opened without any in-memory evaluation, so a filter that was not pushed down fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterPushDownTest {

    private static final Instant H1 = T0.plus(Duration.ofHours(1));
    private static final Instant H2 = T0.plus(Duration.ofHours(2));
    private static final Instant H3 = T0.plus(Duration.ofHours(3));
    private static final Instant D1 = T0.plus(Duration.ofDays(1));

    @TempDir
    static Path directory;

    private RosterDatabase database;

    /** The database the cases run on; PostgresFilterPushDownTest runs them on PostgreSQL. */
    RosterDatabase open() {
        return RosterDatabase.open(directory.resolve("roster.db"), InMemoryFiltering.CORE);
    }

    /** One database for all cases: each case only reads. */
    @BeforeAll
    void fourUsers() {
        database = open();
        User ann = withTimes(withEmails(withName(withDisplayName(withExternalId(
                user("u1", "Ann.Smith"), "EXT-1"), "Ann Smith"), "Ann", "Smith"),
                email("ann@Example.org", "work", true), email("ann.home@x.org", "home", false)), T0, D1)
                .withRole(Role.ADMIN);
        User bob = withTimes(withEmails(withName(withDisplayName(withExternalId(
                user("u2", "bob"), "ext-1"), "Bob"), "Bob", null),
                email("bob@x.org", null, false)), H1, H1)
                .withActive(false);
        User emile = withTimes(user("u3", "Émile"), H2, H2).withRole(Role.MODERATOR);
        User wildcards = withTimes(withDisplayName(withExternalId(
                user("u4", "pct%_\\x"), "a%b_c\\d"), "100% real_deal\\path"), H3, H3);
        // A pending identity, which only the queries that include pending identities see.
        User pending = withTimes(user("u5", "dan"), H3, H3).withPending(true);
        List.of(ann, bob, emile, wildcards, pending).forEach(u -> database.userStore().insert(ACME, u));
    }

    @AfterAll
    void closeDatabase() {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filterIsAnsweredInSql(String description, Filter filter, List<String> expectedIds) {
        assertThat(FilterToSql.translate(database.dialect(), ACME, filter)).as("pushed down whole").isPresent();

        List<String> ids = database.userStore().search(ACME, UserQuery.filtered(filter, 1, 100)).users().stream()
                .map(User::id)
                .toList();

        assertThat(ids).containsExactlyElementsOf(expectedIds);
        assertThat(database.userStore().search(ACME, UserQuery.filtered(filter, 1, 0)).totalResults())
                .isEqualTo(expectedIds.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pending eq true | u5",
            "pending pr | u5",
            "pending eq false | ''",
            "pending ne true | u1 u2 u3 u4",
            "not (pending pr) | u1 u2 u3 u4",
            "pending eq true and userName eq \"DAN\" | u5"})
    void rostersPendingMarkIsAnsweredInSqlAsTheRepresentationShowsIt(String filter, String expected) {
        Filter parsed = FilterParser.parse(filter.replace("pending", UserSchemas.ROLE_EXTENSION + ":pending"));
        assertThat(FilterToSql.translate(database.dialect(), ACME, parsed)).as("pushed down whole").isPresent();

        List<String> ids = database.userStore().search(ACME, UserQuery.filtered(parsed, 1, 100)
                .withPending(UserQuery.Pending.INCLUDED)).users().stream().map(User::id).toList();

        assertThat(ids).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // id: caseExact
                c("id eq u1", cmp("id", CompareOp.EQ, "u1"), "u1"),
                c("id eq U1 is case-exact", cmp("id", CompareOp.EQ, "U1")),
                c("id ne u1", cmp("id", CompareOp.NE, "u1"), "u2", "u3", "u4"),
                c("id co 1", cmp("id", CompareOp.CO, "1"), "u1"),
                c("id co U is case-exact", cmp("id", CompareOp.CO, "U")),
                c("id sw u", cmp("id", CompareOp.SW, "u"), "u1", "u2", "u3", "u4"),
                c("id ew 4", cmp("id", CompareOp.EW, "4"), "u4"),
                c("id gt u2", cmp("id", CompareOp.GT, "u2"), "u3", "u4"),
                c("id ge u2", cmp("id", CompareOp.GE, "u2"), "u2", "u3", "u4"),
                c("id lt u2", cmp("id", CompareOp.LT, "u2"), "u1"),
                c("id le u2", cmp("id", CompareOp.LE, "u2"), "u1", "u2"),
                c("id pr", pr("id"), "u1", "u2", "u3", "u4"),
                // externalId: caseExact, absent on u3
                c("externalId eq EXT-1", cmp("externalId", CompareOp.EQ, "EXT-1"), "u1"),
                c("externalId eq ext-1", cmp("externalId", CompareOp.EQ, "ext-1"), "u2"),
                c("externalId ne EXT-1 holds for absent", cmp("externalId", CompareOp.NE, "EXT-1"), "u2", "u3", "u4"),
                c("externalId co XT", cmp("externalId", CompareOp.CO, "XT"), "u1"),
                c("externalId co xt", cmp("externalId", CompareOp.CO, "xt"), "u2"),
                c("externalId sw EXT", cmp("externalId", CompareOp.SW, "EXT"), "u1"),
                c("externalId ew -1", cmp("externalId", CompareOp.EW, "-1"), "u1", "u2"),
                c("externalId ew empty", cmp("externalId", CompareOp.EW, ""), "u1", "u2", "u4"),
                c("externalId co empty", cmp("externalId", CompareOp.CO, ""), "u1", "u2", "u4"),
                c("externalId gt E", cmp("externalId", CompareOp.GT, "E"), "u1", "u2", "u4"),
                c("externalId lt a", cmp("externalId", CompareOp.LT, "a"), "u1"),
                c("externalId ge ext-1", cmp("externalId", CompareOp.GE, "ext-1"), "u2"),
                c("externalId le EXT-1", cmp("externalId", CompareOp.LE, "EXT-1"), "u1"),
                c("externalId pr", pr("externalId"), "u1", "u2", "u4"),
                c("externalId eq null matches absent", cmpNull("externalId"), "u3"),
                c("externalId co % is literal", cmp("externalId", CompareOp.CO, "%"), "u4"),
                c("externalId co _ is literal", cmp("externalId", CompareOp.CO, "_"), "u4"),
                c("externalId co backslash is literal", cmp("externalId", CompareOp.CO, "\\"), "u4"),
                // userName: case-insensitive, folded
                c("userName eq ann.smith", cmp("userName", CompareOp.EQ, "ann.smith"), "u1"),
                c("userName eq ÉMILE", cmp("userName", CompareOp.EQ, "ÉMILE"), "u3"),
                c("userName eq émile", cmp("userName", CompareOp.EQ, "émile"), "u3"),
                c("userName eq emile is not émile", cmp("userName", CompareOp.EQ, "emile")),
                c("userName ne BOB", cmp("userName", CompareOp.NE, "BOB"), "u1", "u3", "u4"),
                c("userName co SMI", cmp("userName", CompareOp.CO, "SMI"), "u1"),
                c("userName sw AN", cmp("userName", CompareOp.SW, "AN"), "u1"),
                c("userName ew LE", cmp("userName", CompareOp.EW, "LE"), "u3"),
                c("userName gt b", cmp("userName", CompareOp.GT, "B"), "u2", "u3", "u4"),
                c("userName ge BOB", cmp("userName", CompareOp.GE, "BOB"), "u2", "u3", "u4"),
                c("userName lt b", cmp("userName", CompareOp.LT, "b"), "u1"),
                c("userName le bob", cmp("userName", CompareOp.LE, "bob"), "u1", "u2"),
                c("userName gt e orders é after z by code point", cmp("userName", CompareOp.GT, "z"), "u3"),
                c("userName pr", pr("userName"), "u1", "u2", "u3", "u4"),
                c("userName co % is literal", cmp("userName", CompareOp.CO, "%"), "u4"),
                c("userName sw pct_ is literal", cmp("userName", CompareOp.SW, "pct_")),
                c("userName sw PCT%_ is literal", cmp("userName", CompareOp.SW, "PCT%_"), "u4"),
                c("userName ew backslash-x", cmp("userName", CompareOp.EW, "\\X"), "u4"),
                c("userName co _ is literal", cmp("userName", CompareOp.CO, "_"), "u4"),
                // displayName: case-insensitive, absent on u3
                c("displayName eq ANN SMITH", cmp("displayName", CompareOp.EQ, "ANN SMITH"), "u1"),
                c("displayName ne bob holds for absent", cmp("displayName", CompareOp.NE, "bob"), "u1", "u3", "u4"),
                c("displayName co REAL_", cmp("displayName", CompareOp.CO, "REAL_"), "u4"),
                c("displayName co l_d", cmp("displayName", CompareOp.CO, "l_d"), "u4"),
                c("displayName co 0% r", cmp("displayName", CompareOp.CO, "0% r"), "u4"),
                c("displayName co % matches only a literal percent", cmp("displayName", CompareOp.CO, "%"), "u4"),
                c("displayName ew backslash-path", cmp("displayName", CompareOp.EW, "\\PATH"), "u4"),
                c("displayName sw b", cmp("displayName", CompareOp.SW, "b"), "u2"),
                c("displayName gt a", cmp("displayName", CompareOp.GT, "a"), "u1", "u2"),
                c("displayName ge bob", cmp("displayName", CompareOp.GE, "bob"), "u2"),
                c("displayName lt b", cmp("displayName", CompareOp.LT, "b"), "u1", "u4"),
                c("displayName le 100", cmp("displayName", CompareOp.LE, "100"), List.of()),
                c("displayName pr", pr("displayName"), "u1", "u2", "u4"),
                c("displayName eq null", cmpNull("displayName"), "u3"),
                // name.givenName, name.familyName
                c("name.givenName eq ANN", cmp("name.givenName", CompareOp.EQ, "ANN"), "u1"),
                c("name.givenName ne ann", cmp("name.givenName", CompareOp.NE, "ann"), "u2", "u3", "u4"),
                c("name.givenName sw b", cmp("name.givenName", CompareOp.SW, "b"), "u2"),
                c("name.givenName co n", cmp("name.givenName", CompareOp.CO, "N"), "u1"),
                c("name.givenName ew OB", cmp("name.givenName", CompareOp.EW, "OB"), "u2"),
                c("name.givenName gt b", cmp("name.givenName", CompareOp.GT, "b"), "u2"),
                c("name.givenName ge ann", cmp("name.givenName", CompareOp.GE, "ann"), "u1", "u2"),
                c("name.givenName lt b", cmp("name.givenName", CompareOp.LT, "b"), "u1"),
                c("name.givenName le bob", cmp("name.givenName", CompareOp.LE, "bob"), "u1", "u2"),
                c("name.givenName pr", pr("name.givenName"), "u1", "u2"),
                c("name.familyName eq smith", cmp("name.familyName", CompareOp.EQ, "smith"), "u1"),
                c("name.familyName ne smith", cmp("name.familyName", CompareOp.NE, "smith"), "u2", "u3", "u4"),
                c("name.familyName co MIT", cmp("name.familyName", CompareOp.CO, "MIT"), "u1"),
                c("name.familyName pr", pr("name.familyName"), "u1"),
                c("name.familyName eq null", cmpNull("name.familyName"), "u2", "u3", "u4"),
                c("name.familyName gt a", cmp("name.familyName", CompareOp.GT, "a"), "u1"),
                // emails.value: multi-valued, case-insensitive
                c("emails.value eq ANN@example.org", cmp("emails.value", CompareOp.EQ, "ANN@example.org"), "u1"),
                c("emails.value co X.ORG", cmp("emails.value", CompareOp.CO, "X.ORG"), "u1", "u2"),
                c("emails.value sw bob", cmp("emails.value", CompareOp.SW, "bob"), "u2"),
                c("emails.value ew .ORG", cmp("emails.value", CompareOp.EW, ".ORG"), "u1", "u2"),
                c("emails.value ne bob: another value or no email", cmp("emails.value", CompareOp.NE, "bob@x.org"),
                        "u1", "u3", "u4"),
                c("emails.value gt b", cmp("emails.value", CompareOp.GT, "b"), "u2"),
                c("emails.value ge ann.home", cmp("emails.value", CompareOp.GE, "ann.home@x.org"), "u1", "u2"),
                c("emails.value lt ann/", cmp("emails.value", CompareOp.LT, "ann/"), "u1"),
                c("emails.value le ann@example.org", cmp("emails.value", CompareOp.LE, "ann@example.org"), "u1"),
                c("emails.value pr", pr("emails.value"), "u1", "u2"),
                c("emails.value eq null", cmpNull("emails.value"), "u3", "u4"),
                // emails.type: multi-valued, absent on bob's only email
                c("emails.type eq WORK", cmp("emails.type", CompareOp.EQ, "WORK"), "u1"),
                c("emails.type ne work", cmp("emails.type", CompareOp.NE, "work"), "u1", "u2", "u3", "u4"),
                c("emails.type sw h", cmp("emails.type", CompareOp.SW, "h"), "u1"),
                c("emails.type pr", pr("emails.type"), "u1"),
                c("emails.type eq null", cmpNull("emails.type"), "u2", "u3", "u4"),
                // emails.primary
                c("emails.primary eq true", cmp("emails.primary", CompareOp.EQ, true), "u1"),
                c("emails.primary eq false", cmp("emails.primary", CompareOp.EQ, false), "u1", "u2"),
                c("emails.primary ne true", cmp("emails.primary", CompareOp.NE, true), "u1", "u2", "u3", "u4"),
                c("emails.primary pr", pr("emails.primary"), "u1", "u2"),
                // active
                c("active eq true", cmp("active", CompareOp.EQ, true), "u1", "u3", "u4"),
                c("active eq false", cmp("active", CompareOp.EQ, false), "u2"),
                c("active ne true", cmp("active", CompareOp.NE, true), "u2"),
                c("active pr", pr("active"), "u1", "u2", "u3", "u4"),
                // userType is the role
                c("userType eq admin", cmp("userType", CompareOp.EQ, "admin"), "u1"),
                c("userType eq MODERATOR", cmp("userType", CompareOp.EQ, "MODERATOR"), "u3"),
                c("userType ne Admin", cmp("userType", CompareOp.NE, "Admin"), "u2", "u3", "u4"),
                c("userType sw mod", cmp("userType", CompareOp.SW, "mod"), "u3"),
                c("userType co ISTER", cmp("userType", CompareOp.CO, "ISTER"), "u2", "u4"),
                c("userType ew in", cmp("userType", CompareOp.EW, "IN"), "u1"),
                c("userType gt moderator", cmp("userType", CompareOp.GT, "moderator"), "u2", "u4"),
                c("userType ge moderator", cmp("userType", CompareOp.GE, "moderator"), "u2", "u3", "u4"),
                c("userType lt b", cmp("userType", CompareOp.LT, "b"), "u1"),
                c("userType le admin", cmp("userType", CompareOp.LE, "admin"), "u1"),
                c("userType pr", pr("userType"), "u1", "u2", "u3", "u4"),
                // meta.created and meta.lastModified compare as instants
                c("meta.created eq T0", cmp("meta.created", CompareOp.EQ, T0.toString()), "u1"),
                c("meta.created eq T0 written with an offset",
                        cmp("meta.created", CompareOp.EQ, "2024-03-01T11:15:30.123+01:00"), "u1"),
                // ScimDateTime reads a dateTime without an offset as UTC, in SQL as in the core (ADR 028)
                c("meta.created eq T0 written without an offset",
                        cmp("meta.created", CompareOp.EQ, T0.toString().replace("Z", "")), "u1"),
                c("meta.created ne T0", cmp("meta.created", CompareOp.NE, T0.toString()), "u2", "u3", "u4"),
                c("meta.created gt T0", cmp("meta.created", CompareOp.GT, T0.toString()), "u2", "u3", "u4"),
                c("meta.created ge H1", cmp("meta.created", CompareOp.GE, H1.toString()), "u2", "u3", "u4"),
                c("meta.created lt H1", cmp("meta.created", CompareOp.LT, H1.toString()), "u1"),
                c("meta.created le H1", cmp("meta.created", CompareOp.LE, H1.toString()), "u1", "u2"),
                c("meta.created pr", pr("meta.created"), "u1", "u2", "u3", "u4"),
                c("meta.lastModified gt H2", cmp("meta.lastModified", CompareOp.GT, H2.toString()), "u1", "u4"),
                c("meta.lastModified le H2", cmp("meta.lastModified", CompareOp.LE, H2.toString()), "u2", "u3"),
                c("meta.lastModified eq D1", cmp("meta.lastModified", CompareOp.EQ, D1.toString()), "u1"),
                // attribute names in any case, with the core schema URN
                c("USERNAME eq BOB", Filter.compare(AttrPath.of("USERNAME"), CompareOp.EQ, CompValue.of("BOB")), "u2"),
                c("core URN userName", Filter.compare(new AttrPath(java.util.Optional.of(UserSchemas.CORE_USER),
                        "userName", java.util.Optional.empty()), CompareOp.EQ, CompValue.of("bob")), "u2"),
                // and / or / not; not over absent attributes
                c("and", Filter.and(cmp("userName", CompareOp.SW, "a"), cmp("active", CompareOp.EQ, true)), "u1"),
                c("or", Filter.or(cmp("userName", CompareOp.EQ, "bob"), cmp("externalId", CompareOp.EQ, "EXT-1")),
                        "u1", "u2"),
                c("not userName eq bob", Filter.not(cmp("userName", CompareOp.EQ, "bob")), "u1", "u3", "u4"),
                c("not externalId eq EXT-1 keeps absent", Filter.not(cmp("externalId", CompareOp.EQ, "EXT-1")),
                        "u2", "u3", "u4"),
                c("not displayName co a keeps absent", Filter.not(cmp("displayName", CompareOp.CO, "a")),
                        "u2", "u3"),
                c("not displayName pr", Filter.not(pr("displayName")), "u3"),
                c("not externalId ne EXT-1", Filter.not(cmp("externalId", CompareOp.NE, "EXT-1")), "u1"),
                c("not name.familyName gt a", Filter.not(cmp("name.familyName", CompareOp.GT, "a")),
                        "u2", "u3", "u4"),
                c("not emails.type eq work", Filter.not(cmp("emails.type", CompareOp.EQ, "work")),
                        "u2", "u3", "u4"),
                c("not (a or b) and c", Filter.and(
                        Filter.not(Filter.or(cmp("userName", CompareOp.EQ, "bob"), cmp("id", CompareOp.EQ, "u1"))),
                        cmp("active", CompareOp.EQ, true)), "u3", "u4"),
                // value paths on emails
                c("emails[type eq work and value co example]", Filter.valuePath(AttrPath.of("emails"),
                        Filter.and(cmp("type", CompareOp.EQ, "work"), cmp("value", CompareOp.CO, "EXAMPLE"))), "u1"),
                c("emails[type eq home and primary eq true] needs one email for both", Filter.valuePath(
                        AttrPath.of("emails"), Filter.and(cmp("type", CompareOp.EQ, "home"),
                                cmp("primary", CompareOp.EQ, true)))),
                c("emails[primary eq false]", Filter.valuePath(AttrPath.of("emails"),
                        cmp("primary", CompareOp.EQ, false)), "u1", "u2"),
                c("emails[type ne work] holds for an email without type", Filter.valuePath(AttrPath.of("emails"),
                        cmp("type", CompareOp.NE, "work")), "u1", "u2"),
                c("emails[not (type pr)]", Filter.valuePath(AttrPath.of("emails"), Filter.not(pr("type"))), "u2"),
                c("emails[value ew x.org or type eq work]", Filter.valuePath(AttrPath.of("emails"),
                        Filter.or(cmp("value", CompareOp.EW, "x.org"), cmp("type", CompareOp.EQ, "work"))),
                        "u1", "u2"),
                c("not emails[type eq work]", Filter.not(Filter.valuePath(AttrPath.of("emails"),
                        cmp("type", CompareOp.EQ, "work"))), "u2", "u3", "u4"),
                c("emails pr", pr("emails"), "u1", "u2"),
                c("not emails pr", Filter.not(pr("emails")), "u3", "u4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notPushable")
    void filterThatSqlCannotAnswerExactlyIsNotPushedDownButAnsweredByTheCore(String description, Filter filter) {
        assertThat(FilterToSql.translate(database.dialect(), ACME, filter)).isEmpty();
        List<User> everyone = database.userStore().search(ACME, UserQuery.all(1, 100)).users();
        List<String> expected;
        try {
            expected = everyone.stream()
                    .filter(user -> FilterEvaluator.matches(filter, UserResources.toScim(user)))
                    .map(User::id).toList();
        } catch (ScimException coreRefusal) {
            assertThatThrownBy(() -> database.userStore().search(ACME, UserQuery.filtered(filter, 1, 100)))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.type()).isEqualTo(coreRefusal.type()));
            return;
        }
        assertThat(database.userStore().search(ACME, UserQuery.filtered(filter, 1, 100)).users())
                .extracting(User::id).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> notPushable() {
        return Stream.of(
                arguments("title has no column", cmp("title", CompareOp.EQ, "x")),
                arguments("enterprise department", Filter.compare(
                        AttrPath.qualified(UserSchemas.ENTERPRISE_USER, "department"), CompareOp.EQ,
                        CompValue.of("x"))),
                arguments("unknown attribute", cmp("shoeSize", CompareOp.EQ, "x")),
                arguments("number against a string attribute",
                        Filter.compare(AttrPath.of("userName"), CompareOp.EQ, CompValue.of(BigDecimal.ONE))),
                arguments("string against a boolean", cmp("active", CompareOp.EQ, "true")),
                arguments("ordering a boolean", cmp("active", CompareOp.GT, false)),
                arguments("text that is no dateTime", cmp("meta.created", CompareOp.GT, "yesterday")),
                arguments("lower-case t and z: no xsd:dateTime", cmp("meta.created", CompareOp.GT,
                        "2024-03-01t10:15:30.123z")),
                arguments("sub-millisecond dateTime", cmp("meta.created", CompareOp.GE,
                        "2024-03-01T10:15:30.1234Z")),
                arguments("ne null", Filter.compare(AttrPath.of("userName"), CompareOp.NE, CompValue.nullValue())),
                arguments("phoneNumbers value path", Filter.valuePath(AttrPath.of("phoneNumbers"),
                        cmp("type", CompareOp.EQ, "work"))),
                arguments("emails.display has no column", cmp("emails.display", CompareOp.EQ, "x")),
                arguments("or with one unpushable side", Filter.or(cmp("userName", CompareOp.EQ, "bob"),
                        cmp("title", CompareOp.EQ, "x"))));
    }

    private static Arguments c(String description, Filter filter, String... ids) {
        return arguments(description, filter, List.of(ids));
    }

    private static Arguments c(String description, Filter filter, List<String> ids) {
        return arguments(description, filter, ids);
    }

    static AttrPath path(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? AttrPath.of(dotted) : AttrPath.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    static Filter cmp(String path, CompareOp op, String value) {
        return Filter.compare(path(path), op, CompValue.of(value));
    }

    static Filter cmp(String path, CompareOp op, boolean value) {
        return Filter.compare(path(path), op, CompValue.of(value));
    }

    static Filter cmpNull(String path) {
        return Filter.compare(path(path), CompareOp.EQ, CompValue.nullValue());
    }

    static Filter pr(String path) {
        return Filter.present(path(path));
    }
}
