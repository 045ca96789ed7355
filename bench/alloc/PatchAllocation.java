import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.mapping.WrittenUser;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.port.out.Transactions;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.testkit.InMemoryAuditLog;
import dev.roster.scim.testkit.InMemorySiteStore;
import dev.roster.scim.testkit.InMemoryUserStore;
import dev.roster.scim.testkit.UserBuilder;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The core's share of W2: {@code ScimUsersService.patchRendered} replacing {@code active} (a real flip each time) on
 * in-memory stores, plus the default representation a rendering store (SQLite, PostgreSQL) prepares for the new
 * value. Users are shaped like the benchmark's seed (userName, name, one work email). Prints the bytes allocated and
 * the CPU time of this thread per PATCH for each round.
 *
 * <pre>
 * java -cp scim-core/target/classes:roster-testkit/target/classes bench/alloc/PatchAllocation.java [rounds] [per round]
 * </pre>
 */
public final class PatchAllocation {

    private static final SiteId SITE = SiteId.of("bench");
    private static final int USERS = 1_000;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        InMemoryUserStore users = new InMemoryUserStore();
        InMemorySiteStore sites = new InMemorySiteStore();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        sites.insert(SiteSettings.newSite(SITE).withSsoConfigured(true).withScimEnabled(true));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String id = "user-" + i;
            String userName = String.format("demo.user.%07d@example.com", i);
            users.insert(SITE, UserBuilder.user(id, userName).name("Demo", String.format("User %07d", i))
                    .email(new Email(userName, Optional.of("work"), true, Optional.empty())).build());
            ids.add(id);
        }
        // Units without rollback: the in-memory store's snapshot copies every user, which no real store does.
        Transactions direct = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
        ScimUsersService scim = new ScimUsersService(new Ports(users, sites, audit, direct, AccountEvents.NONE,
                Clock.systemUTC()));
        ScimObject[] bodies = {body(false), body(true)};
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sequence = 0;
        long sink = 0;
        for (int round = 1; round <= rounds; round++) {
            long bytes = bean.getCurrentThreadAllocatedBytes();
            long cpu = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++, sequence++) {
                String id = ids.get((int) (sequence % USERS));
                ScimObject body = bodies[(int) (sequence / USERS % 2)];
                WrittenUser written = scim.patchRendered(SITE, id, body, Optional.empty());
                sink += UserResources.defaultRepresentation(written.user()).size();
            }
            bytes = bean.getCurrentThreadAllocatedBytes() - bytes;
            cpu = bean.getCurrentThreadCpuTime() - cpu;
            System.out.printf("round %d: %,d bytes/PATCH, %.2f µs CPU/PATCH%n", round, bytes / perRound,
                    cpu / 1_000.0 / perRound);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static ScimObject body(boolean active) {
        return ScimObject.builder()
                .put("schemas", new ScimArray(List.of(ScimValue.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"))))
                .put("Operations", new ScimArray(List.of(ScimObject.builder().put("op", "replace")
                        .put("path", "active").put("value", active).build())))
                .build();
    }
}
