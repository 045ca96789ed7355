package dev.roster.scim.mybatis;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.SortSpec;

import java.util.Comparator;

/**
 * The core's own filter and sort semantics, applied in Java to the candidates SQL returns, for what
 * {@code FilterToSql} and {@code SortToSql} cannot push down (attributes without a column such as {@code title} or
 * enterprise attributes, values of another type than the attribute's). It must be the core's evaluator over the
 * user's SCIM representation, so that both stores give the same answer; until the core has one, {@link #UNAVAILABLE}
 * refuses such queries rather than guess.
 */
interface InMemoryFiltering {

    InMemoryFiltering UNAVAILABLE = new InMemoryFiltering() {
        @Override
        public boolean matches(Filter filter, User user) {
            throw notYet("Filtering on this attribute");
        }

        @Override
        public Comparator<User> order(SortSpec sort) {
            throw notYet("Sorting by " + sort.path());
        }

        private ScimException notYet(String what) {
            return new ScimException(ScimErrorType.NOT_IMPLEMENTED, what + " is not supported yet.");
        }
    };

    boolean matches(Filter filter, User user);

    /** The order of the sort's attribute alone; the caller breaks ties by id. */
    Comparator<User> order(SortSpec sort);
}
