package dev.roster.scim.core.filter;

import static dev.roster.scim.core.filter.FilterFixtures.attr;
import static dev.roster.scim.core.filter.FilterFixtures.cmp;
import static dev.roster.scim.core.filter.FilterFixtures.pr;
import static dev.roster.scim.core.filter.FilterFixtures.vp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each table is one rule of {@link FilterEvaluator}'s documented semantics, over {@link SampleUsers}: émile (all
 * filled in), ann (nulls and empties), BOB (odd data) and zed (almost nothing). Expected users are in that order.
 */
class FilterEvaluatorTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";
    private static final List<String> NOBODY = List.of();
    private static final List<String> EVERYBODY = List.of("émile", "ann", "BOB", "zed");

    private static List<String> users(String... names) {
        return List.of(names);
    }

    private static void assertMatches(String filter, List<String> expected) {
        FilterEvaluator evaluator = FilterEvaluator.of(FilterParser.parse(filter));

        assertThat(SampleUsers.ALL.stream().filter(evaluator::matches).map(SampleUsers::userName))
                .as(filter).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> absentIsNull() {
        return Stream.of(
                arguments("title eq \"Writer\"", users("émile")),
                arguments("title ne \"Writer\"", users("ann", "BOB", "zed")),
                arguments("not (title eq \"Writer\")", users("ann", "BOB", "zed")),
                arguments("title gt \"A\"", users("émile")),
                arguments("title eq \"\"", users("BOB")),
                arguments("nickName ne \"x\"", EVERYBODY),
                arguments("nickName co \"\"", NOBODY),
                arguments("phoneNumbers.value eq \"1\"", NOBODY),
                arguments("phoneNumbers.value ne \"1\"", EVERYBODY));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("absentIsNull")
    void anAbsentOrNullAttributeFailsEveryComparisonExceptNe(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> nullLiterals() {
        return Stream.of(
                arguments("title eq null", users("ann", "BOB", "zed")),
                arguments("title ne null", users("émile")),
                arguments("phoneNumbers eq null", EVERYBODY),
                arguments("name eq null", users("BOB", "zed")),
                arguments("name ne null", users("émile", "ann")),
                arguments("unknownThing eq null", EVERYBODY),
                arguments("unknownThing ne null", NOBODY));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("nullLiterals")
    void eqNullMeansNotPresentAndNeNullMeansPresent(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> presence() {
        return Stream.of(
                arguments("title pr", users("émile")),
                arguments("name pr", users("émile", "ann")),
                arguments("emails pr", users("émile", "ann", "BOB")),
                arguments("emails.value pr", users("émile", "ann")),
                arguments("phoneNumbers pr", NOBODY),
                arguments("meta.created pr", users("émile", "ann", "BOB")),
                arguments("active pr", users("émile", "ann", "BOB")),
                arguments("userName pr", EVERYBODY));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("presence")
    void prNeedsANonEmptyValue(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> multiValued() {
        return Stream.of(
                arguments("emails.value eq \"emile@home.example.org\"", users("émile")),
                arguments("emails.type eq \"home\"", users("émile")),
                arguments("emails.type eq \"work\"", users("émile", "ann", "BOB")),
                arguments("emails co \"example.org\"", users("émile")),
                arguments("emails eq \"ANN@EXAMPLE.COM\"", users("ann")),
                arguments("emails.primary eq true", users("émile")),
                arguments("emails.type ne \"work\"", users("zed")),
                arguments("emails.type ne \"home\"", users("ann", "BOB", "zed")),
                arguments("emails.value ne \"ann@example.com\"", users("émile", "BOB", "zed")),
                arguments("emails ne \"ann@example.com\"", users("émile", "BOB", "zed")),
                arguments("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
                        users("émile")),
                arguments("schemas eq \"URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER\"", users("émile", "ann")),
                arguments("urn:ietf:params:scim:schemas:core:2.0:User:schemas pr", users("émile", "ann")));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("multiValued")
    void aMultiValuedAttributeMatchesIfAnyValueDoesAndNeIfNoneIsEqual(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                arguments("userName eq \"ÉMILE\"", users("émile")),
                arguments("userName eq \"bob\"", users("BOB")),
                arguments("userName sw \"É\"", users("émile")),
                arguments("userName co \"MIL\"", users("émile")),
                arguments("userName ew \"ILE\"", users("émile")),
                arguments("name.familyName eq \"zola\"", users("émile")),
                arguments("displayName eq \"E\\u0301MILE ZOLA\"", users("émile")),
                arguments("userName gt \"b\"", users("émile", "BOB", "zed")),
                arguments("userName lt \"B\"", users("ann")),
                arguments("userName le \"bob\"", users("ann", "BOB")),
                arguments("userName ge \"ZED\"", users("émile", "zed")),
                arguments("id eq \"ID-EMILE\"", NOBODY),
                arguments("id eq \"id-emile\"", users("émile")),
                arguments("externalId eq \"ext-1\"", users("BOB")),
                arguments("externalId sw \"E\"", users("émile")),
                arguments("externalId lt \"e\"", users("émile")),
                arguments("profileUrl eq \"https://example.com/emile\"", NOBODY),
                arguments("profileUrl eq \"https://Example.com/emile\"", users("émile")),
                arguments("x509Certificates.value eq \"tuljq0lq\"", NOBODY),
                arguments("x509Certificates.value eq \"TUlJQ0lq\"", users("émile")));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("strings")
    void stringsCompareFoldedUnlessCaseExact(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> dateTimes() {
        return Stream.of(
                arguments("meta.lastModified gt \"2011-05-13T04:42:34Z\"", users("émile", "ann")),
                arguments("meta.created eq \"2019-12-31T22:00:00Z\"", users("ann")),
                arguments("meta.created gt \"2019-12-31T22:30:00Z\"", users("BOB")),
                arguments("meta.created lt \"2012-01-01T00:00:00Z\"", users("émile")),
                arguments("meta.created ge \"2011-05-13T06:42:34+02:00\"", users("émile", "ann", "BOB")),
                arguments("meta.created le \"2011-05-13T04:42:34.000Z\"", users("émile")),
                arguments("meta.created eq \"2019-12-31T22:00:00\"", users("ann")),
                arguments("meta.lastModified ne \"2024-01-10T10:00:00Z\"", users("ann", "BOB", "zed")),
                arguments("meta.created sw \"2011-05\"", users("émile")));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("dateTimes")
    void dateTimesCompareAsInstants(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> booleans() {
        return Stream.of(
                arguments("active eq true", users("émile", "BOB")),
                arguments("active eq false", users("ann")),
                arguments("active ne true", users("ann", "zed")),
                arguments("active eq \"TRUE\"", users("émile", "BOB")),
                arguments("active ne \"false\"", users("émile", "BOB", "zed")),
                arguments("emails[primary eq \"true\"]", users("émile")));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("booleans")
    void booleansCompareWithEqAndNeAlsoWhenWrittenAsStrings(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> unknownAttributes() {
        return Stream.of(
                arguments("nickname2 eq \"x\"", NOBODY),
                arguments("foo ne \"x\"", EVERYBODY),
                arguments("foo pr", NOBODY),
                arguments("not (foo eq \"x\")", EVERYBODY),
                arguments("foo gt 5", NOBODY),
                arguments("foo eq true", NOBODY),
                arguments("urn:example:custom:2.0:User:x eq \"y\"", NOBODY),
                arguments("name.middle eq \"x\"", NOBODY),
                arguments("password eq \"secret\"", NOBODY),
                arguments("password pr", NOBODY),
                arguments("password ne \"secret\"", EVERYBODY),
                arguments("stackUserType eq \"Admin\"", NOBODY),
                arguments("urn:ietf:params:scim:schemas:extension:roster:2.0:User:stackUserType pr", NOBODY),
                arguments("urn:ietf:params:scim:schemas:extension:CustomName:2.0:User:stackUserType eq \"Admin\"",
                        NOBODY));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("unknownAttributes")
    void unknownAndNeverReturnedAttributesAreAbsent(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> extensions() {
        return Stream.of(
                arguments(ENTERPRISE + "department eq \"tour\"", users("émile")),
                arguments(ENTERPRISE.toUpperCase(java.util.Locale.ROOT) + "DEPARTMENT pr", users("émile")),
                arguments(ENTERPRISE + "department ne \"Tour\"", users("ann", "BOB", "zed")),
                arguments(ENTERPRISE + "manager.value eq \"42\"", users("émile")),
                arguments(ENTERPRISE + "manager eq \"42\"", users("émile")),
                arguments(ENTERPRISE + "manager.displayName co \"bo\"", users("émile")),
                arguments(ENTERPRISE + "manager pr", users("émile")));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("extensions")
    void extensionAttributesAreReadFromTheObjectUnderTheirUrn(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> valueFilters() {
        return Stream.of(
                arguments("emails[type eq \"work\" and value co \"@work\"]", users("émile")),
                arguments("emails[type eq \"home\" and primary eq true]", NOBODY),
                arguments("emails[type eq \"work\"].value eq \"ann@example.com\"", users("ann")),
                arguments("emails[type eq \"home\"].value eq \"emile@work.example.com\"", NOBODY),
                arguments("emails[not (type eq \"work\")]", users("émile", "BOB")),
                arguments("emails[value pr]", users("émile", "ann")),
                arguments("name[givenName eq \"ann\"]", users("ann")),
                arguments(ENTERPRISE + "manager[value eq \"42\" and displayName sw \"B\"]", users("émile")),
                arguments("phoneNumbers[type eq \"work\"]", NOBODY),
                arguments("foo[bar eq \"x\"]", NOBODY),
                arguments("not (foo[bar eq \"x\"])", EVERYBODY),
                arguments("emails[foo eq \"x\"]", NOBODY),
                arguments("emails[foo ne \"x\"]", users("émile", "ann", "BOB")),
                arguments("emails[urn:x:y:type eq \"work\"]", NOBODY),
                arguments("emails[type.x eq \"work\"]", NOBODY));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("valueFilters")
    void aValueFilterHoldsIfOneValueSatisfiesAllOfIt(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> logic() {
        return Stream.of(
                arguments("userType eq \"Admin\" and not (emails co \"example.com\" or emails.value co "
                        + "\"example.org\")", NOBODY),
                arguments("userType eq \"Admin\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                        users("émile")),
                arguments("title pr or active eq false", users("émile", "ann")),
                arguments("userName eq \"ann\" or userName eq \"zed\" and active eq true", users("ann")),
                arguments("(userName eq \"ann\" or userName eq \"zed\") and not (active eq true)",
                        users("ann", "zed")),
                arguments("not (not (userName eq \"zed\"))", users("zed")));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("logic")
    void andOrAndNotCombineAsBooleans(String filter, List<String> expected) {
        assertMatches(filter, expected);
    }

    static Stream<Arguments> invalidForTheSchema() {
        return Stream.of(
                arguments("name eq \"x\"", "is complex"),
                arguments("meta gt \"x\"", "is complex"),
                arguments("meta.created gt \"yesterday\"", "\"yesterday\" is not a dateTime"),
                arguments("meta.created eq \"2011-13-01T00:00:00Z\"", "is not a dateTime"),
                arguments("meta.created eq 5", "compare it with a string such as"),
                arguments("active eq \"yes\"", "compare it with true or false, not a string"),
                arguments("active eq 1", "compare it with true or false, not a number"),
                arguments("active co \"t\"", "takes only eq and ne"),
                arguments("userName eq 5", "compare it with a JSON string, not a number"),
                arguments("title eq true", "not a boolean"),
                arguments("title gt 5", "not a number"),
                arguments("x509Certificates.value gt \"a\"", "can't be ordered"),
                arguments("userName[value eq \"x\"]", "is not complex"),
                arguments("name.givenName[x pr]", "is not complex"),
                arguments("emails[type eq 5]", "compare it with a JSON string"),
                arguments("emails[primary gt \"a\"]", "booleans can't be ordered"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidForTheSchema")
    void aFilterThatDoesNotFitTheSchemaIsInvalidBeforeAnyUserIsSeen(String filter, String detail) {
        ScimException error = catchThrowableOfType(ScimException.class,
                () -> FilterEvaluator.of(FilterParser.parse(filter)));

        assertThat(error).as(filter).isNotNull();
        assertThat(error.type()).isEqualTo(ScimErrorType.INVALID_FILTER);
        assertThat(error.detail()).contains(detail);
    }

    static Stream<Arguments> invalidAsts() {
        return Stream.of(
                arguments("ordering a boolean", cmp("active", CompareOp.GT, "true"), "takes only eq and ne"),
                arguments("gt null", cmp("title", CompareOp.GT, null), "can't order null"),
                arguments("co with a number", cmp("title", CompareOp.CO, 5), "needs a string"),
                arguments("nested value filter", vp("emails", vp("type", pr("x"))), "can't be nested"),
                arguments("bad operand under an unknown attribute", vp("foo", cmp("x", CompareOp.LT, true)),
                        "can't order boolean"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAsts")
    void anAstTheParserWouldRejectIsInvalidToo(String description, Filter filter, String detail) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> FilterEvaluator.of(filter));

        assertThat(error).isNotNull();
        assertThat(error.type()).isEqualTo(ScimErrorType.INVALID_FILTER);
        assertThat(error.detail()).contains(detail);
    }

    @Test
    void matchesInOneGoAndAsAPredicate() {
        Filter filter = FilterParser.parse("userName eq \"ÉMILE\"");

        assertThat(FilterEvaluator.matches(filter, SampleUsers.EMILE)).isTrue();
        assertThat(SampleUsers.ALL.stream().filter(FilterEvaluator.of(filter).asPredicate()))
                .containsExactly(SampleUsers.EMILE);
    }

    @Test
    void theEntraFormMatchesOnlyWhenOneEmailHasBoth() {
        Filter entra = FilterParser.parse("emails[type eq \"home\"].value eq \"emile@work.example.com\"");
        Filter separate = FilterParser.parse("emails.type eq \"home\" and emails.value eq \"emile@work.example.com\"");

        assertThat(FilterEvaluator.matches(entra, SampleUsers.EMILE)).isFalse();
        assertThat(FilterEvaluator.matches(separate, SampleUsers.EMILE)).isTrue();
    }

    @Test
    void neIsAlwaysTheNegationOfEq() {
        for (String filter : List.of("title", "emails.type", "emails", "foo", "active", "meta.created")) {
            String value = filter.equals("active") ? "true"
                    : filter.equals("meta.created") ? "\"2011-05-13T04:42:34Z\"" : "\"work\"";
            FilterEvaluator eq = FilterEvaluator.of(FilterParser.parse(filter + " eq " + value));
            FilterEvaluator ne = FilterEvaluator.of(FilterParser.parse(filter + " ne " + value));

            for (var user : SampleUsers.ALL) {
                assertThat(ne.matches(user)).as("%s on %s", filter, SampleUsers.userName(user))
                        .isEqualTo(!eq.matches(user));
            }
        }
    }

    @Test
    void readsPathsInAnyCase() {
        assertThat(FilterEvaluator.matches(Filter.present(attr("EMAILS.VALUE")), SampleUsers.ANN)).isTrue();
    }
}
