package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.email;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withEmails;
import static dev.roster.scim.mybatis.TestUsers.withUserName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.core.schema.UserSchemas;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

class MyBatisUserStoreTest extends DatabaseTest {

    private UserStore store() {
        return database.userStore();
    }

    @Test
    void userWithEveryFieldRoundTripsExactly() {
        ScimObject enterprise = ScimObject.builder()
                .put("department", "Ünïcödé R&D 研究")
                .put("manager", ScimObject.builder().put("value", "m-1").put("displayName", "Zoë").build())
                .build();
        ScimObject other = ScimObject.builder()
                .put("title", "Chef de projet 👩‍🍳")
                .put("phoneNumbers", ScimArray.of(ScimObject.builder().put("value", "+33 1 23").put("primary", true)
                        .build()))
                .put("x-number", ScimValue.of(new BigDecimal("12.50")))
                .put("nothing", ScimValue.nullValue())
                .put(UserSchemas.ENTERPRISE_USER, enterprise)
                .build();
        User full = new User("id-Ω", "Émile.Zola@example.org", Optional.of("ext-AbC"), false, Role.MODERATOR,
                Optional.of("Émile Zola"),
                new Name(Optional.of("M. Émile Zola"), Optional.of("Zola"), Optional.of("Émile"),
                        Optional.of("Édouard"), Optional.of("M."), Optional.of("Jr")),
                List.of(new Email("EZ@example.org", Optional.of("work"), true, Optional.of("Work mail")),
                        new Email("home@exämple.org", Optional.empty(), false, Optional.empty())),
                other, Optional.of(true), ChangeSource.ADMIN, true, true, false, 7, T0,
                Instant.parse("2025-01-02T03:04:05.678Z"));

        store().insert(ACME, full);

        assertThat(store().findById(ACME, "id-Ω")).contains(full);
        assertThat(store().findByUserName(ACME, "émile.zola@EXAMPLE.org")).contains(full);
    }

    @Test
    void aUserWhoseDocumentOutgrowsOneRequestIsStillRead() {
        // Older versions stored strings of up to 1 MiB, and many PATCHes can grow a user past one request's bounds.
        List<ScimValue> phones = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            phones.add(ScimObject.builder().put("value", "+33 1 " + i).put("type", "work")
                    .put("display", "x".repeat(1_200)).build());
        }
        ScimObject other = ScimObject.builder()
                .put("title", "t".repeat(300_000))
                .put("phoneNumbers", new ScimArray(phones))
                .build();
        User large = new User("big", "big@example.org", Optional.empty(), true, Role.REGISTERED, Optional.empty(),
                Name.EMPTY, List.of(), other, Optional.empty(), ChangeSource.SCIM, false, false, false, 1, T0, T0);

        store().insert(ACME, large);

