package dev.roster.scim.core.filter;

import static dev.roster.scim.core.filter.FilterFixtures.attr;
import static dev.roster.scim.core.filter.FilterFixtures.urn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SortOrderingTest {

    private static List<String> sorted(List<ScimObject> users, AttrPath path, boolean ascending) {
        List<ScimObject> copy = new ArrayList<>(users);
        copy.sort(SortOrdering.comparator(path, ascending));
        return copy.stream().map(SampleUsers::userName).toList();
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                arguments(attr("userName"), List.of("ann", "BOB", "zed", "émile")),
                arguments(attr("title"), List.of("émile", "ann", "BOB", "zed")),
                arguments(attr("emails.value"), List.of("ann", "émile", "BOB", "zed")),
                arguments(attr("emails"), List.of("ann", "émile", "BOB", "zed")),
                arguments(attr("meta.created"), List.of("émile", "ann", "BOB", "zed")),
                arguments(attr("meta.lastModified"), List.of("ann", "émile", "BOB", "zed")),
                arguments(attr("active"), List.of("ann", "émile", "BOB", "zed")),
                arguments(attr("externalId"), List.of("émile", "BOB", "ann", "zed")),
                arguments(attr("name.familyName"), List.of("ann", "émile", "BOB", "zed")),
                arguments(urn(UserSchemas.ENTERPRISE_USER, "department"), List.of("émile", "ann", "BOB", "zed")),
                arguments(urn(UserSchemas.ENTERPRISE_USER, "manager"), List.of("émile", "ann", "BOB", "zed")));
    }

    @ParameterizedTest(name = "{0} ascending: {1}")
    @MethodSource("orders")
    void sortsAscendingWithMissingValuesLast(AttrPath path, List<String> expected) {
        assertThat(sorted(SampleUsers.ALL, path, true)).isEqualTo(expected);
    }

    @Test
    void sortsDescendingWithMissingValuesFirst() {
        assertThat(sorted(SampleUsers.ALL, attr("meta.created"), false)).containsExactly("zed", "BOB", "ann", "émile");
        assertThat(sorted(SampleUsers.ALL, attr("title"), false)).containsExactly("ann", "BOB", "zed", "émile");
    }

    @Test
    void comparesDateTimesAsInstantsNotAsText() {
        // ann's "2020-01-01T00:00:00+02:00" is before BOB's "2019-12-31T23:00:00Z".
        assertThat(sorted(List.of(SampleUsers.BOB, SampleUsers.ANN), attr("meta.created"), true))
                .containsExactly("ann", "BOB");
    }

    @Test
    void sortsAMultiValuedAttributeByItsPrimaryValueElseItsFirst() {
        ScimObject primaryLast = ScimObject.builder().put("userName", "p").put("emails", ScimArray.of(
                SampleUsers.email("z@example.com", "home", false),
                SampleUsers.email("a@example.com", "work", true))).build();
        ScimObject noPrimary = ScimObject.builder().put("userName", "n").put("emails", ScimArray.of(
                SampleUsers.email("m@example.com", "home", false),
                SampleUsers.email("b@example.com", "work", false))).build();

        assertThat(sorted(List.of(noPrimary, primaryLast), attr("emails.value"), true)).containsExactly("p", "n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unordered")
    void leavesTheOrderAloneForPathsThatNameNoSortableValue(AttrPath path) {
        assertThat(sorted(SampleUsers.ALL, path, true)).containsExactly("émile", "ann", "BOB", "zed");
        assertThat(sorted(SampleUsers.ALL, path, false)).containsExactly("émile", "ann", "BOB", "zed");
    }

    static Stream<AttrPath> unordered() {
        return Stream.of(attr("unknownThing"), attr("password"), attr("name"), attr("meta"),
                attr("name.middle"));
    }
}
