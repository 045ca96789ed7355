package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The database file and the WAL and shared-memory files SQLite creates beside it are readable by their owner only. */
class DatabaseFilePermissionsTest {

    @TempDir
    Path directory;

    @Test
    void newDatabaseAndItsWalAndShmFilesAreOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        Path file = directory.resolve("roster.db");
        try (RosterDatabase database = RosterDatabase.open(file)) {
            database.userStore().insert(ACME, user("u1", "ann"));

            for (Path each : new Path[]{file, directory.resolve("roster.db-wal"), directory.resolve("roster.db-shm")}) {
                assertThat(each).exists();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(each))).as("mode of %s", each)
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void existingDatabaseKeepsTheModeItsOwnerGaveIt() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        Path file = directory.resolve("shared.db");
        Set<PosixFilePermission> groupReadable = PosixFilePermissions.fromString("rw-r-----");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(groupReadable));

        try (RosterDatabase database = RosterDatabase.open(file)) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(groupReadable);
        }
    }
}
