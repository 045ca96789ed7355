package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withDisplayName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

/**
 * Sorting and ranges compare keys and folded text in code point order, as the core does
 * ({@code CaseFolding.CODE_POINT_ORDER}), on SQLite (BINARY) and on a PostgreSQL database whose default collation
 * is linguistic (ICU {@code en-US}, which puts {@code émile} before {@code zoe} and {@code "10"} after {@code "9"}
 * only by accident of digits): Roster's columns are {@code COLLATE "C"}.
 */
class CodePointOrderTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql with an ICU en-US default collation"})
    void sortsAndRangesFollowCodePointsWhateverTheDatabaseCollation(String where) {
        try (RosterDatabase database = where.equals("sqlite")
                ? RosterDatabase.open(directory.resolve("roster.db"))
                : RosterDatabase.open(TestPostgres.newDatabaseWithLinguisticCollation())) {
            for (User each : List.of(withDisplayName(user("u1", "émile"), "Émile"),
                    withDisplayName(user("u2", "zoe"), "zoe"), withDisplayName(user("u3", "Bob"), "bob"),
                    withDisplayName(user("u4", "adam"), "Adam"), withDisplayName(user("u5", "Zed"), "Zed"))) {
                database.userStore().insert(ACME, each);
            }

            assertThat(ids(database, UserQuery.all(1, 10).withSort(SortSpec.ascending(AttrPath.of("userName")))))
                    .containsExactly("u4", "u3", "u5", "u2", "u1");
            assertThat(ids(database, UserQuery.all(1, 10).withSort(SortSpec.descending(AttrPath.of("displayName")))))
                    .containsExactly("u1", "u2", "u5", "u3", "u4");
            assertThat(ids(database, UserQuery.filtered(FilterParser.parse("userName gt \"f\""), 1, 10)))
                    .containsExactly("u1", "u2", "u5");
            assertThat(ids(database, UserQuery.filtered(FilterParser.parse("displayName lt \"é\""), 1, 10)))
                    .containsExactly("u2", "u3", "u4", "u5");
        }
    }

    private static List<String> ids(RosterDatabase database, UserQuery query) {
        return database.userStore().search(ACME, query).users().stream().map(User::id).toList();
    }
}
