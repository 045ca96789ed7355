package dev.roster.scim.core.internal.patch;

import static dev.roster.scim.core.internal.patch.PatchFixtures.json;
import static dev.roster.scim.core.internal.patch.PatchFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.mapping.UserInputNormalizer;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.Mutability;
import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.SchemaDefinition;
import dev.roster.scim.core.schema.UserSchemas;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The engine checks the schema invariants only on the attribute slots its operations wrote; this shows that the
 * verdict is the full check's, for random users and random operations, under the User schemas' own invariants and
 * under made-up ones that put an invariant on every attribute (so that nearly every change of a slot is refused).
 */
class SchemaInvariantsShortcutTest {

    private static final String ENTERPRISE = UserSchemas.ENTERPRISE_USER;

    private static final SchemaInvariants STRICT = invariants(definition -> rebuilt(definition, true,
            Mutability.IMMUTABLE));
    private static final SchemaInvariants REQUIRED = invariants(definition -> rebuilt(definition, true,
            definition.mutability()));
    private static final SchemaInvariants IMMUTABLE = invariants(definition -> rebuilt(definition, false,
            Mutability.IMMUTABLE));

    @Property(tries = 3000)
    void checkingTheWrittenSlotsGivesTheVerdictOfCheckingEverything(@ForAll("invariants") SchemaInvariants invariants,
                                                                   @ForAll("users") ScimObject before,
                                                                   @ForAll("requests") PatchRequest request) {
        TouchedSlots touched = new TouchedSlots();
        ScimObject after;
        try {
            after = PatchEngine.applyOperations(before, request, touched);
        } catch (ScimException refusedByAnOperation) {
            Statistics.collect("an operation refused");
            return;
        }
        Optional<String> full = verdict(() -> invariants.check(before, after));
        Optional<String> shortcut = verdict(() -> invariants.check(before, after, touched));
        Statistics.collect(full.isPresent() ? "invariant broken" : "invariants hold");

        assertThat(shortcut).isEqualTo(full);
    }

    @Provide
    Arbitrary<SchemaInvariants> invariants() {
        return Arbitraries.of(SchemaInvariants.forUsers(), STRICT, REQUIRED, IMMUTABLE);
    }

    @Provide
    Arbitrary<ScimObject> users() {
        Arbitrary<Optional<String>> text = Arbitraries.of("ann", "Ann", "bob").optional(0.6);
        Arbitrary<Optional<ScimValue>> name = Arbitraries.of("{\"givenName\": \"Ann\"}",
                "{\"givenName\": \"Ann\", \"familyName\": \"Lee\"}", "{\"familyName\": \"Lee\"}")
                .map(PatchFixtures::value).optional(0.5);
        Arbitrary<Optional<ScimValue>> emails = Arbitraries.of(
                "[{\"value\": \"a@x.org\", \"type\": \"work\", \"primary\": true}]",
                "[{\"value\": \"a@x.org\", \"type\": \"work\"}, {\"value\": \"b@x.org\", \"type\": \"home\"}]",
                "[{\"value\": \"b@x.org\", \"type\": \"home\", \"primary\": true}]")
                .map(PatchFixtures::value).optional(0.5);
        Arbitrary<Optional<ScimValue>> enterprise = Arbitraries.of("{\"employeeNumber\": \"7\"}",
                "{\"department\": \"Ops\", \"manager\": {\"value\": \"boss\"}}",
                "{\"employeeNumber\": \"7\", \"manager\": {\"value\": \"boss\", \"$ref\": \"../Users/boss\"}}")
                .map(PatchFixtures::value).optional(0.5);
        return Combinators.combine(text, text, text, name, emails, enterprise).as((userName, displayName, title,
                                                                                   names, addresses, employee) -> {
            ScimObject.Builder user = ScimObject.builder();
            userName.ifPresent(v -> user.put("userName", v));
            displayName.ifPresent(v -> user.put("displayName", v));
            title.ifPresent(v -> user.put("title", v));
            names.ifPresent(v -> user.put("name", v));
            addresses.ifPresent(v -> user.put("emails", v));
            employee.ifPresent(v -> user.put(ENTERPRISE, v));
            return UserInputNormalizer.normalize(user.build());
        });
    }

