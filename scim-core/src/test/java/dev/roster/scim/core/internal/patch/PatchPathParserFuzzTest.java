package dev.roster.scim.core.internal.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roster.scim.core.testing.FuzzInput;
import dev.roster.scim.core.testing.FuzzInvariants;

/**
 * Fuzzes {@link PatchPathParser} (docs/fuzzing.md) over the seeds in {@code PatchPathParserFuzzTestInputs/parse}.
 * A path that parses must also print, as messages show it, to text that parses back to it.
 */
class PatchPathParserFuzzTest {

    @FuzzTest
    void parse(byte[] input) {
        String text = FuzzInput.text(input);
        FuzzInvariants.hold(() -> {
            PatchPath path = PatchPath.parse(text);
            assertThat(PatchPath.parse(path.toString())).as("%s printed as %s", text, path).isEqualTo(path);
        });
    }
}
