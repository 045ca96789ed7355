import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.mybatis.RosterDatabase;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * W2's store calls alone on one thread (ADR 047): the thread's CPU time and allocated bytes per {@code findById} and
 * per {@code findById} + {@code update} of {@code active}, on a copy of the benchmark's SQLite file. Run each jar on
 * its own copy, alternating them:
 *
 * <pre>
 * cp bench/work/sqlite-100000.db /tmp/a.db
 * java -Xmx1g -cp reference-server.jar bench/loops/StoreWriteLoop.java /tmp/a.db bench/work/sqlite-100000/ids.txt 2000 2000 main
 * </pre>
 *
 * Arguments: the database, the ids file, the warm-up writes (ten times as many reads), the measured writes (five
 * times as many reads), a label.
 */
public class StoreWriteLoop {
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        List<String> ids = Files.readAllLines(Path.of(args[1]));
        int warm = Integer.parseInt(args[2]);
        int measured = Integer.parseInt(args[3]);
        SiteId site = SiteId.of("demo");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        Random random = new Random(12);
        try (RosterDatabase database = RosterDatabase.open(db)) {
            UserStore store = database.userStore();
            for (String phase : new String[] {"warm-read", "warm", "read", "write"}) {
                int n = switch (phase) {
                    case "warm-read" -> warm * 10;
                    case "warm", "write" -> phase.equals("warm") ? warm : measured;
                    default -> measured * 5;
                };
                long cpu0 = threads.getThreadCpuTime(me);
                long alloc0 = threads.getThreadAllocatedBytes(me);
                for (int i = 0; i < n; i++) {
                    String id = ids.get(random.nextInt(ids.size()));
                    User user = store.findById(site, id).orElseThrow();
                    if (!phase.endsWith("read")) {
                        User flipped = user.withActive(!user.active()).nextVersion(ChangeSource.SCIM, Instant.now());
                        if (!store.update(site, flipped, user.version())) {
                            throw new IllegalStateException("lost " + id);
                        }
                    }
                }
                long cpu = threads.getThreadCpuTime(me) - cpu0;
                long alloc = threads.getThreadAllocatedBytes(me) - alloc0;
                if (!phase.startsWith("warm")) {
                    System.out.printf("%s %s: %.1f us CPU/op, %d bytes/op%n", args[4], phase.equals("read")
                            ? "findById" : "findById+update", cpu / 1000.0 / n, alloc / n);
                }
            }
        }
    }
}
