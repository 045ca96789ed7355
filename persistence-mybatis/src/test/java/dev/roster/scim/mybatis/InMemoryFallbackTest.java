package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withOther;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.port.out.UserQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * How a filter that SQL cannot answer whole is finished in Java: SQL narrows by the pushable conjuncts, the
 * in-memory evaluation sees only those candidates, and paging and totals count only real matches. The evaluation
 * here is a stand-in that understands {@code title eq} only; the real one is the core's.
 */
class InMemoryFallbackTest extends DatabaseTest {

    private final List<String> evaluated = new ArrayList<>();

    @Override
    InMemoryFiltering inMemoryFiltering() {
        return new InMemoryFiltering() {
            @Override
            public Predicate<User> matcher(Filter filter) {
                Filter.Compare titleEq = (Filter.Compare) ((Filter.And) filter).operands().get(1);
                String wanted = ((dev.roster.scim.core.json.ScimString) titleEq.value().value()).value();
                return user -> {
                    evaluated.add(user.id());
                    return user.otherAttributes().getString("title").filter(wanted::equals).isPresent();
                };
            }

            @Override
            public Comparator<User> order(SortSpec sort) {
                return Comparator.comparing(u -> u.otherAttributes().getString("title").orElse("~"));
            }
        };
    }

    @BeforeEach
    void users() {
        for (int i = 1; i <= 9; i++) {
            String title = i % 2 == 0 ? "Engineer" : "Manager";
            database.userStore().insert(ACME, withOther(user("u" + i, (i <= 6 ? "staff" : "guest") + i),
                    ScimObject.builder().put("title", title).build()).withActive(i != 4));
        }
    }

    @Test
    void pushableConjunctsNarrowTheCandidatesAndJavaDecidesTheRest() {
        Filter filter = Filter.and(
                Filter.compare(AttrPath.of("userName"), CompareOp.SW, CompValue.of("staff")),
                Filter.compare(AttrPath.of("title"), CompareOp.EQ, CompValue.of("Engineer")));

        UserPage page = database.userStore().search(ACME, UserQuery.filtered(filter, 1, 10));

        assertThat(page.users()).extracting(User::id).containsExactly("u2", "u4", "u6");
        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(evaluated).containsExactlyInAnyOrder("u1", "u2", "u3", "u4", "u5", "u6");
    }

    @Test
    void pagingAndTotalCountOnlyTheMatches() {
        Filter filter = Filter.and(
                Filter.compare(AttrPath.of("active"), CompareOp.EQ, CompValue.of(true)),
                Filter.compare(AttrPath.of("title"), CompareOp.EQ, CompValue.of("Engineer")));

        UserPage second = database.userStore().search(ACME, UserQuery.filtered(filter, 2, 5));

        assertThat(second.users()).extracting(User::id).containsExactly("u6", "u8");
        assertThat(second.totalResults()).isEqualTo(3);
    }

    @Test
    void sortThatSqlCannotDoIsDoneInJavaWithIdAsTiebreak() {
        Filter filter = Filter.and(
                Filter.compare(AttrPath.of("userName"), CompareOp.SW, CompValue.of("guest")),
                Filter.compare(AttrPath.of("title"), CompareOp.EQ, CompValue.of("Manager")));

        UserPage page = database.userStore().search(ACME, UserQuery.filtered(filter, 1, 10)
                .withSort(SortSpec.descending(AttrPath.of("title"))));

        assertThat(page.users()).extracting(User::id).containsExactly("u7", "u9");
        assertThat(page.totalResults()).isEqualTo(2);
    }
}
