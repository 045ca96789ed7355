package dev.roster.scim.core.filter;

import static dev.roster.scim.core.filter.FilterFixtures.and;
import static dev.roster.scim.core.filter.FilterFixtures.attr;
import static dev.roster.scim.core.filter.FilterFixtures.cmp;
import static dev.roster.scim.core.filter.FilterFixtures.co;
import static dev.roster.scim.core.filter.FilterFixtures.eq;
import static dev.roster.scim.core.filter.FilterFixtures.not;
import static dev.roster.scim.core.filter.FilterFixtures.num;
import static dev.roster.scim.core.filter.FilterFixtures.or;
import static dev.roster.scim.core.filter.FilterFixtures.pr;
import static dev.roster.scim.core.filter.FilterFixtures.urn;
import static dev.roster.scim.core.filter.FilterFixtures.vp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.scim.core.schema.UserSchemas;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterPrinterTest {

    static Stream<Arguments> canonicalForms() {
        return Stream.of(
                arguments(eq("userName", "bjensen"), "userName eq \"bjensen\""),
                arguments(and(pr("a"), or(pr("b"), pr("c"))), "a pr and (b pr or c pr)"),
                arguments(or(and(pr("a"), pr("b")), pr("c")), "a pr and b pr or c pr"),
                arguments(and(or(pr("a"), pr("b")), or(pr("c"), pr("d"))), "(a pr or b pr) and (c pr or d pr)"),
                arguments(not(or(pr("a"), pr("b"))), "not (a pr or b pr)"),
                arguments(not(pr("a")), "not (a pr)"),
                arguments(and(not(pr("a")), pr("b")), "not (a pr) and b pr"),
                arguments(vp("emails", and(eq("type", "work"), co("value", "@x"))),
                        "emails[type eq \"work\" and value co \"@x\"]"),
                arguments(vp("emails", or(eq("type", "work"), eq("type", "home"))),
                        "emails[type eq \"work\" or type eq \"home\"]"),
                arguments(eq("a", "quote\" back\\ newline\n tab\t nul\u0000 unit\u001f é 😀"),
                        "a eq \"quote\\\" back\\\\ newline\\n tab\\t nul\\u0000 unit\\u001f é 😀\""),
                arguments(eq("a", "/"), "a eq \"/\""),
                arguments(eq("a", 1000), "a eq 1000"),
                arguments(eq("a", num("1.50")), "a eq 1.5"),
                arguments(eq("a", num("-0.0025")), "a eq -0.0025"),
                arguments(eq("a", num("1e50")), "a eq 1E+50"),
                arguments(eq("a", num("1e-50")), "a eq 1E-50"),
                arguments(eq("a", true), "a eq true"),
                arguments(eq("a", null), "a eq null"),
                arguments(cmp("meta.lastModified", CompareOp.GT, "2011-05-13T04:42:34Z"),
                        "meta.lastModified gt \"2011-05-13T04:42:34Z\""),
                arguments(eq(urn(UserSchemas.ENTERPRISE_USER, "manager.value"), "42"),
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"42\""),
                arguments(FilterParser.parse("NOT ( userName  Eq \"john\" )  AND  title PR"),
                        "not (userName eq \"john\") and title pr"),
                arguments(FilterParser.parse("emails[type eq \"work\"].value eq \"x\""),
                        "emails[type eq \"work\" and value eq \"x\"]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("canonicalForms")
    void printsTheCanonicalForm(Filter filter, String expected) {
        assertThat(FilterPrinter.print(filter)).isEqualTo(expected);
        assertThat(FilterParser.parse(expected)).isEqualTo(filter);
    }

    static Stream<Arguments> unprintable() {
        return Stream.of(
                arguments("a name with a space", Filter.present(AttrPath.of("has space"))),
                arguments("a name starting with a digit", Filter.present(AttrPath.of("1st"))),
                arguments("a sub-attribute with a dot", Filter.present(AttrPath.of("name", "a.b"))),
                arguments("a schema that is no URI", Filter.present(new AttrPath(Optional.of("schema"), "a",
                        Optional.empty()))),
                arguments("a value filter in a value filter", vp("emails", vp("type", pr("x")))),
                arguments("gt null", cmp("a", CompareOp.GT, null)),
                arguments("le true", cmp("a", CompareOp.LE, true)),
                arguments("co with a number", cmp("a", CompareOp.CO, 5)),
                arguments("an unpaired surrogate", eq("a", "\ud800")),
                arguments("33 levels of not", deepNot(33)),
                arguments("more than 4096 characters", eq("a", "x".repeat(5000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unprintable")
    void refusesAnAstNoFilterTextParsesTo(String description, Filter filter) {
        assertThatIllegalArgumentException().isThrownBy(() -> FilterPrinter.print(filter));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printableEdges")
    void printsAstsAtTheEdgesOfTheGrammar(String description, Filter filter) {
        assertThat(FilterParser.parse(FilterPrinter.print(filter))).isEqualTo(filter);
    }

    static Stream<Arguments> printableEdges() {
        return Stream.of(
                arguments("32 levels of not", deepNot(32)),
                arguments("attribute named not", eq("not", "x")),
                arguments("attribute named not with a value filter", vp("not", pr("and"))),
                arguments("attribute named pr", pr("pr")),
                arguments("$ref", pr("groups.$ref")),
                arguments("an unknown URN", Filter.present(urn("urn:a.b:c-d", "e.f"))),
                arguments("a URN ending in a colon", Filter.present(urn("urn:a:", "b"))),
                arguments("the largest exponent", eq("a", num("1e308"))),
                arguments("the smallest exponent", eq("a", num("-1.5e-308"))),
                arguments("every significant digit at the largest exponent",
                        eq("a", num("9.999999999999999999999999999999999e308"))),
                arguments("zero", eq("a", num("0.000"))),
                arguments("value filter with not inside", vp("emails", not(or(pr("a"), pr("b"))))),
                arguments("value filter on a sub-attribute", Filter.valuePath(attr("name.givenName"), pr("x"))));
    }

    private static Filter deepNot(int levels) {
        Filter filter = pr("a");
        for (int i = 0; i < levels; i++) {
            filter = not(filter);
        }
        return filter;
    }
}