    @Provide
    Arbitrary<PatchRequest> requests() {
        Arbitrary<String> op = Arbitraries.of("add", "replace", "remove");
        Arbitrary<Optional<String>> path = Arbitraries.of("userName", "USERNAME", "displayName", "title", "nickName",
                "name", "name.givenName", "name.familyName", "emails", "emails[type eq \"work\"]",
                "emails[type eq \"work\"].value", "emails[value eq \"b@x.org\"].primary", "active", "unknownThing",
                ENTERPRISE + ":employeeNumber", ENTERPRISE + ":department", ENTERPRISE + ":manager",
                ENTERPRISE + ":manager.value", "urn:ietf:params:scim:schemas:extension:roster:2.0:User:pending")
                .optional(0.85);
        Arbitrary<Optional<String>> value = Arbitraries.of("\"ann\"", "\"Bob\"", "\"7\"", "null", "true", "[]",
                "{}", "{\"givenName\": \"Ann\"}", "{\"familyName\": \"Kim\", \"givenName\": null}",
                "{\"value\": \"b@x.org\", \"type\": \"home\"}", "[{\"value\": \"c@x.org\", \"type\": \"work\"}]",
                "{\"value\": \"boss\"}", "{\"displayName\": \"D\", \"name\": {\"familyName\": \"F\"}}",
                "{\"userName\": null, \"title\": \"T\"}", "{\"" + ENTERPRISE + "\": {\"employeeNumber\": \"8\"}}",
                "{\"" + ENTERPRISE + ":manager\": {\"value\": \"other\"}}", "{\"" + ENTERPRISE + "\": null}")
                .optional(0.9);
        Arbitrary<ScimObject> operation = Combinators.combine(op, path, value).as((keyword, target, argument) -> {
            ScimObject.Builder built = ScimObject.builder().put("op", keyword);
            target.ifPresent(p -> built.put("path", p));
            argument.ifPresent(a -> built.put("value", value(a)));
            return built.build();
        });
        return operation.list().ofMinSize(1).ofMaxSize(4).map(operations -> {
            try {
                return PatchRequest.parse(ScimObject.builder()
                        .put("schemas", new ScimArray(List.of(ScimValue.of(PatchRequest.PATCH_OP))))
                        .put("Operations", new ScimArray(List.copyOf(operations)))
                        .build());
            } catch (ScimException unparsable) {
                return PatchRequest.parse(json("{\"Operations\": [{\"op\": \"replace\", \"path\": \"active\", "
                        + "\"value\": false}]}"));
            }
        });
    }

    private static Optional<String> verdict(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (ScimException refused) {
            return Optional.of(refused.type() + ": " + refused.detail());
        }
    }

    private static SchemaInvariants invariants(UnaryOperator<AttributeDefinition> rule) {
        List<ResolvedAttribute> all = new ArrayList<>();
        UserSchemas.COMMON_ATTRIBUTES.forEach(attribute -> all.add(new ResolvedAttribute(UserSchemas.CORE_USER, false,
                rule.apply(attribute), Optional.empty())));
        for (SchemaDefinition schema : UserSchemas.ALL) {
            boolean extension = !schema.id().equals(UserSchemas.CORE_USER);
            schema.attributes().forEach(attribute -> all.add(new ResolvedAttribute(schema.id(), extension,
                    rule.apply(attribute), Optional.empty())));
        }
        return new SchemaInvariants(all);
    }

    /** The definition with its sub-attributes, if any, given the same mutability. */
    private static AttributeDefinition rebuilt(AttributeDefinition definition, boolean required,
                                               Mutability mutability) {
        return new AttributeDefinition(definition.name(), definition.type(), definition.multiValued(),
                definition.description(), required, definition.caseExact(), definition.identifier(), mutability,
                definition.returned(), definition.uniqueness(), definition.canonicalValues(),
                definition.referenceTypes(), definition.subAttributes().stream()
                        .map(sub -> rebuilt(sub, sub.required(), mutability)).toList());
    }
}
