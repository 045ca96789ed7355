package dev.roster.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FilterRoundTripTest {

    @Property(tries = 2000)
    void parsingThePrintedFilterGivesTheSameAst(@ForAll("filters") Filter filter) {
        String printed = FilterPrinter.print(filter);

        assertThat(FilterParser.parse(printed)).as(printed).isEqualTo(filter);
    }

    @Property
    void printingIsCanonical(@ForAll("filters") Filter filter) {
        String printed = FilterPrinter.print(filter);

        assertThat(FilterPrinter.print(FilterParser.parse(printed))).isEqualTo(printed);
    }

    @Property
    void stringLiteralsSurviveTheRoundTrip(@ForAll("strings") String text) {
        Filter filter = Filter.compare(AttrPath.of("title"), CompareOp.EQ, CompValue.of(text));

        assertThat(FilterParser.parse(FilterPrinter.print(filter))).isEqualTo(filter);
    }

    @Provide
    Arbitrary<Filter> filters() {
        return FilterArbitraries.filters(3);
    }

    @Provide
    Arbitrary<String> strings() {
        return FilterArbitraries.strings().list().ofMaxSize(20).map(parts -> String.join("", parts));
    }
}
