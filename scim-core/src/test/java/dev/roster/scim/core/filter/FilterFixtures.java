package dev.roster.scim.core.filter;

import java.math.BigDecimal;
import java.util.Optional;

/** Short factories for expected filter ASTs in tests. */
final class FilterFixtures {

    private FilterFixtures() {
    }

    /** {@code "name"} or {@code "name.sub"}, no schema URN. */
    static AttrPath attr(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? AttrPath.of(path) : AttrPath.of(path.substring(0, dot), path.substring(dot + 1));
    }

    static AttrPath urn(String schemaUrn, String path) {
        AttrPath relative = attr(path);
        return new AttrPath(Optional.of(schemaUrn), relative.attribute(), relative.subAttribute());
    }

    static CompValue value(Object literal) {
        if (literal == null) {
            return CompValue.nullValue();
        }
        if (literal instanceof String text) {
            return CompValue.of(text);
        }
        if (literal instanceof Boolean bool) {
            return CompValue.of(bool);
        }
        if (literal instanceof BigDecimal number) {
            return CompValue.of(number);
        }
        if (literal instanceof Integer || literal instanceof Long) {
            return CompValue.of(((Number) literal).longValue());
        }
        throw new IllegalArgumentException("no literal for " + literal);
    }

    static Filter cmp(AttrPath path, CompareOp op, Object literal) {
        return Filter.compare(path, op, value(literal));
    }

    static Filter cmp(String path, CompareOp op, Object literal) {
        return cmp(attr(path), op, literal);
    }

    static Filter eq(String path, Object literal) {
        return cmp(path, CompareOp.EQ, literal);
    }

    static Filter eq(AttrPath path, Object literal) {
        return cmp(path, CompareOp.EQ, literal);
    }

    static Filter ne(String path, Object literal) {
        return cmp(path, CompareOp.NE, literal);
    }

    static Filter co(String path, Object literal) {
        return cmp(path, CompareOp.CO, literal);
    }

    static Filter pr(String path) {
        return Filter.present(attr(path));
    }

    static Filter and(Filter... operands) {
        return Filter.and(operands);
    }

    static Filter or(Filter... operands) {
        return Filter.or(operands);
    }

    static Filter not(Filter operand) {
        return Filter.not(operand);
    }

    static Filter vp(String path, Filter valueFilter) {
        return Filter.valuePath(attr(path), valueFilter);
    }

    static BigDecimal num(String literal) {
        return new BigDecimal(literal);
    }
}
