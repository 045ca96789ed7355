package dev.roster.scim.mybatis;

import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.User;
import dev.roster.scim.jackson.ScimJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ending a current rendering is checked against, written out by hand for speed (ADR 035), is the one
 * {@code ScimJson} writes for {@code meta.version}: otherwise every stored rendering would be judged stale, or a stale
 * one current.
 */
class RenderingVersionEndingTest {

    @Test
    void theEndingIsWhatScimJsonWritesForTheVersion() {
        for (long version : new long[] {0, 1, 9, 10, 12_345, Integer.MAX_VALUE + 1L, Long.MAX_VALUE}) {
            assertThat(UserRows.versionEnding(version)).as("version %d", version)
                    .isEqualTo(ScimJson.write(ScimValue.of(User.etagOf(version))) + "}}");
        }
    }
}
