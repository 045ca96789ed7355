package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.port.out.CursorKeys;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The key that signs paging cursors: one for every server on a database, read once by each. */
class CursorKeysTest {

    @TempDir
    Path directory;

    @Test
    void theKeyIsReadOnceAndLaterCallsNeitherReadNorWrite() {
        try (RosterDatabase database = RosterDatabase.open(directory.resolve("roster.db"))) {
            CursorKeys keys = database.cursorKeys();
            byte[] first = keys.cursorKey();
            long writes = database.writePath().acknowledged();
            // Were the key read again, this would make the next call store and answer another one.
            database.serverSettings().put("scim.cursor-key", "AAAA");

            assertThat(keys.cursorKey()).isEqualTo(first).hasSize(32);
            assertThat(database.cursorKeys().cursorKey()).isEqualTo(first);
            assertThat(database.writePath().acknowledged()).isEqualTo(writes + 1);
        }
    }

    @Test
    void aCallerChangingItsCopyDoesNotChangeTheKey() {
        try (RosterDatabase database = RosterDatabase.open(directory.resolve("roster.db"))) {
            byte[] copy = database.cursorKeys().cursorKey();
            byte[] original = copy.clone();
            copy[0]++;

            assertThat(database.cursorKeys().cursorKey()).isEqualTo(original);
        }
    }

    @Test
    void serversOnOneSqliteFileOrOnePostgresDatabaseSignWithOneKey() {
        Path file = directory.resolve("shared.db");
        try (RosterDatabase first = RosterDatabase.open(file); RosterDatabase second = RosterDatabase.open(file)) {
            assertThat(second.cursorKeys().cursorKey()).isEqualTo(first.cursorKeys().cursorKey());
        }
        PostgreSqlSettings schema = TestPostgres.newSchema();
        try (RosterDatabase first = RosterDatabase.open(schema); RosterDatabase second = RosterDatabase.open(schema)) {
            assertThat(first.cursorKeys().cursorKey()).isEqualTo(second.cursorKeys().cursorKey());
        }
    }
}
