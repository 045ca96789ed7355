package dev.roster.scim.mybatis;

import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterEvaluator;
import dev.roster.scim.core.filter.SortOrdering;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.SortSpec;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The core's own filter and sort semantics, applied in Java to the candidates SQL returns, for what
 * {@code FilterToSql} and {@code SortToSql} cannot push down (attributes without a column such as {@code title} or
 * enterprise attributes, values of another type than the attribute's). {@link #CORE} is the core's evaluator over
 * the user's SCIM representation, so both stores give the same answer by construction.
 */
interface InMemoryFiltering {

    InMemoryFiltering CORE = new InMemoryFiltering() {
        @Override
        public Predicate<User> matcher(Filter filter) {
            FilterEvaluator evaluator = FilterEvaluator.of(filter);
            return user -> evaluator.matches(UserResources.toScim(user));
        }

        @Override
        public Comparator<User> order(SortSpec sort) {
            // Sorting compares each user O(log n) times; render each one once for this sort.
            Map<User, ScimObject> rendered = new IdentityHashMap<>();
            Comparator<ScimObject> byValue = SortOrdering.comparator(sort.path(), sort.ascending());
            return (left, right) -> byValue.compare(rendered.computeIfAbsent(left, UserResources::toScim),
                    rendered.computeIfAbsent(right, UserResources::toScim));
        }
    };

    /** The filter, checked and compiled once for a whole search, as a test of one user. */
    Predicate<User> matcher(Filter filter);

    /** The order of the sort's attribute alone; the caller breaks ties by id. */
    Comparator<User> order(SortSpec sort);
}
