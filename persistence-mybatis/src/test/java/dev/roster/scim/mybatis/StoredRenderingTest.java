package dev.roster.scim.mybatis;

import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.mapping.StoredRendering;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.jackson.ScimJson;
import dev.roster.scim.testkit.RandomUsers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendering stored with each write is, byte for byte, what the slow path renders from the user read back
 * (ADR 026): over random users, after their insert and after an update, page by page.
 */
class StoredRenderingTest extends DatabaseTest {

    private static final int USERS = 300;

    @Test
    void theStoredRenderingIsWhatTheUserReadBackRenders() {
        RandomUsers random = new RandomUsers(20261201L);
        UserStore store = database.userStore();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(random.next(i));
        }
        users.subList(0, USERS / 2).forEach(user -> store.insert(ACME, user));
        store.insertAll(ACME, users.subList(USERS / 2, USERS));

        assertRenderingsMatchTheSlowPath(store);

        for (User user : users.subList(0, USERS / 3)) {
            assertThat(store.update(ACME, random.changed(user), user.version())).isTrue();
        }
        assertRenderingsMatchTheSlowPath(store);
    }

    /** ADR 034: a single user's read is served from the same rendering, with the version it renders. */
    @Test
    void aVisibleUserIsFoundAsTheRenderingOfTheUserReadBack() {
        RandomUsers random = new RandomUsers(20261202L);
        UserStore store = database.userStore();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            User user = random.next(i);
            users.add(user);
            store.insert(ACME, user);
        }
        for (User user : users.subList(0, 20)) {
            assertThat(store.update(ACME, random.changed(user), user.version())).isTrue();
        }

        for (User user : users) {
            User read = store.findById(ACME, user.id()).orElseThrow();
            Optional<StoredRendering> found = store.findRendered(ACME, user.id());
            if (read.hidden()) {
                assertThat(found).as("hidden user %s", user.id()).isEmpty();
                continue;
            }
            assertThat(found).as("user %s", user.id()).isPresent();
            assertThat(found.get().user().id()).isEqualTo(user.id());
            assertThat(found.get().version()).isEqualTo(read.version());
            assertThat(found.get().user().json()).as("user %s", user.id())
                    .isEqualTo(ScimJson.write(UserResources.defaultRepresentation(read)));
        }
        assertThat(store.findRendered(ACME, "no-such-id")).isEmpty();
        assertThat(store.findRendered(SiteId.of("other"), users.get(0).id())).isEmpty();
    }

    @Test
    void aPageServedFromRenderingsHasTheTotalsOfTheSearch() {
        RandomUsers random = new RandomUsers(7L);
        UserStore store = database.userStore();
        for (int i = 0; i < 30; i++) {
            store.insert(ACME, random.next(i));
        }
        UserQuery query = UserQuery.all(11, 10);

        RenderedPage rendered = store.searchRendered(ACME, query).orElseThrow();
        UserPage searched = store.search(ACME, query);

        assertThat(rendered.totalResults()).isEqualTo(searched.totalResults());
        assertThat(rendered.startIndex()).isEqualTo(11);
        assertThat(rendered.users()).extracting(RenderedUser::id)
                .containsExactlyElementsOf(searched.users().stream().map(User::id).toList());
    }

    /** Beyond the end: no users, the total still told; {@code count=0}: the total only. */
    @Test
    void pagesBeyondTheEndAndOfNoUsersTellTheTotal() {
        RandomUsers random = new RandomUsers(8L);
        UserStore store = database.userStore();
        for (int i = 0; i < 5; i++) {
            store.insert(ACME, random.next(i));
        }
        long visible = store.search(ACME, UserQuery.all(1, 10)).totalResults();

        RenderedPage beyond = store.searchRendered(ACME, UserQuery.all(50, 10)).orElseThrow();
        RenderedPage totalsOnly = store.searchRendered(ACME, UserQuery.all(1, 0)).orElseThrow();

        assertThat(beyond.users()).isEmpty();
        assertThat(beyond.totalResults()).isEqualTo(visible).isPositive();
        assertThat(beyond.startIndex()).isEqualTo(50);
        assertThat(totalsOnly.users()).isEmpty();
        assertThat(totalsOnly.totalResults()).isEqualTo(visible);
    }

    private static void assertRenderingsMatchTheSlowPath(UserStore store) {
        for (UserQuery.Pending pending : UserQuery.Pending.values()) {
            for (int start = 1; start <= USERS; start += 100) {
                UserQuery query = new UserQuery(Optional.empty(), Optional.empty(), start, 100,
                        true, pending);
                List<RenderedUser> rendered = store.searchRendered(ACME, query).orElseThrow().users();
                List<User> searched = store.search(ACME, query).users();
                assertThat(rendered).hasSameSizeAs(searched);
                for (int i = 0; i < searched.size(); i++) {
                    User user = searched.get(i);
                    assertThat(rendered.get(i).id()).isEqualTo(user.id());
                    assertThat(rendered.get(i).json()).as("user %s", user.id())
                            .isEqualTo(ScimJson.write(UserResources.defaultRepresentation(user)));
                }
            }
        }
    }
}
