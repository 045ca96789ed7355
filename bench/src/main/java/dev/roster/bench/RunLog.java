package dev.roster.bench;

import dev.roster.bench.HttpBenchmark.Measurement;
import dev.roster.bench.HttpBenchmark.Run;
import dev.roster.bench.HttpBenchmark.Setup;
import dev.roster.bench.HttpBenchmark.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --report-from LOG}: the runs read back from the benchmark's own console output, for a run that was stopped
 * before it wrote the docs. Only complete runs (every setup, every workload) are kept; the log rounds req/s and RSS.
 */
final class RunLog {

    private static final Pattern RUN = Pattern.compile("\\] run (\\d+): (.+)$");
    private static final Pattern LOAD = Pattern.compile("\\] run (\\d+) load: (.+) → (.+)$");
    private static final Pattern MEASURED = Pattern.compile("\\]   (W[123]): ([0-9.]+) req/s, p50 ([0-9.]+) ms, "
            + "p99 ([0-9.]+) ms, RSS (.+), non-2xx (\\d+), socket errors (\\d+)$");

    private RunLog() {
    }

    static List<Run> read(Path log, int setups) throws IOException {
        Map<Integer, Map<Setup, Map<Workload, Measurement>>> runs = new LinkedHashMap<>();
        Map<Integer, String[]> loads = new LinkedHashMap<>();
        int run = 0;
        Setup setup = Setup.BARE;
        for (String line : Files.readAllLines(log)) {
            Matcher load = LOAD.matcher(line);
            Matcher started = RUN.matcher(line);
            Matcher measured = MEASURED.matcher(line);
            if (load.find()) {
                loads.put(Integer.parseInt(load.group(1)), new String[] {load.group(2), load.group(3)});
            } else if (started.find()) {
                run = Integer.parseInt(started.group(1));
                String label = started.group(2);
                setup = Arrays.stream(Setup.values()).filter(s -> s.logLine.equals(label)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("unknown setup in " + line));
            } else if (measured.find()) {
                List<Long> rss = Arrays.stream(measured.group(5).split(" \\+ "))
                        .map(value -> Long.parseLong(value.replace(" MiB", "")) * 1024 * 1024).toList();
                double rate = Double.parseDouble(measured.group(2));
                Wrk.Result result = new Wrk.Result(rate, Math.round(rate), Double.parseDouble(measured.group(3)),
                        Double.parseDouble(measured.group(4)), Long.parseLong(measured.group(6)),
                        Long.parseLong(measured.group(7)), line);
                runs.computeIfAbsent(run, number -> new LinkedHashMap<>())
                        .computeIfAbsent(setup, any -> new LinkedHashMap<>())
                        .put(Workload.valueOf(measured.group(1)), new Measurement(result, List.of(result), rss));
            }
        }
        List<Run> complete = new ArrayList<>();
        runs.forEach((number, results) -> {
            boolean whole = results.size() == setups
                    && results.values().stream().allMatch(byWorkload -> byWorkload.size() == Workload.values().length);
            if (whole) {
                String[] load = loads.getOrDefault(number, new String[] {"not recorded", "not recorded"});
                complete.add(new Run(complete.size() + 1, load[0], load[1], results));
            }
        });
        return complete;
    }
}
