package dev.roster.scim.mybatis;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates a missing database file readable and writable by its owner only (0600) before SQLite opens it. SQLite gives
 * the {@code -wal} and {@code -shm} files it creates later the mode of the database file, so they are owner-only too;
 * left to itself it would create all three with 0644 less the umask, readable by every local user (token and
 * password hashes, personal data). An existing file keeps the mode its owner gave it.
 */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    static void createIfMissing(Path file) {
        if (Files.exists(file) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another process created it first; it chose the mode
        } catch (IOException e) {
            throw new RosterStorageException("Cannot create the database file " + file + ": " + e.getMessage(), e);
        }
    }
}
