package dev.roster.scim.mybatis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Opens a fresh database in a real SQLite file for each test. */
abstract class DatabaseTest {

    @TempDir
    Path directory;

    RosterDatabase database;

    @BeforeEach
    void openDatabase() {
        database = RosterDatabase.open(directory.resolve("roster.db"), inMemoryFiltering());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    InMemoryFiltering inMemoryFiltering() {
        return InMemoryFiltering.CORE;
    }
}
