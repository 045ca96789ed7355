package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Settings on PostgreSQL, where two processes may set one at the same moment. */
class PostgresServerSettingsTest {

    @Test
    void ofProcessesSettingAValueAtOnceExactlyOneSetsIt() throws Exception {
        PostgreSqlSettings settings = TestPostgres.newSchema();
        List<RosterDatabase> processes = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 4; i++) {
                processes.add(RosterDatabase.open(settings));
            }
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < processes.size(); i++) {
                RosterDatabase database = processes.get(i);
                String value = "password-" + i;
                outcomes.add(threads.submit((Callable<Boolean>) () ->
                        database.serverSettings().putIfAbsent("admin.password", value)));
            }
            int set = 0;
            for (Future<Boolean> outcome : outcomes) {
                set += outcome.get(1, TimeUnit.MINUTES) ? 1 : 0;
            }

            assertThat(set).isEqualTo(1);
            String stored = processes.get(0).serverSettings().get("admin.password").orElseThrow();
            assertThat(processes).allSatisfy(database ->
                    assertThat(database.serverSettings().get("admin.password")).contains(stored));
        } finally {
            threads.shutdownNow();
            processes.forEach(RosterDatabase::close);
        }
    }
}
