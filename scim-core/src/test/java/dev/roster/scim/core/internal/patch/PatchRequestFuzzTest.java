package dev.roster.scim.core.internal.patch;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roster.scim.core.internal.policy.ScimAssertions;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.testing.FuzzInvariants;
import dev.roster.scim.core.testing.ScimValueBytes;
import dev.roster.scim.testkit.UserBuilder;

import java.util.Optional;

/**
 * Fuzzes PATCH request bodies as the core receives them (docs/fuzzing.md): a {@link ScimValue} tree built straight
 * from the fuzzer's bytes ({@link ScimValueBytes}), so that trees no JSON reader would produce get in too. A body
 * that parses is applied to a user the way {@code ScimUsers.patch} does, up to the profile and the assertions the
 * policy reads. The seeds in {@code PatchRequestFuzzTestInputs/parseAndApply} are the IdP fixtures' and RFC 7644's
 * PATCH bodies in that binary form; scim-jackson's {@code PatchBodyFuzzTest} fuzzes the same path from JSON text.
 */
class PatchRequestFuzzTest {

    private static final User ANN = UserBuilder.user("u1", "ann@example.com")
            .externalId("ann-ext")
            .displayName("Ann Lee")
            .name("Ann", "Lee")
            .email("ann@example.com")
            .email(new Email("ann@home.example", Optional.of("home"), false, Optional.empty()))
            .other("title", "Engineer")
            .build();

    @FuzzTest
    void parseAndApply(byte[] input) {
        ScimValue body = ScimValueBytes.decode(input);
        FuzzInvariants.hold(() -> apply(body));
    }

    /** What {@code ScimUsersService.patch} does with a body before the policy and the store. */
    static void apply(ScimValue body) {
        if (!(body instanceof ScimObject object)) {
            return;
        }
        PatchRequest request = PatchRequest.parse(object);
        ScimObject patched = PatchEngine.apply(UserResources.editableView(ANN), request);
        UserResources.profileOf(patched).applyTo(ANN);
        ScimAssertions.of(patched);
    }
}
