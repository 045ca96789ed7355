package dev.roster.scim.core.filter;

import java.util.List;
import java.util.Objects;

/**
 * A parsed SCIM filter (RFC 7644 §3.4.2.2): an immutable tree of comparisons, presence tests, {@code and}/{@code
 * or} (n-ary, flattened), {@code not} and value paths ({@code emails[type eq "work"]}). Build one with
 * {@code FilterParser.parse(String)} or the factories here; walk one with a {@link Visitor}.
 *
 * <pre>{@code
 * Filter f = Filter.and(
 *     Filter.compare(AttrPath.of("userName"), CompareOp.EQ, CompValue.of("ann")),
 *     Filter.present(AttrPath.of("title")));
 * }</pre>
 */
public sealed interface Filter permits Filter.Compare, Filter.Present, Filter.And, Filter.Or, Filter.Not,
        Filter.ValuePath {

    /**
     * Parses a filter; see {@link FilterParser#parse(String)}.
     *
     * @throws dev.roster.scim.core.error.ScimException {@code invalidFilter} if the text is not a filter
     */
    static Filter parse(String filter) {
        return FilterParser.parse(filter);
    }

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of node; a new kind breaks every visitor at compile time. */
    interface Visitor<R> {
        R visitCompare(Compare filter);

        R visitPresent(Present filter);

        R visitAnd(And filter);

        R visitOr(Or filter);

        R visitNot(Not filter);

        R visitValuePath(ValuePath filter);
    }

    static Compare compare(AttrPath path, CompareOp op, CompValue value) {
        return new Compare(path, op, value);
    }

    static Present present(AttrPath path) {
        return new Present(path);
    }

    /** {@code a and b and c}, flattening nested {@code and}s. */
    static Filter and(Filter... operands) {
        return And.of(List.of(operands));
    }

    /** {@code a or b or c}, flattening nested {@code or}s. */
    static Filter or(Filter... operands) {
        return Or.of(List.of(operands));
    }

    static Not not(Filter operand) {
        return new Not(operand);
    }

    static ValuePath valuePath(AttrPath attribute, Filter valueFilter) {
        return new ValuePath(attribute, valueFilter);
    }

    /** {@code attrPath compareOp compValue}. */
    record Compare(AttrPath path, CompareOp op, CompValue value) implements Filter {
        public Compare {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitCompare(this);
        }
    }

    /** {@code attrPath pr}: the attribute has a non-empty value. */
    record Present(AttrPath path) implements Filter {
        public Present {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitPresent(this);
        }
    }

    /** Every operand holds. Two or more operands, none of them an {@code And}. */
    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
            if (operands.size() < 2 || operands.stream().anyMatch(And.class::isInstance)) {
                throw new IllegalArgumentException("and takes two or more operands, flattened");
            }
        }

        /** Flattens nested {@code and}s; a single operand is returned as it is. */
        public static Filter of(List<Filter> operands) {
            List<Filter> flat = operands.stream()
                    .flatMap(f -> f instanceof And and ? and.operands().stream() : java.util.stream.Stream.of(f))
                    .toList();
            return flat.size() == 1 ? flat.get(0) : new And(flat);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAnd(this);
        }
    }

    /** Some operand holds. Two or more operands, none of them an {@code Or}. */
    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2 || operands.stream().anyMatch(Or.class::isInstance)) {
                throw new IllegalArgumentException("or takes two or more operands, flattened");
            }
        }

        /** Flattens nested {@code or}s; a single operand is returned as it is. */
        public static Filter of(List<Filter> operands) {
            List<Filter> flat = operands.stream()
                    .flatMap(f -> f instanceof Or or ? or.operands().stream() : java.util.stream.Stream.of(f))
                    .toList();
            return flat.size() == 1 ? flat.get(0) : new Or(flat);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitOr(this);
        }
    }

    /** {@code not (filter)}. */
    record Not(Filter operand) implements Filter {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNot(this);
        }
    }

    /**
     * {@code attrPath[valFilter]}: some value of the multi-valued attribute satisfies the value filter, whose paths
     * are relative to one value ({@code type}, not {@code emails.type}).
     */
    record ValuePath(AttrPath attribute, Filter valueFilter) implements Filter {
        public ValuePath {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(valueFilter, "valueFilter");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitValuePath(this);
        }
    }
}
