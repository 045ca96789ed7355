package dev.roster.scim.mybatis;

import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.mapping.StoredRendering;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.Keyset;
import dev.roster.scim.core.port.out.KeysetPage;
import dev.roster.scim.core.port.out.RenderedKeysetPage;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.jackson.ScimJson;
import dev.roster.scim.testkit.RandomUsers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row whose rendering is missing (written before migration V11) or belongs to another version (written by a
 * Roster of before it, which updates the row but not the rendering) or is of another rendering format is rendered
 * from the row, never served stale.
 */
class StoredRenderingFallbackTest extends DatabaseTest {

    @Test
    void aRowWithoutARenderingIsRenderedFromTheRow() throws SQLException {
        User user = new RandomUsers(1L).next(1);
        database.userStore().insert(ACME, user);
        execute("UPDATE users SET scim_json = NULL");

        assertThat(served()).isEqualTo(slowPath());
        if (!user.hidden()) {
            assertThat(database.userStore().findRendered(ACME, user.id()).orElseThrow().user().json())
                    .isEqualTo(slowPath());
        }
    }

    @Test
    void aRenderingOfAnotherVersionIsNotServed() throws SQLException {
        User user = new RandomUsers(2L).next(1);
        database.userStore().insert(ACME, user);
        execute("UPDATE users SET version = version + 1, display_name = 'changed elsewhere'");

        String served = served();

        assertThat(served).isEqualTo(slowPath()).contains("changed elsewhere")
                .contains("\"version\":\"W/\\\"" + (user.version() + 1) + "\\\"\"");
        if (!user.hidden()) {
            StoredRendering found = database.userStore().findRendered(ACME, user.id()).orElseThrow();
            assertThat(found.user().json()).isEqualTo(slowPath());
            assertThat(found.version()).isEqualTo(user.version() + 1);
        }
    }

    /**
     * A rendering of another format (ADR 030: written by a Roster that rendered users differently), though of the
     * row's own version, is rendered from the row.
     */
    @Test
    void aRenderingOfAnotherFormatIsNotServed() throws SQLException {
        User user = new RandomUsers(3L).next(1);
        database.userStore().insert(ACME, user);
        execute("UPDATE users SET scim_format = " + (UserRows.RENDERING_FORMAT - 1)
                + ", scim_json = '{\"formerly\":\"shown\",' || substr(scim_json, 2)");

        assertThat(served()).isEqualTo(slowPath()).doesNotContain("formerly");
    }

    /**
     * A page whose rows mix current renderings with a missing one, one of another version and one of another
     * format: every user as the slow path renders it, in the search's order, and the search's total (ADR 035: the
     * page read for renderings only is read again whole).
     */
    @Test
    void aPageMixingStaleAndCurrentRenderingsIsThePageOfTheSlowPath() throws SQLException {
        twelveUsersWithStaleRenderingsAt(4L, 2, 5, 9);

        RenderedPage page = database.userStore().searchRendered(ACME, EVERYONE).orElseThrow();
        UserPage searched = database.userStore().search(ACME, EVERYONE);

        assertThat(page.users()).extracting(RenderedUser::json).containsExactlyElementsOf(searched.users().stream()
                .map(user -> ScimJson.write(UserResources.defaultRepresentation(user))).toList());
        assertThat(page.totalResults()).isEqualTo(searched.totalResults()).isEqualTo(12);
    }

    /** The same mix on a keyset page (a cursor page), forward and backward. */
    @Test
    void aKeysetPageMixingStaleAndCurrentRenderingsIsThePageOfTheSlowPath() throws SQLException {
        twelveUsersWithStaleRenderingsAt(5L, 1, 6, 8);
        UserQuery byEight = EVERYONE.withCountOf(8);
        String middle = database.userStore().searchByKeyset(ACME, byEight, Keyset.first()).last().orElseThrow();

        for (Keyset keyset : List.of(Keyset.first(), Keyset.after(middle), Keyset.before(middle))) {
            RenderedKeysetPage page = database.userStore().searchRenderedByKeyset(ACME, byEight, keyset)
                    .orElseThrow();
            KeysetPage searched = database.userStore().searchByKeyset(ACME, byEight, keyset);

            assertThat(page.users()).extracting(RenderedUser::json).containsExactlyElementsOf(searched.users()
                    .stream().map(user -> ScimJson.write(UserResources.defaultRepresentation(user))).toList())
                    .noneMatch(json -> json.contains("formerly"));
            assertThat(page.totalResults()).isEqualTo(searched.totalResults()).isEqualTo(12);
        }
    }

    /**
     * Twelve random users; in the id order, the rendering of the one at {@code missing} is removed, the one at
     * {@code otherVersion} belongs to its previous version, the one at {@code otherFormat} is of another format.
     */
    private void twelveUsersWithStaleRenderingsAt(long seed, int missing, int otherVersion, int otherFormat)
            throws SQLException {
        RandomUsers random = new RandomUsers(seed);
        for (int i = 0; i < 12; i++) {
            database.userStore().insert(ACME, random.next(i));
        }
        List<String> ids = database.userStore().search(ACME, EVERYONE).users().stream().map(User::id).toList();
        execute("UPDATE users SET scim_json = NULL WHERE id = '" + ids.get(missing) + "'");
        execute("UPDATE users SET version = version + 1 WHERE id = '" + ids.get(otherVersion) + "'");
        execute("UPDATE users SET scim_format = " + (UserRows.RENDERING_FORMAT - 1)
                + ", scim_json = '{\"formerly\":\"shown\",' || substr(scim_json, 2) WHERE id = '"
                + ids.get(otherFormat) + "'");
    }

    /** Hidden and pending users too: whatever the random user is. */
    private static final UserQuery EVERYONE = new UserQuery(Optional.empty(), Optional.empty(), 1, 20, true,
            UserQuery.Pending.INCLUDED);

    private String served() {
        return database.userStore().searchRendered(ACME, EVERYONE).orElseThrow().users().stream()
                .map(RenderedUser::json).findFirst().orElseThrow();
    }

    private String slowPath() {
        User read = database.userStore().search(ACME, EVERYONE).users().get(0);
        return ScimJson.write(UserResources.defaultRepresentation(read));
    }

    /** Runs {@code sql} on the database beside Roster, as an older Roster or a migration left the rows. */
    void execute(String sql) throws SQLException {
        try (Connection connection = SqliteConnections.openWriter(directory.resolve("roster.db"));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
