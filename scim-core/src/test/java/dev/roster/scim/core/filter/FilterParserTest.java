package dev.roster.scim.core.filter;

import static dev.roster.scim.core.filter.CompareOp.CO;
import static dev.roster.scim.core.filter.CompareOp.EQ;
import static dev.roster.scim.core.filter.CompareOp.EW;
import static dev.roster.scim.core.filter.CompareOp.GE;
import static dev.roster.scim.core.filter.CompareOp.GT;
import static dev.roster.scim.core.filter.CompareOp.LE;
import static dev.roster.scim.core.filter.CompareOp.LT;
import static dev.roster.scim.core.filter.CompareOp.NE;
import static dev.roster.scim.core.filter.CompareOp.SW;
import static dev.roster.scim.core.filter.FilterFixtures.and;
import static dev.roster.scim.core.filter.FilterFixtures.attr;
import static dev.roster.scim.core.filter.FilterFixtures.cmp;
import static dev.roster.scim.core.filter.FilterFixtures.co;
import static dev.roster.scim.core.filter.FilterFixtures.eq;
import static dev.roster.scim.core.filter.FilterFixtures.ne;
import static dev.roster.scim.core.filter.FilterFixtures.not;
import static dev.roster.scim.core.filter.FilterFixtures.num;
import static dev.roster.scim.core.filter.FilterFixtures.or;
import static dev.roster.scim.core.filter.FilterFixtures.pr;
import static dev.roster.scim.core.filter.FilterFixtures.urn;
import static dev.roster.scim.core.filter.FilterFixtures.vp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.Collections;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {

    private static final String CORE = UserSchemas.CORE_USER;
    private static final String ENTERPRISE = UserSchemas.ENTERPRISE_USER;
    private static final String LAST_MODIFIED = "2011-05-13T04:42:34Z";

    static Stream<Arguments> rfc7644Examples() {
        return Stream.of(
                arguments("userName eq \"bjensen\"", eq("userName", "bjensen")),
                arguments("name.familyName co \"O'Malley\"", co("name.familyName", "O'Malley")),
                arguments("userName sw \"J\"", cmp("userName", SW, "J")),
                arguments("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
                        cmp(urn(CORE, "userName"), SW, "J")),
                arguments("title pr", pr("title")),
                arguments("meta.lastModified gt \"2011-05-13T04:42:34Z\"", cmp("meta.lastModified", GT, LAST_MODIFIED)),
                arguments("meta.lastModified ge \"2011-05-13T04:42:34Z\"", cmp("meta.lastModified", GE, LAST_MODIFIED)),
                arguments("meta.lastModified lt \"2011-05-13T04:42:34Z\"", cmp("meta.lastModified", LT, LAST_MODIFIED)),
                arguments("meta.lastModified le \"2011-05-13T04:42:34Z\"", cmp("meta.lastModified", LE, LAST_MODIFIED)),
                arguments("title pr and userType eq \"Employee\"", and(pr("title"), eq("userType", "Employee"))),
                arguments("title pr or userType eq \"Intern\"", or(pr("title"), eq("userType", "Intern"))),
                arguments("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
                        eq("schemas", ENTERPRISE)),
                arguments("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                        and(eq("userType", "Employee"),
                                or(co("emails", "example.com"), co("emails.value", "example.org")))),
                arguments("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co "
                                + "\"example.org\")",
                        and(ne("userType", "Employee"),
                                not(or(co("emails", "example.com"), co("emails.value", "example.org"))))),
                arguments("userType eq \"Employee\" and (emails.type eq \"work\")",
                        and(eq("userType", "Employee"), eq("emails.type", "work"))),
                arguments("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
                        and(eq("userType", "Employee"),
                                vp("emails", and(eq("type", "work"), co("value", "@example.com"))))),
                arguments("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and "
                                + "value co \"@foo.com\"]",
                        or(vp("emails", and(eq("type", "work"), co("value", "@example.com"))),
                                vp("ims", and(eq("type", "xmpp"), co("value", "@foo.com"))))));
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                arguments("a eq 1 or b eq 2 and c eq 3", or(eq("a", 1), and(eq("b", 2), eq("c", 3)))),
                arguments("a eq 1 and b eq 2 or c eq 3", or(and(eq("a", 1), eq("b", 2)), eq("c", 3))),
                arguments("(a eq 1 or b eq 2) and c eq 3", and(or(eq("a", 1), eq("b", 2)), eq("c", 3))),
                arguments("a pr and b pr and c pr", and(pr("a"), pr("b"), pr("c"))),
                arguments("a pr or b pr or c pr", or(pr("a"), pr("b"), pr("c"))),
                arguments("a pr and (b pr and c pr)", and(pr("a"), pr("b"), pr("c"))),
                arguments("(a pr or b pr) or c pr", or(pr("a"), pr("b"), pr("c"))),
                arguments("a pr or b pr and c pr or d pr", or(pr("a"), and(pr("b"), pr("c")), pr("d"))),
                arguments("a pr and b pr or c pr and d pr", or(and(pr("a"), pr("b")), and(pr("c"), pr("d")))),
                arguments("not (a pr) and b pr", and(not(pr("a")), pr("b"))),
                arguments("not (a pr) or b pr and c pr", or(not(pr("a")), and(pr("b"), pr("c")))),
                arguments("b pr and not (a pr or c pr)", and(pr("b"), not(or(pr("a"), pr("c"))))),
                arguments("not (not (a pr))", not(not(pr("a")))),
                arguments("not (a pr and b pr)", not(and(pr("a"), pr("b")))),
                arguments("((a pr))", pr("a")),
                arguments("(a pr)and(b pr)", and(pr("a"), pr("b"))),
                arguments("not(a pr)", not(pr("a"))));
    }

    static Stream<Arguments> caseInsensitivity() {
        return Stream.of(
                arguments("userName Eq \"john\"", eq("userName", "john")),
                arguments("Username eq \"john\"", eq("Username", "john")),
                arguments("title PR", pr("title")),
                arguments("a pr AND b pr", and(pr("a"), pr("b"))),
                arguments("a pr Or b pr", or(pr("a"), pr("b"))),
                arguments("NOT (a pr)", not(pr("a"))),
                arguments("Not(a pr)", not(pr("a"))),
                arguments("active eq TRUE", eq("active", true)),
                arguments("active eq False", eq("active", false)),
                arguments("title eq NULL", eq("title", null)),
                arguments("userName EW \"x\"", cmp("userName", EW, "x")),
                arguments("a gE 1", cmp("a", GE, 1)),
                arguments("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:USERNAME eq \"x\"",
                        eq(urn("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER", "USERNAME"), "x")));
    }

    static Stream<Arguments> values() {
        return Stream.of(
                arguments("a eq \"\\\"quoted\\\"\"", eq("a", "\"quoted\"")),
                arguments("a eq \"back\\\\slash\"", eq("a", "back\\slash")),
                arguments("a eq \"\\/\"", eq("a", "/")),
                arguments("a eq \"\\b\\f\\n\\r\\t\"", eq("a", "\b\f\n\r\t")),
                arguments("a eq \"\\u00e9\\u00C9\"", eq("a", "éÉ")),
                arguments("a eq \"\\u0000\"", eq("a", "\u0000")),
                arguments("a eq \"\\ud83d\\ude00\"", eq("a", "😀")),
                arguments("a eq \"émile 😀 中文\"", eq("a", "émile 😀 中文")),
                arguments("a eq \"\"", eq("a", "")),
                arguments("a eq \"x and y or (z) not [w]\"", eq("a", "x and y or (z) not [w]")),
                arguments("a eq 0", eq("a", 0)),
                arguments("a eq -1", eq("a", -1)),
                arguments("a gt 1.5", cmp("a", GT, num("1.5"))),
                arguments("a lt 1e3", cmp("a", LT, 1000)),
                arguments("a le -2.5E-3", cmp("a", LE, num("-0.0025"))),
                arguments("a eq 1E+2", eq("a", 100)),
                arguments("a eq 10.00", eq("a", 10)),
                arguments("a eq -0.0", eq("a", 0)),
                arguments("a lt 1e308", cmp("a", LT, num("1e308"))),
                arguments("a gt -1E-308", cmp("a", GT, num("-1e-308"))),
                arguments("a ge 123456789012345678901234567890",
                        cmp("a", GE, num("123456789012345678901234567890"))),
                arguments("a eq true", eq("a", true)),
                arguments("a eq false", eq("a", false)),
                arguments("a eq null", eq("a", null)),
                arguments("a ne null", ne("a", null)),
                arguments("a gt \"b\"", cmp("a", GT, "b")),
                arguments("a sw \"\"", cmp("a", SW, "")));
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                arguments("name.givenName eq \"x\"", eq("name.givenName", "x")),
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"x\"",
                        eq(urn(ENTERPRISE, "manager.value"), "x")),
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"x\"",
                        eq(urn(ENTERPRISE, "department"), "x")),
                arguments("urn:ietf:params:scim:schemas:extension:ENTERPRISE:2.0:user:department pr",
                        Filter.present(urn("urn:ietf:params:scim:schemas:extension:ENTERPRISE:2.0:user",
                                "department"))),
                arguments("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName pr",
                        Filter.present(urn(CORE, "name.familyName"))),
                arguments("urn:example:custom:attr pr", Filter.present(urn("urn:example:custom", "attr"))),
                arguments("urn:ietf:params:scim:schemas:extension:CustomName:2.0:User:stackUserType eq \"Admin\"",
                        eq(urn("urn:ietf:params:scim:schemas:extension:CustomName:2.0:User", "stackUserType"),
                                "Admin")),
                arguments("groups.$ref pr", pr("groups.$ref")),
                arguments("manager.$Ref pr", pr("manager.$Ref")),
                arguments("x-attr_1.Sub-2 pr", pr("x-attr_1.Sub-2")),
                arguments("meta.created pr", pr("meta.created")),
                arguments("not eq \"x\"", eq("not", "x")),
                arguments("not pr", pr("not")),
                arguments("not[type eq \"x\"]", vp("not", eq("type", "x"))),
                arguments("and eq 1", eq("and", 1)),
                arguments("pr pr", pr("pr")),
                arguments("or pr or and pr", or(pr("or"), pr("and"))),
                arguments("true eq false", eq("true", false)));
    }

    static Stream<Arguments> valuePaths() {
        return Stream.of(
                arguments("emails[type eq \"work\"]", vp("emails", eq("type", "work"))),
                arguments("emails[not (type eq \"work\")]", vp("emails", not(eq("type", "work")))),
                arguments("emails[(type eq \"work\" or type eq \"home\") and primary eq true]",
                        vp("emails", and(or(eq("type", "work"), eq("type", "home")), eq("primary", true)))),
                arguments("emails[type eq \"work\"].value eq \"x\"",
                        vp("emails", and(eq("type", "work"), eq("value", "x")))),
                arguments("emails[type eq \"work\" and primary eq true].value co \"@x\"",
                        vp("emails", and(eq("type", "work"), eq("primary", true), co("value", "@x")))),
                arguments("emails[type eq \"work\" or type eq \"home\"].value pr",
                        vp("emails", and(or(eq("type", "work"), eq("type", "home")), pr("value")))),
                arguments("EMAILS[TYPE EQ \"work\"].VALUE EQ \"x\"",
                        vp("EMAILS", and(eq("TYPE", "work"), eq("VALUE", "x")))),
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"42\"]",
                        Filter.valuePath(urn(ENTERPRISE, "manager"), eq("value", "42"))),
                arguments("emails [ type eq \"work\" ]", vp("emails", eq("type", "work"))),
                arguments("emails[value eq \"]\"]", vp("emails", eq("value", "]"))),
                arguments("emails[type eq \"work\"] and emails[type eq \"home\"]",
                        and(vp("emails", eq("type", "work")), vp("emails", eq("type", "home")))),
                arguments("not (emails[type eq \"work\"])", not(vp("emails", eq("type", "work")))),
                arguments("userName eq \"a\" or emails[type eq \"work\"].value eq \"x\" and title pr",
                        or(eq("userName", "a"),
                                and(vp("emails", and(eq("type", "work"), eq("value", "x"))), pr("title")))));
    }

    static Stream<Arguments> whitespace() {
        return Stream.of(
                arguments("  title pr  ", pr("title")),
                arguments("title\tpr", pr("title")),
                arguments("userName   eq    \"x\"", eq("userName", "x")),
                arguments("a pr\nand\r\nb pr", and(pr("a"), pr("b"))),
                arguments("(  a pr  )", pr("a")),
                arguments("userName eq\"x\"", eq("userName", "x")),
                arguments("userName eq \"x\"and title pr", and(eq("userName", "x"), pr("title"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"rfc7644Examples", "precedence", "caseInsensitivity", "values", "paths", "valuePaths",
            "whitespace"})
    void parsesValidFilterIntoItsAst(String filter, Filter expected) {
        assertThat(FilterParser.parse(filter)).isEqualTo(expected);
    }

    static Stream<Arguments> invalidFilters() {
        return Stream.of(
                arguments("", 0, "Expected an attribute path, \"not\" or \"(\" at position 0 but found the end"),
                arguments("   ", 3, "Expected an attribute path"),
                arguments("userName eqq \"x\"", 9, "Expected a comparison operator at position 9 but found \"eqq\""),
                arguments("userName regex \"x\"", 9, "found \"regex\""),
                arguments("userName", 8, "Expected a comparison operator at position 8 but found the end"),
                arguments("title@ pr", 5, "found \"@\""),
                arguments("a b", 2, "comparison operator"),
                arguments("userName eq", 11, "Expected a value"),
                arguments("userName eq x", 12, "Expected a value"),
                arguments("userName eq 'x'", 12, "found \"'\""),
                arguments("a eq +1", 5, "Expected a value"),
                arguments("userName eq \"x", 12, "not closed"),
                arguments("userName eq \"x\" and", 19, "Expected an attribute path"),
                arguments("userName eq \"x\" or", 18, "Expected an attribute path"),
                arguments("userName eq \"x\" xor b pr", 16, "Expected \"and\", \"or\" or the end of the filter"),
                arguments("(userName eq \"x\"", 16, "Expected \"and\", \"or\" or \")\""),
                arguments("userName eq \"x\")", 15, "found \")\""),
                arguments("()", 1, "Expected an attribute path"),
                arguments("[type eq \"x\"]", 0, "Expected an attribute path"),
                arguments("userName eq \"x\" and [type eq \"y\"]", 20, "Expected an attribute path"),
                arguments("not title pr", 4, "Expected \"(\" after \"not\""),
                arguments("not", 3, "Expected \"(\" after \"not\""),
                arguments("title pr \"x\"", 9, "\"pr\" takes no value"),
                arguments("title pr 5", 9, "\"pr\" takes no value"),
                arguments("active gt true", 10, "can't order boolean"),
                arguments("active lt false", 10, "can't order boolean"),
                arguments("title ge null", 9, "can't order null"),
                arguments("title co 5", 9, "\"co\" needs a string value, not number"),
                arguments("title sw true", 9, "\"sw\" needs a string value, not boolean"),
                arguments("title ew null", 9, "\"ew\" needs a string value, not null"),
                arguments("a eq \"\\x\"", 6, "Invalid escape \"\\\\x\""),
                arguments("a eq \"\\u12G4\"", 6, "four hexadecimal digits"),
                arguments("a eq \"\\u12\"", 6, "four hexadecimal digits"),
                arguments("a eq \"\\u０１２３\"", 6, "four hexadecimal digits"),
                arguments("a eq \"\\", 6, "Unfinished escape"),
                arguments("a eq \"\\ud83d\"", 5, "unpaired surrogate"),
                arguments("a eq \"\\ude00\\ud83d\"", 5, "unpaired surrogate"),
                arguments("a eq \"tab\there\"", 9, "Control character U+0009"),
                arguments("a eq 01", 5, "Expected a JSON number"),
                arguments("a eq 1.", 5, "Expected a JSON number"),
                arguments("a eq -", 5, "Expected a JSON number"),
                arguments("a eq 1e", 5, "Expected a JSON number"),
                arguments("a eq 1.5.3", 5, "found \"1.5.3\""),
                arguments("a eq 1abc", 5, "found \"1abc\""),
                arguments("a eq .5", 5, "Expected a value"),
                arguments("a eq 1e99999999999", 5, "out of range"),
                arguments("meta.version gt 1e999999999", 16, "out of range"),
                arguments("a eq 1e309", 5, "decimal exponent from -308 to 308"),
                arguments("a eq -1e-309", 5, "out of range"),
                arguments("a eq 1234567890123456789012345678901234.5", 5, "34 significant digits"),
                arguments("a eq " + "9".repeat(401), 5, "out of range"),
                arguments("a eq truex", 5, "found \"truex\""),
                arguments("emails[type eq \"work\"", 21, "Expected \"and\", \"or\" or \"]\""),
                arguments("emails[type eq \"x\" and ims[type eq \"y\"]]", 26, "Value filters can't be nested"),
                arguments("emails[type eq \"work\"].", 23, "Expected a sub-attribute name after \"].\""),
                arguments("emails[type eq \"work\"].value", 28, "Expected a comparison operator"),
                arguments("emails[type eq \"work\"] eq \"x\"", 23, "Expected \"and\", \"or\" or the end"),
                arguments("name.familyName.x pr", 5, "a sub-attribute name (a path has at most one)"),
                arguments("name. pr", 5, "a sub-attribute name"),
                arguments("1abc pr", 0, "Expected an attribute name at position 0 but found \"1abc\""),
                arguments("_x pr", 0, "Expected an attribute name"),
                arguments("urn:x pr", 0, "Expected a schema URI"),
                arguments("urn:ietf:params:scim:schemas:core:2.0:User: pr", 43, "Expected an attribute name"),
                arguments("urn:ietf:params:scim:schemas:core:2.0 pr", 34, "Expected an attribute name"),
                arguments(":userName pr", 0, "Expected a schema URI"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidFilters")
    void rejectsInvalidFilterNamingThePosition(String filter, int position, String detail) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> FilterParser.parse(filter));

        assertThat(error).as("parsing %s", filter).isNotNull();
        assertThat(error.type()).isEqualTo(ScimErrorType.INVALID_FILTER);
        assertThat(error.detail()).contains(detail).contains("position " + position);
    }

    @Test
    void filterParseIsTheSameAsFilterParserParse() {
        assertThat(Filter.parse("title pr")).isEqualTo(FilterParser.parse("title pr"));
    }

    @Test
    void acceptsThirtyTwoLevelsOfNesting() {
        String filter = "(".repeat(16) + "not (".repeat(15) + "emails[type pr]" + ")".repeat(31);

        assertThat(FilterParser.parse(filter)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooDeep")
    void rejectsNestingDeeperThanThirtyTwoLevels(String description, String filter) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> FilterParser.parse(filter));

        assertThat(error).isNotNull();
        assertThat(error.type()).isEqualTo(ScimErrorType.INVALID_FILTER);
        assertThat(error.detail()).contains("nests deeper than 32 levels");
    }

    static Stream<Arguments> tooDeep() {
        return Stream.of(
                arguments("33 parentheses", "(".repeat(33) + "a pr" + ")".repeat(33)),
                arguments("33 nots", "not (".repeat(33) + "a pr" + ")".repeat(33)),
                arguments("32 parentheses around a value filter", "(".repeat(32) + "emails[type pr]" + ")".repeat(32)),
                arguments("4000 parentheses", "(".repeat(4000)),
                arguments("800 unclosed nots", "not (".repeat(800)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void rejectsHostileInputWithInvalidFilterNotAStackOverflow(String description, String filter, String detail) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> FilterParser.parse(filter));

        assertThat(error).isNotNull();
        assertThat(error.type()).isEqualTo(ScimErrorType.INVALID_FILTER);
        assertThat(error.detail()).contains(detail).hasSizeLessThan(300);
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                arguments("100,000 parentheses", "(".repeat(100_000), "at most 4096"),
                arguments("a 1 MB string literal", "userName eq \"" + "x".repeat(1 << 20) + "\"", "at most 4096"),
                arguments("100,000 nots", "not (".repeat(100_000), "at most 4096"),
                arguments("nested brackets", "a[".repeat(1000), "Value filters can't be nested"),
                arguments("a long unknown operator", "a " + "x".repeat(4000), "found \"xxxxxxxxxx"),
                arguments("a long string never closed", "a eq \"" + "x".repeat(4000), "not closed"),
                arguments("a long run of ands", "a pr and ".repeat(450), "Expected an attribute path"),
                arguments("control characters", "\u0000\u0001", "found \"\\u0000\""));
    }

    @Test
    void parsesTheLongestAcceptedFilter() {
        String filter = "userName eq \"" + "x".repeat(FilterGrammar.MAX_LENGTH - 14) + "\"";

        assertThat(filter).hasSize(FilterGrammar.MAX_LENGTH);
        assertThat(FilterParser.parse(filter)).isEqualTo(eq("userName", "x".repeat(FilterGrammar.MAX_LENGTH - 14)));
    }

    @Test
    void refusesAFilterOneCharacterPastTheBound() {
        String filter = "userName eq \"" + "x".repeat(FilterGrammar.MAX_LENGTH - 13) + "\"";
        assertThat(filter).hasSize(FilterGrammar.MAX_LENGTH + 1);

        ScimException error = catchThrowableOfType(ScimException.class, () -> FilterParser.parse(filter));

        assertThat(error).isNotNull();
        assertThat(error.type()).isEqualTo(ScimErrorType.INVALID_FILTER);
        assertThat(error.detail()).contains("at most 4096");
    }

    /** Found by FilterParserFuzzTest (crash-ed75c484…): such a filter parsed, then could not be printed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("longWhenPrinted")
    void refusesAFilterWhoseCanonicalTextIsPastTheBound(String description, String filter) {
        assertThat(filter).hasSizeLessThanOrEqualTo(FilterGrammar.MAX_LENGTH);

        ScimException error = catchThrowableOfType(ScimException.class, () -> FilterParser.parse(filter));

        assertThat(error).isNotNull();
        assertThat(error.type()).isEqualTo(ScimErrorType.INVALID_FILTER);
        assertThat(error.detail()).contains("Written canonically").contains("at most 4096");
    }

    static Stream<Arguments> longWhenPrinted() {
        return Stream.of(
                arguments("numbers in plain notation", String.join(" or ", Collections.nCopies(300, "a eq 1e20"))),
                arguments("spaces between tokens", String.join("or ", Collections.nCopies(450, "a eq\"\""))));
    }

    @Test
    void parsesALongFilterWhoseCanonicalTextFits() {
        String filter = String.join("or ", Collections.nCopies(300, "a eq\"\""));

        assertThat(FilterPrinter.print(FilterParser.parse(filter))).hasSizeLessThanOrEqualTo(FilterGrammar.MAX_LENGTH);
    }

    @Test
    void parsesLongChainsOfAndIntoOneFlatNode() {
        String filter = String.join(" and ", java.util.Collections.nCopies(400, "a pr"));

        Filter parsed = FilterParser.parse(filter);

        assertThat(parsed).isInstanceOf(Filter.And.class);
        assertThat(((Filter.And) parsed).operands()).hasSize(400).allMatch(pr("a")::equals);
    }

    @Test
    void keepsAttributeNamesAsWritten() {
        Filter parsed = FilterParser.parse("NAME.GivenName pr");

        assertThat(parsed).isEqualTo(Filter.present(attr("NAME.GivenName")));
    }
}
