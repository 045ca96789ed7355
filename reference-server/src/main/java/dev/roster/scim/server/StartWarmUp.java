package dev.roster.scim.server;

import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.jackson.ScimJson;
import dev.roster.scim.mybatis.RosterDatabase;

import java.util.Map;

/**
 * Work the start needs later, done beside it on a daemon thread of its own ({@code roster-warm-up}) from the first
 * line of {@code main} (ADR 053): the SQLite driver's native library, which the database's open otherwise extracts
 * and loads at its head, while the main thread parses the options and configures the logging; then Jackson's
 * mappers, which the first SCIM answer otherwise builds, while the main thread builds Jersey's application. Both are
 * class loading and static set-up that a later call finds done (or waits for, if it is under way); nothing here
 * touches a database, a port or a secret, and a failure is left for the call that needs the work to report.
 */
final class StartWarmUp {

    private static final String POSTGRESQL = "jdbc:postgresql:";

    private StartWarmUp() {
    }

    static void begin(String[] args, Map<String, String> environment) {
        boolean sqlite = needsSqlite(args, environment);
        Thread thread = new Thread(() -> {
            if (sqlite) {
                RosterDatabase.preloadSqlite();
            }
            try {
                ScimJson.write(ScimValue.of(""));
            } catch (RuntimeException | LinkageError e) {
                // The first request that writes JSON does it again and reports it.
            }
        }, "roster-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A guess from the raw arguments, before they are parsed: a start with a PostgreSQL URL in {@code --db} (or, without
     * {@code --db}, in {@code ROSTER_DB}) needs no SQLite driver. A wrong guess costs time, never correctness.
     */
    static boolean needsSqlite(String[] args, Map<String, String> environment) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--db=")) {
                return !args[i].substring("--db=".length()).strip().startsWith(POSTGRESQL);
            }
            if (args[i].equals("--db") && i + 1 < args.length) {
                return !args[i + 1].strip().startsWith(POSTGRESQL);
            }
        }
        return !String.valueOf(environment.get(DatabaseLocation.VARIABLE)).strip().startsWith(POSTGRESQL);
    }
}
