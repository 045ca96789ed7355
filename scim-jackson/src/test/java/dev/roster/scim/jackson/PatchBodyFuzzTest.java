package dev.roster.scim.jackson;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roster.scim.core.internal.patch.PatchRequest;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.testing.FuzzInvariants;

import java.io.ByteArrayInputStream;

/**
 * Fuzzes a PATCH body from JSON text to {@link PatchRequest} (docs/fuzzing.md), the way {@code UsersResource}
 * reads one, over the seeds in {@code PatchBodyFuzzTestInputs/parse}: the IdP fixtures' and RFC 7644's PATCH
 * bodies and edge cases. scim-core's {@code PatchRequestFuzzTest} fuzzes the same bodies as value trees.
 */
class PatchBodyFuzzTest {

    @FuzzTest
    void parse(byte[] input) {
        FuzzInvariants.hold(() -> {
            ScimObject body = ScimJson.readObject(new ByteArrayInputStream(input));
            PatchRequest.parse(body);
        });
    }
}
