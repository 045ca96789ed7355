package dev.roster.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's {@code wrk} and reads its summary and {@code --latency} distribution. */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final int threads;
    private final int connections;

    Wrk(int threads, int connections) {
        this.threads = threads;
        this.connections = connections;
    }

    /** What one wrk process measured. */
    record Result(double requestsPerSecond, long requests, double p50Millis, double p99Millis, long non2xx,
                  long socketErrors, String output) {

        /** Two wrk processes run side by side, one per server: rates and counts add, latencies are the worse. */
        static Result summed(List<Result> parts) {
            return new Result(parts.stream().mapToDouble(Result::requestsPerSecond).sum(),
                    parts.stream().mapToLong(Result::requests).sum(),
                    parts.stream().mapToDouble(Result::p50Millis).max().orElse(0),
                    parts.stream().mapToDouble(Result::p99Millis).max().orElse(0),
                    parts.stream().mapToLong(Result::non2xx).sum(),
                    parts.stream().mapToLong(Result::socketErrors).sum(),
                    String.join("\n", parts.stream().map(Result::output).toList()));
        }
    }

    /** One wrk call to each target at once; {@code targets.get(i)} is {url, script, script args...}. */
    List<Result> runTogether(List<List<String>> targets, int seconds) throws IOException, InterruptedException {
        List<Process> running = new ArrayList<>();
        for (List<String> target : targets) {
            List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                    "-d" + seconds + "s", "--timeout", "10s", "--latency", "-s", target.get(1), target.get(0), "--"));
            command.addAll(target.subList(2, target.size()));
            running.add(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        List<Result> results = new ArrayList<>();
        for (Process process : running) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            results.add(parse(output));
        }
        return results;
    }

    static Result parse(String output) {
        return new Result(Double.parseDouble(find(RATE, output)), Long.parseLong(find(TOTAL, output)),
                percentile(output, "50%"), percentile(output, "99%"), optional(NON_2XX, output),
                socketErrors(output), output);
    }

    private static long socketErrors(String output) {
        Matcher matcher = SOCKET_ERRORS.matcher(output);
        if (!matcher.find()) {
            return 0;
        }
        long sum = 0;
        for (int group = 1; group <= 4; group++) {
            sum += Long.parseLong(matcher.group(group));
        }
        return sum;
    }

    private static double percentile(String output, String label) {
        Matcher matcher = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$",
                Pattern.MULTILINE).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + label + " latency in wrk's output:\n" + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        return matcher.group(1);
    }

    private static long optional(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    static Path script(Path benchDirectory, String name) {
        return benchDirectory.resolve("wrk").resolve(name);
    }
}
