package dev.roster.scim.core.filter;

import dev.roster.scim.core.json.ScimBoolean;
import dev.roster.scim.core.json.ScimNumber;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;

import java.math.BigDecimal;

/**
 * Prints a {@link Filter} in the canonical text of RFC 7644 §3.4.2.2: lower-case keywords and operators, one space
 * between tokens, parentheses only where precedence needs them ({@code not} > {@code and} > {@code or}), strings as
 * JSON with quotes, backslashes and control characters escaped, and numbers in plain notation unless their exponent
 * is large. {@link FilterParser#parse(String)} reads the result back to an equal AST.
 *
 * <pre>{@code
 * FilterPrinter.print(Filter.and(a, Filter.or(b, c)))   // a and (b or c)
 * }</pre>
 *
 * <p>An AST the parser could not have produced has no such text, and {@link #print} refuses it with an
 * {@link IllegalArgumentException}: names outside the grammar, a value filter inside a value filter, an operator
 * with a value it doesn't take ({@code gt null}), a string holding an unpaired surrogate, or a filter nesting deeper
 * or printing longer than the parser accepts.
 */
public final class FilterPrinter {

    private FilterPrinter() {
    }

    /**
     * The filter as text such that {@code FilterParser.parse(print(f)).equals(f)}.
     *
     * @param filter the filter
     * @return its canonical text
     * @throws IllegalArgumentException if no filter text parses to this AST
     */
    public static String print(Filter filter) {
        String text = canonical(filter);
        if (text.length() > FilterGrammar.MAX_LENGTH) {
            throw new IllegalArgumentException("the filter prints to " + text.length()
                    + " characters, more than the parser accepts (" + FilterGrammar.MAX_LENGTH + ")");
        }
        return text;
    }

    /** The canonical text, however long; the parser uses it to refuse what could not be printed back. */
    static String canonical(Filter filter) {
        StringBuilder out = new StringBuilder();
        new Writer(out).write(filter, Writer.OR);
        return out.toString();
    }

    /** Plain notation reads best; past these scales it grows long ({@code 1E+308} is 309 digits written out). */
    static String number(BigDecimal value) {
        return value.scale() >= -20 && value.scale() <= 40 ? value.toPlainString() : value.toString();
    }

    private static final class Writer implements Filter.Visitor<StringBuilder> {
        static final int OR = 0;
        static final int AND = 1;
        static final int ATOM = 2;

        private final StringBuilder out;
        private int depth;
        private boolean inValueFilter;

        Writer(StringBuilder out) {
            this.out = out;
        }

        /** Writes the filter, in parentheses if it binds looser than its place requires. */
        void write(Filter filter, int required) {
            boolean group = level(filter) < required;
            if (group) {
                enter();
                out.append('(');
            }
            filter.accept(this);
            if (group) {
                out.append(')');
                depth--;
            }
        }

        private static int level(Filter filter) {
            if (filter instanceof Filter.Or) {
                return OR;
            }
            return filter instanceof Filter.And ? AND : ATOM;
        }

        @Override
        public StringBuilder visitOr(Filter.Or filter) {
            joined(filter.operands().toArray(Filter[]::new), " or ", AND);
            return out;
        }

        @Override
        public StringBuilder visitAnd(Filter.And filter) {
            joined(filter.operands().toArray(Filter[]::new), " and ", ATOM);
            return out;
        }

        private void joined(Filter[] operands, String keyword, int required) {
            for (int i = 0; i < operands.length; i++) {
                if (i > 0) {
                    out.append(keyword);
                }
                write(operands[i], required);
            }
        }

        @Override
        public StringBuilder visitNot(Filter.Not filter) {
            enter();
            out.append("not (");
            write(filter.operand(), OR);
            out.append(')');
            depth--;
            return out;
        }

        @Override
        public StringBuilder visitValuePath(Filter.ValuePath filter) {
            if (inValueFilter) {
                throw new IllegalArgumentException("a value filter can't hold another value filter: " + filter);
            }
            path(filter.attribute());
            enter();
            out.append('[');
            inValueFilter = true;
            write(filter.valueFilter(), OR);
            inValueFilter = false;
            out.append(']');
            depth--;
            return out;
        }

        @Override
        public StringBuilder visitPresent(Filter.Present filter) {
            path(filter.path());
            out.append(" pr");
            return out;
        }

        @Override
        public StringBuilder visitCompare(Filter.Compare filter) {
            FilterGrammar.operandProblem(filter.op(), filter.value()).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            path(filter.path());
            out.append(' ').append(filter.op().keyword()).append(' ');
            literal(filter.value().value());
            return out;
        }

        private void path(AttrPath path) {
            FilterGrammar.pathProblem(path).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            out.append(path);
        }

        private void literal(ScimValue value) {
            if (value instanceof ScimString string) {
                if (ScimString.unpairedSurrogate(string.value()).isPresent()) {
                    throw new IllegalArgumentException("a filter string can't hold an unpaired surrogate");
                }
                JsonText.appendQuoted(out, string.value());
            } else if (value instanceof ScimNumber number) {
                out.append(number(number.value()));
            } else if (value instanceof ScimBoolean bool) {
                out.append(bool.value());
            } else {
                out.append("null");
            }
        }

        private void enter() {
            depth++;
            if (depth > FilterGrammar.MAX_DEPTH) {
                throw new IllegalArgumentException("the filter nests deeper than the parser accepts ("
                        + FilterGrammar.MAX_DEPTH + " levels)");
            }
        }
    }
}