        assertThat(store().findById(ACME, "big")).contains(large);
    }

    @Test
    void absentOptionalFieldsStayAbsent() {
        User minimal = user("u1", "ann");

        store().insert(ACME, minimal);

        assertThat(store().findById(ACME, "u1")).contains(minimal);
    }

    @Test
    void unknownUserIsEmptyNotNull() {
        assertThat(store().findById(ACME, "nobody")).isEmpty();
        assertThat(store().findByUserName(ACME, "nobody")).isEmpty();
    }

    @Test
    void userNameClashIsUniquenessIgnoringCase() {
        store().insert(ACME, user("u1", "Ann@Example.org"));

        assertThatThrownBy(() -> store().insert(ACME, user("u2", "ann@example.ORG")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.UNIQUENESS));
    }

    @Test
    void userNameClashIsUniquenessIgnoringCaseBeyondAscii() {
        store().insert(ACME, user("u1", "ÉMILE"));

        assertThatThrownBy(() -> store().insert(ACME, user("u2", "émile")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.UNIQUENESS));
        assertThatCode(() -> store().insert(ACME, user("u3", "EMILE"))).doesNotThrowAnyException();
    }

    @Test
    void theIdentifierProfileKeepsSharpSAndDoubleSApartButWidthTogether() {
        store().insert(ACME, user("u1", "straße"));
        store().insert(ACME, user("u2", "STRASSE"));

        assertThat(store().findByUserName(ACME, "Strasse")).map(User::id).contains("u2");
        assertThat(store().findByUserName(ACME, "STRAẞE")).map(User::id).contains("u1");
        assertThatThrownBy(() -> store().insert(ACME, user("u3", "\uFF53\uFF54\uFF52\uFF41\uFF53\uFF53\uFF45")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.UNIQUENESS));
    }

    @Test
    void duplicateIdIsUniqueness() {
        store().insert(ACME, user("u1", "ann"));

        assertThatThrownBy(() -> store().insert(ACME, user("u1", "bob")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.UNIQUENESS));
    }

    @Test
    void updateWithCurrentVersionStoresTheNewValue() {
        User original = withEmails(user("u1", "ann"), email("a@x.org", "work", true));
        store().insert(ACME, original);
        User changed = withEmails(original, email("b@x.org", "home", false), email("c@x.org", null, true))
                .withActive(false)
                .nextVersion(ChangeSource.SCIM, T0.plusSeconds(60));

        assertThat(store().update(ACME, changed, 1)).isTrue();

        assertThat(store().findById(ACME, "u1")).contains(changed);
    }

    @Test
    void updateReplacesTheEmailRowsThatFiltersSee() {
        User original = withEmails(user("u1", "ann"), email("old@x.org", "work", true));
        store().insert(ACME, original);
        store().update(ACME, withEmails(original, email("new@x.org", "work", true)).nextVersion(ChangeSource.SCIM, T0),
                1);

        assertThat(idsMatching(emailsValue(CompareOp.EQ, "old@x.org"))).isEmpty();
        assertThat(idsMatching(emailsValue(CompareOp.EQ, "new@x.org"))).containsExactly("u1");
    }

    @Test
    void updateWithStaleVersionReturnsFalseAndChangesNothing() {
        User original = user("u1", "ann");
        store().insert(ACME, original);
        store().update(ACME, original.withActive(false).nextVersion(ChangeSource.SCIM, T0), 1);

        boolean stored = store().update(ACME, original.withRole(Role.ADMIN).nextVersion(ChangeSource.ADMIN, T0), 1);

        assertThat(stored).isFalse();
        assertThat(store().findById(ACME, "u1")).get()
                .satisfies(u -> assertThat(u.role()).isEqualTo(Role.REGISTERED))
                .satisfies(u -> assertThat(u.version()).isEqualTo(2));
    }

    @Test
    void updateOfUnknownUserReturnsFalse() {
        assertThat(store().update(ACME, user("ghost", "ghost"), 1)).isFalse();
    }

    @Test
    void updateToATakenUserNameIsUniqueness() {
        store().insert(ACME, user("u1", "ann"));
        User bob = user("u2", "bob");
        store().insert(ACME, bob);

        assertThatThrownBy(() -> store().update(ACME, withUserName(bob, "ANN").nextVersion(ChangeSource.SCIM, T0), 1))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.UNIQUENESS));
        assertThat(store().findById(ACME, "u2")).contains(bob);
    }

    @Test
    void hiddenUsersAreFoundByIdAndUserNameButNotSearched() {
        store().insert(ACME, user("u1", "ann").withHidden(true));
        store().insert(ACME, user("u2", "bob"));

        assertThat(store().findById(ACME, "u1")).isPresent();
        assertThat(store().findByUserName(ACME, "ANN")).isPresent();
        assertThat(store().search(ACME, UserQuery.all(1, 10)).users()).extracting(User::id).containsExactly("u2");
        assertThat(store().search(ACME, UserQuery.all(1, 10)).totalResults()).isEqualTo(1);
        assertThat(store().search(ACME, UserQuery.all(1, 10).includingHidden()).users()).extracting(User::id)
                .containsExactly("u1", "u2");
    }

    @Test
    void insertAllStoresEveryUserWithEmails() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            users.add(withEmails(user(String.format("u%05d", i), "user" + i), email("user" + i + "@x.org", "work",
                    true)));
        }

        store().insertAll(ACME, users);

        assertThat(store().search(ACME, UserQuery.all(1, 0)).totalResults()).isEqualTo(25_000);
        assertThat(idsMatching(emailsValue(CompareOp.EQ, "USER24999@x.org"))).containsExactly("u24999");
        assertThat(store().findById(ACME, "u12345")).contains(users.get(12_345));
    }

    @Test
    void insertAllWithAClashStoresNothing() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            users.add(user("u" + i, "user" + i));
        }
        users.add(user("dup", "USER5"));

        assertThatThrownBy(() -> store().insertAll(ACME, users))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.UNIQUENESS));
        assertThat(store().search(ACME, UserQuery.all(1, 0)).totalResults()).isZero();
    }

    private static Filter emailsValue(CompareOp op, String value) {
        return Filter.compare(AttrPath.of("emails", "value"), op, CompValue.of(value));
    }

    private List<String> idsMatching(Filter filter) {
        return store().search(ACME, UserQuery.filtered(filter, 1, 100)).users().stream().map(User::id).toList();
    }
}
