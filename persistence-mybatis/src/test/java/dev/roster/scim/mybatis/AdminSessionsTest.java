package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.mybatis.AdminSessions.Session;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class AdminSessionsTest extends DatabaseTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aSessionIsFoundByItsHashTouchedForwardOnlyAndDeleted() {
        AdminSessions sessions = database.adminSessions();
        sessions.create(new Session("h1", T0, T0, T0.plus(Duration.ofHours(8))));

        sessions.touch("h1", T0.plusSeconds(60));
        sessions.touch("h1", T0.plusSeconds(30));

        assertThat(sessions.find("h1")).contains(new Session("h1", T0, T0.plusSeconds(60), T0.plus(Duration.ofHours(8))));
        assertThat(sessions.find("h2")).isEmpty();
        sessions.delete("h1");
        assertThat(sessions.find("h1")).isEmpty();
    }

    @Test
    void endedSessionsAreRemovedAndTheOthersStay() {
        AdminSessions sessions = database.adminSessions();
        sessions.create(new Session("expired", T0, T0.plusSeconds(3500), T0.plusSeconds(3600)));
        sessions.create(new Session("idle", T0, T0, T0.plus(Duration.ofHours(8))));
        sessions.create(new Session("live", T0, T0.plusSeconds(3500), T0.plus(Duration.ofHours(8))));

        sessions.deleteEnded(T0.plusSeconds(3600), T0.plusSeconds(1800));

        assertThat(sessions.find("expired")).isEmpty();
        assertThat(sessions.find("idle")).isEmpty();
        assertThat(sessions.find("live")).isPresent();
        sessions.deleteAll();
        assertThat(sessions.find("live")).isEmpty();
    }

    @Test
    void sessionsSurviveReopeningTheDatabase() {
        database.adminSessions().create(new Session("kept", T0, T0, T0.plusSeconds(60)));
        database.close();
        database = RosterDatabase.open(directory.resolve("roster.db"));

        assertThat(database.adminSessions().find("kept")).isPresent();
    }
}
