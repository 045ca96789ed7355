package dev.roster.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roster.scim.core.testing.FuzzInput;
import dev.roster.scim.core.testing.FuzzInvariants;

/**
 * Fuzzes {@link FilterParser} (docs/fuzzing.md). In {@code mvn verify} it replays the seeds in
 * {@code FilterParserFuzzTestInputs/parse}: RFC 7644's filter examples, the IdP fixtures' filters, edge cases and
 * every input a fuzzing run found. A filter that parses must also print to text that parses back to it.
 */
class FilterParserFuzzTest {

    @FuzzTest
    void parse(byte[] input) {
        String text = FuzzInput.text(input);
        FuzzInvariants.hold(() -> {
            Filter filter = FilterParser.parse(text);
            String printed = FilterPrinter.print(filter);
            assertThat(FilterParser.parse(printed)).as("%s printed as %s", text, printed).isEqualTo(filter);
        });
    }
}
