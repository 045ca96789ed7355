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
     * @param filter the filter's text, as a client sent it
     * @return the filter's tree
     * @throws dev.roster.scim.core.error.ScimException {@code invalidFilter} if the text is not a filter
     */
    static Filter parse(String filter) {
        return FilterParser.parse(filter);
    }

    /**
     * Calls the visitor's method for this kind of node.
     *
     * @param visitor the visitor
     * @param <R>     what the visitor makes of a node
     * @return what the visitor returned
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of node; a new kind breaks every visitor at compile time. The in-memory evaluator, the
     * printer and the SQL push-down are visitors.
     *
     * @param <R> what the visitor makes of a node
     */
    interface Visitor<R> {
        /**
         * Visits a comparison.
         *
         * @param filter the node
         * @return what the visitor makes of it
         */
        R visitCompare(Compare filter);

        /**
         * Visits a presence test.
         *
         * @param filter the node
         * @return what the visitor makes of it
         */
        R visitPresent(Present filter);

        /**
         * Visits a conjunction; its operands are the visitor's to visit.
         *
         * @param filter the node
         * @return what the visitor makes of it
         */
        R visitAnd(And filter);

        /**
         * Visits a disjunction; its operands are the visitor's to visit.
         *
         * @param filter the node
         * @return what the visitor makes of it
         */
        R visitOr(Or filter);

        /**
         * Visits a negation; its operand is the visitor's to visit.
         *
         * @param filter the node
         * @return what the visitor makes of it
         */
        R visitNot(Not filter);

        /**
         * Visits a value path; its value filter is the visitor's to visit, relative to one value.
         *
         * @param filter the node
         * @return what the visitor makes of it
         */
        R visitValuePath(ValuePath filter);
    }

    /**
     * {@code path op value}, such as {@code userName eq "ann"}.
     *
     * @param path  the attribute compared
     * @param op    the operator
     * @param value the literal
     * @return the comparison
     */
    static Compare compare(AttrPath path, CompareOp op, CompValue value) {
        return new Compare(path, op, value);
    }

    /**
     * {@code path pr}, such as {@code title pr}.
     *
     * @param path the attribute tested
     * @return the presence test
     */
    static Present present(AttrPath path) {
        return new Present(path);
    }

    /**
     * {@code a and b and c}, flattening nested {@code and}s.
     *
     * @param operands one or more filters
     * @return an {@link And} of the flattened operands, or the operand itself if there is only one
     * @throws IllegalArgumentException without an operand
     */
    static Filter and(Filter... operands) {
        return And.of(List.of(operands));
    }

    /**
     * {@code a or b or c}, flattening nested {@code or}s.
     *
     * @param operands one or more filters
     * @return an {@link Or} of the flattened operands, or the operand itself if there is only one
     * @throws IllegalArgumentException without an operand
     */
    static Filter or(Filter... operands) {
        return Or.of(List.of(operands));
    }

    /**
     * {@code not (operand)}.
     *
     * @param operand the filter negated
     * @return the negation; {@code not (not (f))} stays as written, it is not simplified
     */
    static Not not(Filter operand) {
        return new Not(operand);
    }

    /**
     * {@code attribute[valueFilter]}, such as {@code emails[type eq "work"]}.
     *
     * @param attribute   the multi-valued (or complex) attribute
     * @param valueFilter the filter one of its values must satisfy, its paths relative to that value
     * @return the value path
     */
    static ValuePath valuePath(AttrPath attribute, Filter valueFilter) {
        return new ValuePath(attribute, valueFilter);
    }

    /**
     * {@code attrPath compareOp compValue}: the attribute has a value that the operator relates to the literal as
     * RFC 7644 §3.4.2.2 says, under the attribute's {@code caseExact} and type ({@link FilterEvaluator} has the
     * details).
     *
     * @param path  the attribute compared
     * @param op    the operator
     * @param value the literal
     */
    record Compare(AttrPath path, CompareOp op, CompValue value) implements Filter {
        /**
         * Checks that no component is null.
         *
         * @param path  the attribute compared
         * @param op    the operator
         * @param value the literal
         * @throws NullPointerException for a null component
         */
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

    /**
     * {@code attrPath pr}: the attribute has a non-empty value.
     *
     * @param path the attribute tested
     */
    record Present(AttrPath path) implements Filter {
        /**
         * Checks the path.
         *
         * @param path the attribute tested
         * @throws NullPointerException without a path
         */
        public Present {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitPresent(this);
        }
    }

    /**
     * Every operand holds. Two or more operands, none of them an {@code And}: build one with {@link #of}, which
     * flattens.
     *
     * @param operands the operands, in the order written; copied, so the list is unmodifiable
     */
    record And(List<Filter> operands) implements Filter {
        /**
         * Copies the operands and checks them.
         *
         * @param operands the operands, in the order written; copied, so the list is unmodifiable
         * @throws IllegalArgumentException for fewer than two operands, or an operand that is an {@code And}
         */
        public And {
            operands = List.copyOf(operands);
            if (operands.size() < 2 || operands.stream().anyMatch(And.class::isInstance)) {
                throw new IllegalArgumentException("and takes two or more operands, flattened");
            }
        }

        /**
         * Flattens nested {@code and}s; a single operand is returned as it is.
         *
         * @param operands one or more filters
         * @return an {@link And}, or the one operand
         * @throws IllegalArgumentException without an operand
         */
        public static Filter of(List<Filter> operands) {
            if (operands.size() == 1) {
                // What the stream below gives for one operand (an equal And if it is one), without a stream:
                // the parser asks this for every operand of every filter (ADR 051).
                return operands.get(0);
            }
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

    /**
     * Some operand holds. Two or more operands, none of them an {@code Or}: build one with {@link #of}, which
     * flattens.
     *
     * @param operands the operands, in the order written; copied, so the list is unmodifiable
     */
    record Or(List<Filter> operands) implements Filter {
        /**
         * Copies the operands and checks them.
         *
         * @param operands the operands, in the order written; copied, so the list is unmodifiable
         * @throws IllegalArgumentException for fewer than two operands, or an operand that is an {@code Or}
         */
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2 || operands.stream().anyMatch(Or.class::isInstance)) {
                throw new IllegalArgumentException("or takes two or more operands, flattened");
            }
        }

        /**
         * Flattens nested {@code or}s; a single operand is returned as it is.
         *
         * @param operands one or more filters
         * @return an {@link Or}, or the one operand
         * @throws IllegalArgumentException without an operand
         */
        public static Filter of(List<Filter> operands) {
            if (operands.size() == 1) {
                // What the stream below gives for one operand (an equal Or if it is one), without a stream:
                // the parser asks this for every operand of every filter (ADR 051).
                return operands.get(0);
            }
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

    /**
     * {@code not (filter)}: the operand does not hold. With absent values this is not the operator's opposite:
     * {@code not (title eq "x")} matches users without a title, as {@code title ne "x"} does.
     *
     * @param operand the filter negated
     */
    record Not(Filter operand) implements Filter {
        /**
         * Checks the operand.
         *
         * @param operand the filter negated
         * @throws NullPointerException without an operand
         */
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
     * are relative to one value ({@code type}, not {@code emails.type}). All of the value filter must hold for the
     * same value: {@code emails[type eq "work" and value co "@x"]} is not
     * {@code emails.type eq "work" and emails.value co "@x"}.
     *
     * @param attribute   the multi-valued (or complex) attribute
     * @param valueFilter the filter one value must satisfy
     */
    record ValuePath(AttrPath attribute, Filter valueFilter) implements Filter {
        /**
         * Checks that no component is null.
         *
         * @param attribute   the multi-valued (or complex) attribute
         * @param valueFilter the filter one value must satisfy
         * @throws NullPointerException for a null component
         */
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
