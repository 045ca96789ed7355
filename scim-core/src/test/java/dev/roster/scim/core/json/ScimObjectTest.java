package dev.roster.scim.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

class ScimObjectTest {

    @Test
    void looksUpMembersInAnyCase() {
        ScimObject user = ScimObject.builder().put("userName", "ann").build();

        assertThat(user.getString("USERNAME")).contains("ann");
        assertThat(user.nameOf("username")).contains("userName");
    }

    @Test
    void replacingAMemberInAnotherCaseKeepsItsPositionAndTakesTheNewSpelling() {
        ScimObject user = ScimObject.builder().put("a", "1").put("userName", "ann").put("z", "2").build();

        ScimObject renamed = user.with("USERNAME", ScimValue.of("bob"));

        assertThat(renamed.names()).containsExactly("a", "USERNAME", "z");
        assertThat(renamed.getString("userName")).contains("bob");
    }

    /** A built object's members are taken as they are (merged once, ADR 042): still unmodifiable, still a map. */
    @Test
    void builtMembersAreUnmodifiableAndEqualAPlainMapOfThem() {
        ScimObject built = ScimObject.builder().put("a", "1").put("b", true).build();
        java.util.Map<String, ScimValue> plain = new java.util.LinkedHashMap<>();
        plain.put("a", ScimValue.of("1"));
        plain.put("b", ScimValue.of(true));

        assertThat(built).isEqualTo(new ScimObject(plain)).hasSameHashCodeAs(new ScimObject(plain));
        assertThat(built.members()).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(new ScimObject(built.members())).isEqualTo(built);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> built.members().put("c", ScimValue.of("2")))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> built.members().entrySet().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(built.with("A", ScimValue.of("x")).names()).containsExactly("A", "b");
    }

    @Test
    void withoutRemovesInAnyCase() {
        ScimObject user = ScimObject.builder().put("title", "Boss").build();

        assertThat(user.without("TITLE").isEmpty()).isTrue();
        assertThat(user.without("other")).isSameAs(user);
    }

    @Test
    void numbersEqualRegardlessOfScale() {
        assertThat(new ScimNumber(new java.math.BigDecimal("1.0"))).isEqualTo(ScimValue.of(1));
        assertThat(new ScimNumber(new java.math.BigDecimal("0.00"))).isEqualTo(ScimValue.of(0));
    }

    @Test
    void caseKeysAreEqualExactlyWhenEqualsIgnoreCaseHoldsForEveryCodePointAndItsCaseVariants() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String original = new String(Character.toChars(c));
            for (int variant : new int[]{Character.toUpperCase(c), Character.toLowerCase(c),
                    Character.toTitleCase(c), Character.toLowerCase(Character.toUpperCase(c))}) {
                String other = new String(Character.toChars(variant));
                assertThat(ScimObject.caseKey(original).equals(ScimObject.caseKey(other)))
                        .as("U+%04X and U+%04X", c, variant)
                        .isEqualTo(original.equalsIgnoreCase(other));
            }
        }
    }

    @Property
    void caseKeysAgreeWithEqualsIgnoreCase(@ForAll String left, @ForAll String right) {
        assertThat(ScimObject.caseKey(left).equals(ScimObject.caseKey(right))).isEqualTo(left.equalsIgnoreCase(right));
    }

    @Test
    @Timeout(20)
    void anObjectOfAHundredThousandMembersIsBuiltInLinearTime() {
        // Merging names case-insensitively used to compare each new name with every earlier one: 5e9 comparisons
        // here, minutes of a worker thread for one 1 MiB request body.
        ScimObject.Builder builder = ScimObject.builder();
        for (int i = 0; i < 100_000; i++) {
            builder.put("member" + i, ScimValue.of(i));
        }
        ScimObject object = builder.build().with("MEMBER0", ScimValue.of(-1));

        assertThat(object.size()).isEqualTo(100_000);
        assertThat(object.names().iterator().next()).isEqualTo("MEMBER0");
        assertThat(new ScimObject(object.members()).size()).isEqualTo(100_000);
    }

    @Property
    void nullMembersCountAsUnassigned(@ForAll String name) {
        ScimObject object = ScimObject.builder().put(name, ScimValue.nullValue()).build();

        assertThat(object.has(name)).isTrue();
        assertThat(object.getAssigned(name)).isEmpty();
    }

    /**
     * Building, {@code with}, {@code without} and the lookups agree with the plain definition of merging names in
     * any case, for objects small enough to compare names one by one and large enough to keep them by case key.
     */
    @Property
    void membersMergeAsTheDefinitionSaysBelowAndAboveTheScannedSize(@ForAll("names") List<String> names,
                                                                     @ForAll("name") String other) {
        List<String> expectedNames = new ArrayList<>();
        List<ScimValue> expectedValues = new ArrayList<>();
        ScimObject.Builder builder = ScimObject.builder();
        for (int i = 0; i < names.size(); i++) {
            builder.put(names.get(i), ScimValue.of(i));
            merge(expectedNames, expectedValues, names.get(i), ScimValue.of(i));
        }
        ScimObject built = builder.build();
        assertAgrees(built, expectedNames, expectedValues, other);

        merge(expectedNames, expectedValues, other, ScimValue.of("new"));
        assertAgrees(built.with(other, ScimValue.of("new")), expectedNames, expectedValues, other);

        int removed = indexInAnyCase(expectedNames, other);
        expectedNames.remove(removed);
        expectedValues.remove(removed);
        ScimObject without = built.with(other, ScimValue.of("new")).without(other);
        assertAgrees(without, expectedNames, expectedValues, other);
        assertThat(without.has(other)).isFalse();
    }

    @Provide
    Arbitrary<List<String>> names() {
        return name().list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<String> name() {
        // Letters with case variants, the Kelvin sign and dotted/dotless i among them, so that names collide.
        return Arbitraries.of("a", "A", "b", "B", "k", "K", "\u212A", "i", "I", "\u0130", "\u0131", "\u00DF")
                .list().ofMinSize(1).ofMaxSize(2).map(parts -> String.join("", parts));
    }

    private static void assertAgrees(ScimObject object, List<String> names, List<ScimValue> values, String probe) {
        assertThat(List.copyOf(object.names())).isEqualTo(names);
        assertThat(List.copyOf(object.members().values())).isEqualTo(values);
        java.util.Map<String, ScimValue> plain = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            plain.put(names.get(i), values.get(i));
        }
        assertThat(object.members()).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(plain).isEqualTo(object.members());
        assertThat(new ScimObject(plain)).isEqualTo(object).hasSameHashCodeAs(object);
        java.util.Map<String, ScimValue> reordered = new java.util.LinkedHashMap<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            reordered.put(names.get(i), values.get(i));
        }
        assertThat(new ScimObject(reordered)).isEqualTo(object);
        if (!names.isEmpty()) {
            assertThat(object.with(names.get(0), ScimValue.of("changed"))).isNotEqualTo(object);
            assertThat(object.members().containsKey(names.get(names.size() - 1))).isTrue();
        }
        for (int i = 0; i < names.size(); i++) {
            assertThat(object.get(upperCased(names.get(i)))).contains(values.get(i));
            assertThat(object.nameOf(names.get(i))).contains(names.get(i));
        }
        int at = indexInAnyCase(names, probe);
        assertThat(object.get(probe)).isEqualTo(at < 0 ? java.util.Optional.empty()
                : java.util.Optional.of(values.get(at)));
    }

    /** Each char in upper case, which {@code equalsIgnoreCase} takes for the same name ("ß" stays, unlike "SS"). */
    private static String upperCased(String name) {
        StringBuilder upper = new StringBuilder(name.length());
        name.chars().forEach(c -> upper.append(Character.toUpperCase((char) c)));
        return upper.toString();
    }

    private static void merge(List<String> names, List<ScimValue> values, String name, ScimValue value) {
        int at = indexInAnyCase(names, name);
        if (at < 0) {
            names.add(name);
            values.add(value);
        } else {
            names.set(at, name);
            values.set(at, value);
        }
    }

    private static int indexInAnyCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
