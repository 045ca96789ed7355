package dev.roster.scim.mybatis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Opens a fresh database for each test: a real SQLite file, or a PostgreSQL schema in subclasses that say so. */
abstract class DatabaseTest {

    @TempDir
    Path directory;

    RosterDatabase database;

    @BeforeEach
    void openDatabase() {
        database = open(inMemoryFiltering());
    }

    /** A SQLite file here; the Postgres… subclasses open a PostgreSQL schema instead. */
    RosterDatabase open(InMemoryFiltering inMemory) {
        return RosterDatabase.open(directory.resolve("roster.db"), inMemory);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    InMemoryFiltering inMemoryFiltering() {
        return InMemoryFiltering.CORE;
    }
}
