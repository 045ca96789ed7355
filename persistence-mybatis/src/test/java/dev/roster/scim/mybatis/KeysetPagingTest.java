package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withDisplayName;
import static dev.roster.scim.mybatis.TestUsers.withOther;
import static dev.roster.scim.mybatis.TestUsers.withTimes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.Keyset;
import dev.roster.scim.core.port.out.KeysetPage;
import dev.roster.scim.core.port.out.RenderedKeysetPage;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.jackson.ScimJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keyset pages (RFC 9865 cursors) list, forward and backward, exactly the users an index page lists in the same
 * order: sorted by nullable text with ties, by instants, by id, with a filter SQL answers and one it cannot; users
 * added or removed between two pages never make another user appear twice or go missing. Each page as renderings is
 * the same page.
 */
class KeysetPagingTest extends DatabaseTest {

    private static final int USERS = 37;

    @BeforeEach
    void users() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            // displayNames tie in threes, every fifth is absent; created runs against the ids
            String displayName = i % 5 == 0 ? null : "Name " + (char) ('a' + i / 3 % 26);
            User user = withDisplayName(user(String.format("u%03d", (i * 17) % USERS), "user" + i), displayName);
            user = withOther(user, i % 2 == 0 ? ScimObject.builder().put("title", "Engineer").build()
                    : ScimObject.EMPTY);
            users.add(withTimes(user, T0.minusSeconds(i), T0));
        }
        database.userStore().insertAll(ACME, users);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "displayName asc", "displayName desc", "meta.created asc", "meta.created desc",
            "userName desc", "externalId asc", "userType desc", "meta.lastModified asc"})
    void forwardAndBackwardPagesListWhatTheIndexListsInTheSameOrder(String sort) {
        UserQuery query = sorted(UserQuery.all(1, 5), sort);

        assertThat(forward(query)).containsExactlyElementsOf(indexOrder(query));
        assertThat(backwardFromTheEnd(query)).containsExactlyElementsOf(indexOrder(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"displayName pr", "title eq \"Engineer\"", "title eq \"Engineer\" and displayName pr"})
    void aFilterSqlAnswersOrNotPagesTheSameAsTheIndex(String filter) {
        UserQuery query = sorted(UserQuery.filtered(FilterParser.parse(filter), 1, 4), "displayName desc");

        assertThat(forward(query)).containsExactlyElementsOf(indexOrder(query));
        assertThat(backwardFromTheEnd(query)).containsExactlyElementsOf(indexOrder(query));
    }

    @Test
    void aPageTellsTheTotalAndWhetherMoreFollow() {
        UserQuery query = UserQuery.all(1, 10);

        KeysetPage first = database.userStore().searchByKeyset(ACME, query, Keyset.first());
        KeysetPage last = database.userStore().searchByKeyset(ACME, query.withCountOf(40), Keyset.first());

        assertThat(first.users()).hasSize(10);
        assertThat(first.totalResults()).isEqualTo(USERS);
        assertThat(first.more()).isTrue();
        assertThat(last.users()).hasSize(USERS);
        assertThat(last.more()).isFalse();
    }

    @Test
    void usersAddedAndRemovedBetweenPagesNeitherRepeatNorHideTheOthers() {
        UserQuery query = sorted(UserQuery.all(1, 6), "displayName asc");
        List<String> before = indexOrder(query);
        List<String> seen = new ArrayList<>();
        Keyset keyset = Keyset.first();
        int round = 0;
        while (true) {
            KeysetPage page = page(query, keyset);
            page.users().forEach(user -> seen.add(user.id()));
            // a newcomer sorting first, one sorting last, and the erasure of a user already listed
            database.userStore().insert(ACME, withDisplayName(user("new-a" + round, "early" + round), "Aaa"));
            database.userStore().insert(ACME, withDisplayName(user("new-z" + round, "late" + round), "Zzz"));
            User gone = database.userStore().findById(ACME, seen.get(round)).orElseThrow();
            database.userStore().delete(ACME, gone.id(), gone.version());
            round++;
            if (!page.more()) {
                break;
            }
            keyset = Keyset.after(page.last().orElseThrow());
        }

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(before::contains).toList()).containsExactlyElementsOf(before);
    }

    @Test
    void aSortWithoutAColumnIsRefusedWithAHint() {
        UserQuery query = UserQuery.all(1, 5).withSort(SortSpec.ascending(AttrPath.of("title")));

        assertThatThrownBy(() -> database.userStore().searchByKeyset(ACME, query, Keyset.first()))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("page by startIndex");
                });
    }

    @Test
    void aPositionOfAnotherOrderIsAnInvalidCursor() {
        UserQuery byId = UserQuery.all(1, 5);
        String idPosition = database.userStore().searchByKeyset(ACME, byId, Keyset.first()).last().orElseThrow();
        UserQuery byCreated = sorted(byId, "meta.created asc");

        assertThatThrownBy(() -> database.userStore().searchByKeyset(ACME, byCreated, Keyset.after(idPosition)))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_CURSOR));
    }

    private List<String> forward(UserQuery query) {
        List<String> ids = new ArrayList<>();
        Keyset keyset = Keyset.first();
        for (int guard = 0; guard < 100; guard++) {
            KeysetPage page = page(query, keyset);
            assertThat(page.totalResults()).isEqualTo(indexOrder(query).size());
            page.users().forEach(user -> ids.add(user.id()));
            if (!page.more()) {
                return ids;
            }
            keyset = Keyset.after(page.last().orElseThrow());
        }
        throw new AssertionError("paging did not end");
    }

    /** From the last page backward, each page prepended: the whole list again. */
    private List<String> backwardFromTheEnd(UserQuery query) {
        KeysetPage page = page(query, Keyset.first());
        while (page.more()) {
            page = page(query, Keyset.after(page.last().orElseThrow()));
        }
        List<List<String>> pages = new ArrayList<>();
        pages.add(page.users().stream().map(User::id).toList());
        for (int guard = 0; guard < 100 && page.first().isPresent(); guard++) {
            page = page(query, Keyset.before(page.first().get()));
            assertThat(page.users().size()).isLessThanOrEqualTo(query.count());
            pages.add(page.users().stream().map(User::id).toList());
            if (!page.more()) {
                break;
            }
        }
        Collections.reverse(pages);
        return pages.stream().flatMap(List::stream).toList();
    }

    /**
     * The keyset page, checked against the same page as renderings: each user's stored text is the rendering of the
     * user read, and total, positions and {@code more} agree.
     */
    private KeysetPage page(UserQuery query, Keyset keyset) {
        KeysetPage page = database.userStore().searchByKeyset(ACME, query, keyset);
        RenderedKeysetPage rendered = database.userStore().searchRenderedByKeyset(ACME, query, keyset).orElseThrow();

        assertThat(rendered.users()).extracting(RenderedUser::json).containsExactlyElementsOf(page.users().stream()
                .map(user -> ScimJson.write(UserResources.defaultRepresentation(user))).toList());
        assertThat(rendered.totalResults()).isEqualTo(page.totalResults());
        assertThat(rendered.first()).isEqualTo(page.first());
        assertThat(rendered.last()).isEqualTo(page.last());
        assertThat(rendered.more()).isEqualTo(page.more());
        return page;
    }

    private List<String> indexOrder(UserQuery query) {
        return database.userStore().search(ACME, query.withCountOf(1000)).users().stream().map(User::id).toList();
    }

    private static UserQuery sorted(UserQuery query, String sort) {
        if (sort.isEmpty()) {
            return query;
        }
        String[] parts = sort.split(" ");
        String[] path = parts[0].split("\\.");
        AttrPath attribute = path.length == 1 ? AttrPath.of(path[0]) : AttrPath.of(path[0], path[1]);
        return query.withSort(parts[1].equals("asc") ? SortSpec.ascending(attribute) : SortSpec.descending(attribute));
    }
}
