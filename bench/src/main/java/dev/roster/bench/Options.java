package dev.roster.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command line of {@code bench/run-http} (after the script's own steps). */
record Options(int runs, int users, int seconds, int warmupSeconds, int maxWarmupRounds, int jitQuietPercent,
               boolean profile, String postgresUrl, String postgresDescription, List<String> extraJvmArgs,
               String command, int basePort, Optional<Path> reportFrom, List<HttpBenchmark.Workload> workloads) {

    static Options parse(String[] args) {
        int runs = 3;
        int users = 100_000;
        int seconds = 20;
        int warmupSeconds = 5;
        int maxWarmupRounds = 24;
        int jitQuietPercent = 10;
        boolean profile = false;
        String postgresUrl = "";
        String postgresDescription = "";
        List<String> jvm = new ArrayList<>();
        String command = "bench/run-http";
        int basePort = 18080;
        Path reportFrom = null;
        List<HttpBenchmark.Workload> workloads = List.of(HttpBenchmark.Workload.values());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--max-warmup-rounds" -> maxWarmupRounds = Integer.parseInt(args[++i]);
                case "--jit-quiet-percent" -> jitQuietPercent = Integer.parseInt(args[++i]);
                case "--profile" -> profile = true;
                case "--postgres-url" -> postgresUrl = args[++i];
                case "--postgres-description" -> postgresDescription = args[++i];
                case "--jvm-arg" -> jvm.add(args[++i]);
                case "--command" -> command = args[++i];
                case "--base-port" -> basePort = Integer.parseInt(args[++i]);
                case "--report-from" -> reportFrom = Path.of(args[++i]);
                case "--workloads" -> workloads = java.util.Arrays.stream(args[++i].split(","))
                        .map(HttpBenchmark.Workload::valueOf).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Options(runs, users, seconds, warmupSeconds, maxWarmupRounds, jitQuietPercent, profile,
                postgresUrl, postgresDescription, List.copyOf(jvm), command, basePort,
                Optional.ofNullable(reportFrom), workloads);
    }
}
