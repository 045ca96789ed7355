package dev.roster.bench;

import dev.roster.bench.HttpBenchmark.Measurement;
import dev.roster.bench.HttpBenchmark.Run;
import dev.roster.bench.HttpBenchmark.Setup;
import dev.roster.bench.HttpBenchmark.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Writes the measured part of docs/benchmarks-http.md, between its {@code generated} markers, and of
 * docs/deployment.md, between its {@code bench-postgresql} markers; the prose around them is kept.
 */
final class Report {

    private final Options options;
    private final List<Run> runs;
    private final String machine;

    Report(Options options, List<Run> runs, String machine) {
        this.options = options;
        this.runs = runs;
        this.machine = machine;
    }

    void write(Path file) throws IOException {
        replaceBetween(file, "generated", results());
    }

    void writeDeployment(Path file) throws IOException {
        replaceBetween(file, "bench-postgresql", deployment());
    }

    private List<Setup> setups() {
        return List.copyOf(runs.get(0).results().keySet());
    }

    private String results() {
        StringBuilder out = new StringBuilder();
        out.append("## Results (").append(LocalDate.now(ZoneOffset.UTC)).append(")\n\n");
        out.append("```sh\n").append(options.command()).append("\n```\n\n");
        out.append(options.users()).append(" users; wrk `-t2 -c32 -d").append(options.seconds())
                .append("s --latency` per workload after warm-up rounds of ").append(options.warmupSeconds())
                .append(" s until two in a row agree within 10 % and the JIT compiler threads used at most ")
                .append(options.jitQuietPercent()).append(" % of a core in the last (at most ")
                .append(options.maxWarmupRounds())
                .append(" rounds); every server a fresh JVM with `-Xmx1g` per run (Roster also with the README's ")
                .append(String.join(" ", HttpBenchmark.README_JVM_OPTIONS))
                .append(", ADR 052), measured one at a time.\n\n");
        out.append(machine).append("\n- load (`uptime`) before → after each run: ")
                .append(runs.stream().map(run -> "run " + run.number() + ": " + run.loadBefore() + " → "
                        + run.loadAfter()).collect(Collectors.joining("; "))).append("\n\n");

        out.append("### Throughput: median of ").append(runs.size())
                .append(" runs, ratio to the bare endpoint of the same run (req/s)\n\n| workload |");
        setups().forEach(setup -> out.append(' ').append(setup.label).append(" |"));
        out.append("\n| --- |").append(" ---: |".repeat(setups().size())).append('\n');
        for (Workload workload : Workload.values()) {
            out.append("| ").append(workload.label).append(" |");
            for (Setup setup : setups()) {
                out.append(' ').append(ratio(median(runs, run -> ratioOf(run, setup, workload))))
                        .append(" (").append(rate(median(runs, run -> measured(run, setup, workload).result()
                                .requestsPerSecond()))).append(" req/s) |");
            }
            out.append('\n');
        }
        if (setups().contains(Setup.POSTGRES_TWO)) {
            out.append("\n*2 servers*: two reference servers on the one PostgreSQL database, each driven by its own "
                    + "wrk process (`-t2 -c32` each, at the same time); their req/s are summed, p50/p99 are the "
                    + "worse of the two, RSS is the two servers' sum.\n");
        }

        out.append("\n### Latency and memory: medians of the runs\n\n"
                + "| workload | server | p50 | p99 | RSS after the run | RSS / bare |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Workload workload : Workload.values()) {
            for (Setup setup : setups()) {
                out.append("| ").append(workload.name()).append(" | ").append(setup.label).append(" | ")
                        .append(millis(median(runs, run -> measured(run, setup, workload).result().p50Millis())))
                        .append(" | ")
                        .append(millis(median(runs, run -> measured(run, setup, workload).result().p99Millis())))
                        .append(" | ")
                        .append(megabytes(median(runs, run -> measured(run, setup, workload).rssTotal())))
                        .append(" | ").append(ratio(median(runs, run -> (double) measured(run, setup, workload)
                                .rssTotal() / measured(run, Setup.BARE, workload).rssTotal()))).append(" |\n");
            }
        }

        out.append("\n### Each run\n\n| run | workload | server | req/s | / bare | p50 | p99 | RSS after | "
                + "non-2xx | socket errors |\n| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Run run : runs) {
            for (Workload workload : Workload.values()) {
                for (Setup setup : setups()) {
                    Measurement measurement = measured(run, setup, workload);
                    Wrk.Result result = measurement.result();
                    out.append("| ").append(run.number()).append(" | ").append(workload.name()).append(" | ")
                            .append(setup.label).append(" | ").append(rate(result.requestsPerSecond()))
                            .append(" | ").append(ratio(ratioOf(run, setup, workload))).append(" | ")
                            .append(latency(result, result.p50Millis())).append(" | ")
                            .append(latency(result, result.p99Millis()))
                            .append(" | ").append(megabytes(measurement.rssBytes())).append(" | ")
                            .append(result.non2xx()).append(" | ").append(result.socketErrors()).append(" |\n");
                }
            }
        }
        return out.toString();
    }

