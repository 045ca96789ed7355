package dev.roster.scim.core.testing;

import dev.roster.scim.core.error.ScimException;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The two invariants every fuzz target holds its parser to (issue 9, docs/fuzzing.md): the only exception that may
 * escape is {@link ScimException}, and no input costs more than {@link #BUDGET}.
 *
 * <p>The budget is measured in this thread's CPU time, not on the wall clock: a loaded 2-core machine stretches the
 * wall clock of a parse that did little work, but not its CPU time, and garbage collection and JIT compilation run
 * on their own threads. An input over budget is run again, and only when every attempt is over budget is it a
 * finding, so a one-off stall (class loading on the first input, a safepoint) cannot fail a build. A parser that is
 * really slow on an input is slow every time.
 */
public final class FuzzInvariants {

    /** The most CPU time one input may cost. */
    public static final Duration BUDGET = Duration.ofMillis(100);

    private static final int ATTEMPTS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FuzzInvariants() {
    }

    /**
     * Runs the target on one input. It may return or throw {@link ScimException}; any other throwable propagates
     * and is the fuzzer's finding, and so is an {@link AssertionError} when the input is over budget every time.
     */
    public static void hold(Runnable target) {
        long fastest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long start = cpuNanos();
            try {
                target.run();
            } catch (ScimException refused) {
                // The parser's one legitimate way to say no.
            }
            long spent = cpuNanos() - start;
            if (spent <= BUDGET.toNanos()) {
                return;
            }
            fastest = Math.min(fastest, spent);
        }
        throw new AssertionError("The input cost at least " + Duration.ofNanos(fastest).toMillis()
                + " ms of CPU time in each of " + ATTEMPTS + " runs; the budget is " + BUDGET.toMillis() + " ms");
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
