package dev.roster.scim.mybatis;

import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterEvaluator;
import dev.roster.scim.core.filter.SortOrdering;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserResources;
import dev.roster.scim.core.port.out.SortSpec;

import java.util.Comparator;

/**
 * The core's own filter and sort semantics, applied in Java to the candidates SQL returns, for what
 * {@code FilterToSql} and {@code SortToSql} cannot push down (attributes without a column such as {@code title} or
 * enterprise attributes, values of another type than the attribute's). {@link #CORE} is the core's evaluator over
 * the user's SCIM representation, so both stores give the same answer by construction.
 */
interface InMemoryFiltering {

    InMemoryFiltering CORE = new InMemoryFiltering() {
        @Override
        public boolean matches(Filter filter, User user) {
            return FilterEvaluator.matches(filter, UserResources.toScim(user));
        }

        @Override
        public Comparator<User> order(SortSpec sort) {
            return Comparator.comparing(UserResources::toScim, SortOrdering.comparator(sort.path(), sort.ascending()));
        }
    };

    boolean matches(Filter filter, User user);

    /** The order of the sort's attribute alone; the caller breaks ties by id. */
    Comparator<User> order(SortSpec sort);
}
