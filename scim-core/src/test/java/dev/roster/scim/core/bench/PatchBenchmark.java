package dev.roster.scim.core.bench;

import dev.roster.scim.core.internal.patch.PatchEngine;
import dev.roster.scim.core.internal.patch.PatchRequest;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.UserSchemas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Parse and apply of the two PATCH requests Roster sees most: Okta's deactivation (one path-less replace) and an
 * Entra ID profile update (several operations, a filtered email path, dotted and URN keys). The body arrives as a
 * {@link ScimObject} because JSON parsing belongs to the adapter.
 *
 * <p>Run with {@code mvn -pl scim-core test-compile exec:exec@bench -Dbench.args=PatchBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PatchBenchmark {

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final ScimObject user = ScimObject.builder()
            .put("userName", "ann@example.com")
            .put("name", ScimObject.builder().put("givenName", "Ann").put("familyName", "Lee").build())
            .put("displayName", "Ann Lee")
            .put("emails", ScimArray.of(
                    ScimObject.builder().put("value", "ann@work.example").put("type", "work").put("primary", true)
                            .build(),
                    ScimObject.builder().put("value", "ann@home.example").put("type", "home").build()))
            .put("active", true)
            .put(UserSchemas.ENTERPRISE_USER, ScimObject.builder().put("department", "Ops").build())
            .build();

    private final ScimObject oktaDeactivate = ScimObject.builder()
            .put("schemas", ScimArray.of(ScimValue.of(PATCH_OP)))
            .put("Operations", ScimArray.of(ScimObject.builder()
                    .put("op", "replace")
                    .put("value", ScimObject.builder().put("active", false).build())
                    .build()))
            .build();

    private final ScimObject entraUpdate = ScimObject.builder()
            .put("schemas", ScimArray.of(ScimValue.of(PATCH_OP)))
            .put("Operations", ScimArray.of(
                    operation("Replace", "emails[type eq \"work\"].value", ScimValue.of("ann.lee@work.example")),
                    operation("Replace", "name.familyName", ScimValue.of("Lee-Jensen")),
                    operation("Add", UserSchemas.ENTERPRISE_USER + ":manager", ScimValue.of("boss-1")),
                    operation("Replace", "active", ScimValue.of("True")),
                    ScimObject.builder().put("op", "Replace").put("value", ScimObject.builder()
                            .put("displayName", "Ann Lee-Jensen")
                            .put("name.givenName", "Annie")
                            .put(UserSchemas.ENTERPRISE_USER + ":department", "R&D")
                            .put("urn:ietf:params:scim:schemas:extension:CustomExt:2.0:User:stackUserType", "Admin")
                            .build()).build()))
            .build();

    @Benchmark
    public ScimObject oktaDeactivation() {
        return PatchEngine.apply(user, PatchRequest.parse(oktaDeactivate));
    }

    @Benchmark
    public ScimObject entraMultiOperationUpdate() {
        return PatchEngine.apply(user, PatchRequest.parse(entraUpdate));
    }

    private static ScimObject operation(String op, String path, ScimValue value) {
        return ScimObject.builder().put("op", op).put("path", path).put("value", value).build();
    }
}
