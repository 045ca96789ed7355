package dev.roster.scim.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/** The hash and its form check, pinned to their first definitions (ADR 051 replaced both with faster ones). */
class TokenHashTest {

    @Property(tries = 1000)
    void hashIsTheSha256OfTheUtf8Bytes(@ForAll String token) throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));

        assertThat(TokenHash.of(token).hex()).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void acceptsExactlyWhatTheRegularExpressionAccepts(@ForAll("nearlyHashes") String hex) {
        boolean accepted;
        try {
            new TokenHash(hex);
            accepted = true;
        } catch (IllegalArgumentException refused) {
            accepted = false;
        }

        assertThat(accepted).as(hex).isEqualTo(hex.matches("[0-9a-f]{64}"));
    }

    @Test
    void refusesUpperCaseAndWrongLengths() {
        String valid = "0123456789abcdef".repeat(4);
        assertThat(new TokenHash(valid).hex()).isEqualTo(valid);
        assertThatThrownBy(() -> new TokenHash(valid.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenHash(valid + "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenHash(valid.substring(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threadsHashingAtOnceEachGetTheirOwnTokensHash() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        String token = "token-" + thread + "-" + i;
                        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(token.getBytes(StandardCharsets.UTF_8)));
                        if (!TokenHash.of(token).hex().equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdown();
        }
    }

    @Provide
    Arbitrary<String> nearlyHashes() {
        Arbitrary<Character> hexish = Arbitraries.of('0', '9', 'a', 'f', 'g', 'A', 'F', '/', ':', '`', ' ', 'é');
        Arbitrary<String> mostlyValid = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64)
                .flatMap(valid -> Arbitraries.integers().between(0, 63).flatMap(at -> hexish
                        .map(c -> valid.substring(0, at) + c + valid.substring(at + 1))));
        return Arbitraries.oneOf(mostlyValid,
                Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(60).ofMaxLength(68),
                hexish.list().ofMaxSize(70).map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                }));
    }
}
