package dev.roster.scim.core.bench;

import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterEvaluator;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of parsing filters of three sizes and of evaluating a typical IdP filter against one user. Run with
 * {@code mvn -pl scim-core test-compile exec:exec@bench -Dbench.args=FilterParsingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FilterParsingBenchmark {

    static final String SIMPLE = "userName eq \"bjensen\"";

    static final String MEDIUM = "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]";

    static final String COMPLEX = "(userName sw \"J\" or name.familyName co \"O'Malley\") and not (title pr)"
            + " and meta.lastModified gt \"2011-05-13T04:42:34Z\""
            + " and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090\""
            + " or emails[type eq \"work\" and (value ew \"@example.com\" or value ew \"@example.org\")]"
            + " and active eq true and externalId ne null and userName eq \"b\\u00e9a \\\"the\\\" jensen\"";

    private FilterEvaluator mediumEvaluator;
    private ScimObject user;

    @Setup
    public void setUp() {
        mediumEvaluator = FilterEvaluator.of(FilterParser.parse(MEDIUM));
        user = ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of(UserSchemas.CORE_USER)))
                .put("id", "2819c223-7f76-453a-919d-413861904646")
                .put("userName", "bjensen@example.com")
                .put("userType", "Employee")
                .put("active", true)
                .put("emails", ScimArray.of(
                        ScimObject.builder().put("value", "bjensen@home.example.org").put("type", "home").build(),
                        ScimObject.builder().put("value", "Babs.Jensen@Example.COM").put("type", "Work")
                                .put("primary", true).build()))
                .put("meta", ScimObject.builder().put("created", "2010-01-23T04:56:22Z")
                        .put("lastModified", "2011-05-13T04:42:34Z").build())
                .build();
    }

    @Benchmark
    public Filter parseSimple() {
        return FilterParser.parse(SIMPLE);
    }

    @Benchmark
    public Filter parseMedium() {
        return FilterParser.parse(MEDIUM);
    }

    @Benchmark
    public Filter parseComplex() {
        return FilterParser.parse(COMPLEX);
    }

    @Benchmark
    public boolean evaluateMedium() {
        return mediumEvaluator.matches(user);
    }
}
