package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.User;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class ConcurrentUpdatesTest extends DatabaseTest {

    private static final int THREADS = 8;
    private static final int UPDATES_PER_THREAD = 200;

    /**
     * Read-modify-write with optimistic versions from many threads: no update is lost, none fails with a busy
     * database, and every success is exactly one version bump.
     */
    @Test
    void concurrentReadModifyWriteCyclesLoseNoUpdateAndNeverFailBusy() throws Exception {
        database.userStore().insert(ACME, user("u1", "ann"));
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> successes = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                String writer = "thread-" + t;
                successes.add(threads.submit(() -> updateRepeatedly(writer)));
            }
            int total = 0;
            for (Future<Integer> success : successes) {
                total += success.get(5, TimeUnit.MINUTES);
            }

            User last = database.userStore().findById(ACME, "u1").orElseThrow();
            assertThat(total).isEqualTo(THREADS * UPDATES_PER_THREAD);
            assertThat(last.version()).isEqualTo(1L + THREADS * UPDATES_PER_THREAD);
            assertThat(last.otherAttributes().get("counter")).contains(ScimValue.of(THREADS * UPDATES_PER_THREAD));
        } finally {
            threads.shutdownNow();
        }
    }

    private int updateRepeatedly(String writer) {
        int succeeded = 0;
        while (succeeded < UPDATES_PER_THREAD) {
            User current = database.userStore().findById(ACME, "u1").orElseThrow();
            long counter = current.otherAttributes().get("counter")
                    .map(value -> ((dev.roster.scim.core.json.ScimNumber) value).value().longValueExact())
                    .orElse(0L);
            ScimObject other = current.otherAttributes().with("counter", ScimValue.of(counter + 1))
                    .with("lastWriter", ScimValue.of(writer));
            User next = current.withProfile(current.userName(), current.externalId(), current.displayName(),
                    current.name(), current.emails(), other).nextVersion(ChangeSource.SCIM, T0);
            if (database.userStore().update(ACME, next, current.version())) {
                succeeded++;
            }
        }
        return succeeded;
    }
}
