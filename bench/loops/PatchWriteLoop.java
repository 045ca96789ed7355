import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.PreparedUser;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.mybatis.RosterDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.time.Instant;
import java.util.*;
/**
 * W2's store work on one thread (ADR 050): {@code findById}, {@code prepare} of the flipped user, then one transaction
 * of the version-checked update and its audit record, each committing alone (no group). Prints the thread's CPU time
 * per PATCH, the part in the transaction and its user-mode share (the rest is the kernel: WAL writes and the fsync of
 * {@code synchronous=FULL}), and the bytes it allocated. Run each jar on its own copy, alternating them:
 *
 * <pre>
 * cp bench/work/sqlite-100000.db /tmp/a.db
 * java -Xmx1g -cp reference-server.jar bench/loops/PatchWriteLoop.java /tmp/a.db bench/work/sqlite-100000/ids.txt 3000 3000 main
 * </pre>
 *
 * Arguments: the database, the ids file, the warm-up PATCHes, the measured PATCHes, a label.
 */
public class PatchWriteLoop {
  public static void main(String[] args) throws Exception {
    List<String> ids = Files.readAllLines(Path.of(args[1]));
    int warm = Integer.parseInt(args[2]), measured = Integer.parseInt(args[3]);
    SiteId site = SiteId.of("demo");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long me = Thread.currentThread().getId();
    Random random = new Random(12);
    try (RosterDatabase database = RosterDatabase.open(Path.of(args[0]))) {
      UserStore store = database.userStore();
      for (String phase : new String[] {"warm", "write"}) {
        int n = phase.equals("warm") ? warm : measured;
        long cpu0 = threads.getThreadCpuTime(me), alloc0 = threads.getThreadAllocatedBytes(me);
        long prepNanos = 0, txNanos = 0, txUser = 0;
        for (int i = 0; i < n; i++) {
          String id = ids.get(random.nextInt(ids.size()));
          User user = store.findById(site, id).orElseThrow();
          Instant now = Instant.now();
          User flipped = user.withActive(!user.active()).nextVersion(ChangeSource.SCIM, now);
          long t0 = threads.getThreadCpuTime(me);
          PreparedUser prepared = store.prepare(site, flipped);
          AuditRecord record = new AuditRecord(site, id, user.userName(), ChangeSource.SCIM, user.active() ? "deactivate" : "reactivate",
              Optional.of(user.active() ? "active" : "inactive"), Optional.of(user.active() ? "inactive" : "active"),
              "Deactivated by the identity provider over SCIM.", now);
          long t1 = threads.getThreadCpuTime(me); long u1 = threads.getThreadUserTime(me);
          database.transactions().inTransaction(() -> {
            if (!store.update(site, prepared, user.version())) throw new IllegalStateException("lost " + id);
            database.auditLog().append(record);
            return null;
          });
          long t2 = threads.getThreadCpuTime(me); txUser += threads.getThreadUserTime(me) - u1;
          prepNanos += t1 - t0; txNanos += t2 - t1;
        }
        long cpu = threads.getThreadCpuTime(me) - cpu0, alloc = threads.getThreadAllocatedBytes(me) - alloc0;
        if (phase.equals("write"))
          System.out.printf("%s: %.1f us CPU/PATCH (prepare %.1f, transaction %.1f of which user %.1f), %d bytes/op%n", args[4], cpu / 1000.0 / n,
              prepNanos / 1000.0 / n, txNanos / 1000.0 / n, txUser / 1000.0 / n, alloc / n);
      }
    }
  }
}
