package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class ServerSettingsTest {

    @TempDir
    Path directory;

    @Test
    void aValueIsKeptReplacedAndSurvivesReopening() {
        Path file = directory.resolve("roster.db");
        try (RosterDatabase database = RosterDatabase.open(file)) {
            assertThat(database.serverSettings().get("admin.password")).isEmpty();
            database.serverSettings().put("admin.password", "first");
            database.serverSettings().put("admin.password", "second");
            assertThat(database.serverSettings().putIfAbsent("admin.password", "third")).isFalse();
            assertThat(database.serverSettings().putIfAbsent("other", "set")).isTrue();
        }
        try (RosterDatabase reopened = RosterDatabase.open(file)) {
            assertThat(reopened.serverSettings().get("admin.password")).contains("second");
            assertThat(reopened.serverSettings().get("other")).contains("set");
        }
    }
}
