package dev.roster.scim.core.internal.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.mapping.UserInputNormalizer;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Bounds that keep one request from holding the server: operations per PATCH, values per attribute. */
class PatchLimitsTest {

    private static final ScimObject ANN = ScimObject.builder().put("userName", "ann").build();

    @Test
    void aPatchWithMoreThanAThousandOperationsIsTooLarge() {
        assertThatThrownBy(() -> PatchRequest.parse(patchOf(1001)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.PAYLOAD_TOO_LARGE);
                    assertThat(e.type().status()).isEqualTo(413);
                    assertThat(e.detail()).contains("1000");
                });
    }

    @Test
    void aPatchOfAThousandOperationsIsAccepted() {
        assertThat(PatchRequest.parse(patchOf(1000)).operations()).hasSize(1000);
    }

    @Test
    void anAttributeSentWithMoreValuesThanTheLimitIsInvalid() {
        ScimObject tooMany = ScimObject.builder().put("emails", emails(UserInputNormalizer.MAX_VALUES + 1)).build();

        assertThatThrownBy(() -> UserInputNormalizer.normalize(tooMany))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("emails");
                });
    }

    @Test
    void anAttributeSentWithAThousandValuesIsKeptAndOneMoreIsNot() {
        ScimObject full = ScimObject.builder().put("userName", "ann").put("emails", emails(1000)).build();

        assertThat(UserInputNormalizer.normalize(full).getArray("emails").map(ScimArray::size)).contains(1000);
        assertThatThrownBy(() -> UserInputNormalizer.normalize(full.with("emails", emails(1001))))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("at most 1000");
                });
    }

    @Test
    void addsThatGrowAnAttributePastTheLimitAreRefusedAndChangeNothing() {
        ScimObject full = ANN.with("emails", emails(UserInputNormalizer.MAX_VALUES));
        PatchRequest oneMore = PatchRequest.of(PatchOperation.add("emails", ScimArray.of(
                ScimObject.builder().put("value", "one-more@example.com").build())));

        assertThatThrownBy(() -> PatchEngine.apply(full, oneMore))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE));
    }

    private static ScimArray emails(int count) {
        return new ScimArray(IntStream.range(0, count)
                .<ScimValue>mapToObj(i -> ScimObject.builder().put("value", "u" + i + "@example.com").build())
                .toList());
    }

    private static ScimObject patchOf(int operations) {
        List<ScimValue> list = new ArrayList<>();
        for (int i = 0; i < operations; i++) {
            list.add(ScimObject.builder().put("op", "replace").put("path", "title").put("value", "t" + i).build());
        }
        return ScimObject.builder().put("Operations", new ScimArray(list)).build();
    }
}
