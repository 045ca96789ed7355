package dev.roster.scim.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

class RequestIdsTest {

    @Test
    void aFreshIdIsARandomVersionFourUuidInItsCanonicalForm() {
        String id = RequestIds.fresh();
        UUID parsed = UUID.fromString(id);

        assertThat(parsed.version()).isEqualTo(4);
        assertThat(parsed.variant()).isEqualTo(2);
        assertThat(parsed.toString()).isEqualTo(id);
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void freshIdsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(RequestIds.fresh());
        }

        assertThat(ids).hasSize(100_000);
    }

    @Test
    void anAcceptableClientIdIsKeptAndAnyOtherReplaced() {
        assertThat(RequestIds.of(Optional.of("trace-1234"))).isEqualTo("trace-1234");
        assertThat(UUID.fromString(RequestIds.of(Optional.of("bad\r\nid"))).version()).isEqualTo(4);
    }
}
