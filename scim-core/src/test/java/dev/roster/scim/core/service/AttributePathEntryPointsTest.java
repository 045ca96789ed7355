package dev.roster.scim.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.AttributePath;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.internal.patch.PatchPath;
import dev.roster.scim.core.port.in.RequestedAttributes;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.out.UserQuery;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The four places that read an attribute path from a client — a filter, a PATCH path, the {@code attributes} list
 * and {@code sortBy} — accept and refuse exactly the same texts, those of {@link AttributePath}, and read an
 * accepted one the same way.
 */
class AttributePathEntryPointsTest {

    @Property(tries = 3000)
    void everyEntryPointAcceptsWhatTheGrammarAccepts(@ForAll("pathTexts") String text) {
        boolean wellFormed = AttributePath.isWellFormed(text);

        assertThat(filterAccepts(text)).as("filter %s pr", text).isEqualTo(wellFormed);
        assertThat(patchAccepts(text)).as("PATCH path %s", text).isEqualTo(wellFormed);
        assertThat(attributesAccept(text)).as("attributes=%s", text).isEqualTo(wellFormed);
        assertThat(sortByAccepts(text)).as("sortBy=%s", text).isEqualTo(wellFormed);
    }

    @Property(tries = 1000)
    void theFilterAndPatchReadAnAcceptedPathAlike(@ForAll("pathTexts") String text) {
        if (!AttributePath.isWellFormed(text)) {
            return;
        }
        AttrPath expected = AttributePath.parse(text);
        PatchPath patch = PatchPath.parse(text);

        assertThat(((Filter.Present) FilterParser.parse(text + " pr")).path()).isEqualTo(expected);
        assertThat(new AttrPath(patch.schemaUrn(), patch.attribute(), patch.subAttribute())).isEqualTo(expected);
    }

    /**
     * Texts made of pieces that matter to the grammar: names, {@code $ref} and other {@code $} names, schema URNs,
     * separators and characters no path holds. Brackets, quotes, commas and whitespace are left out: they are the
     * syntax around a path in a filter, a PATCH path or a list, not part of one.
     */
    @Provide
    Arbitrary<String> pathTexts() {
        Arbitrary<String> piece = Arbitraries.of("userName", "name", "givenName", "emails", "value", "manager",
                "$ref", "$REF", "$foo", "na$me", "$", "urn", "urn:", "ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "http", ":", ".", "..", "2.0", "a", "Z",
                "1", "9x", "-", "_", "x-y", "a_b", "+", "/", "%20", "é", "@", "#", "not", "pr");
        return piece.list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join("", parts));
    }

    private static boolean filterAccepts(String text) {
        return accepts(() -> FilterParser.parse(text + " pr"), ScimErrorType.INVALID_FILTER);
    }

    private static boolean patchAccepts(String text) {
        return accepts(() -> PatchPath.parse(text), ScimErrorType.INVALID_PATH);
    }

    private static boolean attributesAccept(String text) {
        return accepts(() -> RequestedAttributes.of(Optional.of(text), Optional.empty()), ScimErrorType.INVALID_VALUE);
    }

    /** sortBy also refuses well-formed paths no schema defines; only the grammar's refusal counts here. */
    private static boolean sortByAccepts(String text) {
        try {
            SearchQueries.toQuery(new SearchRequest(Optional.empty(), Optional.of(text), Optional.empty(),
                    OptionalInt.empty(), OptionalInt.empty()), Optional.empty(), false, UserQuery.Pending.EXCLUDED);
            return true;
        } catch (ScimException e) {
            assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
            return !e.detail().contains("is no attribute path");
        }
    }

    private static boolean accepts(Runnable entryPoint, ScimErrorType refusal) {
        try {
            entryPoint.run();
            return true;
        } catch (ScimException e) {
            assertThat(e.type()).isEqualTo(refusal);
            return false;
        }
    }
}
