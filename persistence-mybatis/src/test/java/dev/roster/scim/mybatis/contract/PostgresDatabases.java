package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.mybatis.RosterDatabase;
import dev.roster.scim.mybatis.testing.TestPostgres;

import java.util.ArrayList;
import java.util.List;

/** Real PostgreSQL databases for the core's contract suites: a new schema per test, all closed after it. */
final class PostgresDatabases {

    private final List<RosterDatabase> open = new ArrayList<>();

    RosterDatabase fresh() {
        RosterDatabase database = RosterDatabase.open(TestPostgres.newSchema());
        open.add(database);
        return database;
    }

    SiteId site(String name) {
        SiteId site = SiteId.of(name);
        open.get(open.size() - 1).siteStore().insert(SiteSettings.newSite(site));
        return site;
    }

    void closeAll() {
        open.forEach(RosterDatabase::close);
        open.clear();
    }
}