    private String deployment() {
        StringBuilder out = new StringBuilder();
        out.append("Measured by the HTTP benchmark of [benchmarks-http.md](benchmarks-http.md) on ")
                .append(LocalDate.now(ZoneOffset.UTC)).append(" (`").append(options.command()).append("`, ")
                .append(options.users()).append(" users, medians of ").append(runs.size())
                .append(" runs; each server a JVM with `-Xmx1g` and the README's ")
                .append(String.join(" ", HttpBenchmark.README_JVM_OPTIONS))
                .append("; *2 servers*: one wrk process `-t2 -c32` per "
                        + "server at the same time, req/s summed, p99 the worse of the two):\n\n");
        out.append("| workload | 1 server | 2 servers | 2 / 1 | p99, 1 server | p99, 2 servers |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Workload workload : Workload.values()) {
            double one = median(runs, run -> measured(run, Setup.POSTGRES_ONE, workload).result().requestsPerSecond());
            double two = median(runs, run -> measured(run, Setup.POSTGRES_TWO, workload).result().requestsPerSecond());
            out.append("| ").append(workload.label).append(" | ").append(rate(one)).append(" req/s | ")
                    .append(rate(two)).append(" req/s | ").append(ratio(two / one)).append(" | ")
                    .append(millis(median(runs, run -> measured(run, Setup.POSTGRES_ONE, workload).result()
                            .p99Millis()))).append(" | ")
                    .append(millis(median(runs, run -> measured(run, Setup.POSTGRES_TWO, workload).result()
                            .p99Millis()))).append(" |\n");
        }
        out.append("\n").append(machine).append('\n');
        return out.toString();
    }

    private static Measurement measured(Run run, Setup setup, Workload workload) {
        return run.results().get(setup).get(workload);
    }

    private static double ratioOf(Run run, Setup setup, Workload workload) {
        return measured(run, setup, workload).result().requestsPerSecond()
                / measured(run, Setup.BARE, workload).result().requestsPerSecond();
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Two significant digits below 0.1 (0.058, 0.0031), two decimals above. */
    static String ratio(double value) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        if (value >= 0.1 || value == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(2)).toPlainString();
    }

    static String rate(double perSecond) {
        return perSecond >= 10_000 ? String.format(Locale.ROOT, "%.1fk", perSecond / 1000)
                : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** wrk reports 0 latency when no request completed within its 10 s timeout. */
    private static String latency(Wrk.Result result, double millis) {
        return result.requests() == 0 ? "none done" : millis(millis);
    }

    static String millis(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.2f ms", value) : String.format(Locale.ROOT, "%.0f ms", value);
    }

    static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024 / 1024);
    }

    static String megabytes(List<Long> bytes) {
        List<String> each = new ArrayList<>();
        bytes.forEach(value -> each.add(megabytes((double) value)));
        return String.join(" + ", each);
    }

    /** Replaces what lies between {@code <!-- NAME:start -->} and {@code <!-- NAME:end -->}. */
    static void replaceBetween(Path file, String name, String content) throws IOException {
        String text = Files.readString(file);
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " lacks the markers " + start + " … " + end);
        }
        Files.writeString(file, text.substring(0, from + start.length()) + "\n" + content
                + text.substring(to));
    }
}
