package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link RosterDatabase#preloadSqlite()} runs on a thread of its own at the start of a host's process, beside the
 * host's first {@code open} (ADR 053): whichever comes first, each database opened beside it works, on real files.
 */
class SqlitePreloadTest {

    @TempDir
    Path directory;

    @Test
    void databasesOpenedBesidePreloadsEachStoreAndReadBack() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Optional<String>>> opened = new ArrayList<>();
        List<CompletableFuture<Void>> preloads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            preloads.add(CompletableFuture.runAsync(() -> {
                await(go);
                RosterDatabase.preloadSqlite();
            }));
            Path file = directory.resolve("roster-" + i + ".db");
            String value = "value " + i;
            opened.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                try (RosterDatabase database = RosterDatabase.open(file)) {
                    database.serverSettings().put("preload.test", value);
                    return database.serverSettings().get("preload.test");
                }
            }));
        }
        go.countDown();
        for (CompletableFuture<Void> preload : preloads) {
            preload.get(60, TimeUnit.SECONDS);
        }
        for (int i = 0; i < opened.size(); i++) {
            assertThat(opened.get(i).get(60, TimeUnit.SECONDS)).as("database %d", i).hasValue("value " + i);
        }
        RosterDatabase.preloadSqlite();
        try (RosterDatabase again = RosterDatabase.open(directory.resolve("roster-0.db"))) {
            assertThat(again.serverSettings().get("preload.test")).as("after one more preload").hasValue("value 0");
        }
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
