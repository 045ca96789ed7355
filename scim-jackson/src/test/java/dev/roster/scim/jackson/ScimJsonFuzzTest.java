package dev.roster.scim.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.testing.FuzzInvariants;

import java.io.ByteArrayInputStream;

/**
 * Fuzzes JSON text to the core's value tree (docs/fuzzing.md): {@link ScimJson#read(java.io.InputStream)} over raw
 * bytes, as a request body arrives, over the seeds in {@code ScimJsonFuzzTestInputs/read} (the IdP fixtures'
 * bodies, RFC 7643/7644 examples, hostile edge cases). What is read must write back as JSON that reads to the same
 * tree: the server answers with what it stored, and the SQLite store keeps the document as that JSON.
 */
class ScimJsonFuzzTest {

    @FuzzTest
    void read(byte[] input) {
        FuzzInvariants.hold(() -> {
            ScimValue value = ScimJson.read(new ByteArrayInputStream(input));
            assertThat(ScimJson.read(ScimJson.write(value))).isEqualTo(value);
        });
    }
}
