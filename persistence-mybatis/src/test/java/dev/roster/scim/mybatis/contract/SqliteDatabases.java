package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.mybatis.RosterDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real SQLite files for the core's contract suites: a new file per test, all closed after it. */
final class SqliteDatabases {

    private final List<RosterDatabase> open = new ArrayList<>();

    RosterDatabase fresh(Path directory) {
        try {
            RosterDatabase database = RosterDatabase.open(Files.createTempFile(directory, "contract", ".db"));
            open.add(database);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RosterDatabase current() {
        return open.get(open.size() - 1);
    }

    SiteId site(String name) {
        SiteId site = SiteId.of(name);
        current().siteStore().insert(SiteSettings.newSite(site));
        return site;
    }

    void closeAll() {
        open.forEach(RosterDatabase::close);
        open.clear();
    }
}
