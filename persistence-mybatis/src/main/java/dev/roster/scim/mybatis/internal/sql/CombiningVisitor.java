package dev.roster.scim.mybatis.internal.sql;

import dev.roster.scim.core.filter.Filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code and}, {@code or} and {@code not} as SQL, the same at the top level of a filter and inside an
 * {@code emails[…]} value filter: a combination can be pushed down only if every operand can. Subclasses turn the
 * leaves (comparisons, presence, value paths) into predicates that are never NULL, so {@code NOT} is exact.
 */
abstract class CombiningVisitor implements Filter.Visitor<Optional<String>> {

    @Override
    public Optional<String> visitAnd(Filter.And filter) {
        return all(filter.operands(), " AND ");
    }

    @Override
    public Optional<String> visitOr(Filter.Or filter) {
        return all(filter.operands(), " OR ");
    }

    @Override
    public Optional<String> visitNot(Filter.Not filter) {
        return filter.operand().accept(this).map(CombiningVisitor::negate);
    }

    static String negate(String predicate) {
        return "NOT (" + predicate + ")";
    }

    static String join(List<String> parts, String operator) {
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(operator, parts) + ")";
    }

    private Optional<String> all(List<Filter> operands, String operator) {
        List<String> parts = new ArrayList<>(operands.size());
        for (Filter operand : operands) {
            Optional<String> sql = operand.accept(this);
            if (sql.isEmpty()) {
                return Optional.empty();
            }
            parts.add(sql.get());
        }
        return Optional.of(join(parts, operator));
    }
}
