package dev.roster.scim.core.filter;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimNumber;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.schema.UserSchemas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses the filter language of RFC 7644 §3.4.2.2 into a {@link Filter}. Hand-written recursive descent over the
 * characters, one pass, no backtracking, so parsing is linear in the length of the filter.
 *
 * <ul>
 *   <li>Precedence, tightest first: grouping {@code ( )}, attribute expressions, {@code not}, {@code and},
 *       {@code or}. {@code a or b and c} is {@code a or (b and c)}; {@code and} and {@code or} are n-ary and
 *       flattened.</li>
 *   <li>{@code not} takes a parenthesised filter: {@code not (title pr)}. A word {@code not} that is followed by an
 *       operator or {@code [} is an attribute name.</li>
 *   <li>Operators, {@code and}/{@code or}/{@code not}, {@code true}/{@code false}/{@code null} and attribute names
 *       are case-insensitive; names are kept as written.</li>
 *   <li>Paths: {@code userName}, {@code name.familyName}, {@code urn:ietf:params:scim:schemas:core:2.0:User:userName},
 *       {@code emails[type eq "work" and value co "@example.com"]} (no brackets inside brackets), and Entra ID's
 *       {@code emails[type eq "work"].value eq "x"}, read as {@code emails[type eq "work" and value eq "x"]}.</li>
 *   <li>Values: JSON strings with every JSON escape, JSON numbers (as {@link BigDecimal}), {@code true},
 *       {@code false}, {@code null}. {@code pr} takes none; {@code gt ge lt le} take a string or a number;
 *       {@code co sw ew} take a string.</li>
 *   <li>Whitespace: the RFC asks for one space between tokens; any run of spaces, tabs and line breaks is
 *       accepted, and none is needed next to brackets, parentheses and quotes.</li>
 *   <li>Bounds: at most 4096 characters, as sent and as {@link FilterPrinter} writes the filter back, and 32 levels
 *       of parentheses, {@code not} and brackets; more is {@code invalidFilter}, never a stack overflow. A number
 *       outside {@link ScimNumber}'s bounds ({@code 1e999999999}) is {@code invalidFilter} too, before anything
 *       computes with it.</li>
 * </ul>
 *
 * <p>Every failure is a {@link ScimException#invalidFilter} whose detail names what was expected and the 0-based
 * position (a UTF-16 index into the filter) where it went wrong, for example
 * {@code Expected a comparison operator at position 9 but found "eqq"}.
 *
 * <pre>{@code
 * Filter f = FilterParser.parse("userType eq \"Employee\" and emails[type eq \"work\"]");
 * }</pre>
 */
public final class FilterParser {

    private static final String A_VALUE = "a value (a JSON string, number, true, false or null)";
    private static final int SHOWN_TOKEN_LENGTH = 40;

    private final String text;
    private int pos;
    private int depth;

    private FilterParser(String text) {
        this.text = text;
    }

    /**
     * Parses a filter.
     *
     * @param filter the filter's text, as the client sent it (URL-decoded)
     * @return the filter's tree, {@code and} and {@code or} flattened
     * @throws NullPointerException without a text
     * @throws ScimException {@code invalidFilter} if the text is not a filter, or is longer or nests deeper than
     *                       this parser accepts
     */
    public static Filter parse(String filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter.length() > FilterGrammar.MAX_LENGTH) {
            throw ScimException.invalidFilter("The filter is " + filter.length() + " characters long; at most "
                    + FilterGrammar.MAX_LENGTH + " are accepted");
        }
        FilterParser parser = new FilterParser(filter);
        Filter result = parser.orExpression(false);
        parser.skipWhitespace();
        if (!parser.atEnd()) {
            throw parser.expected("\"and\", \"or\" or the end of the filter");
        }
        requirePrintable(filter, result);
        return result;
    }

    /**
     * Every filter this parser returns prints back to text it accepts ({@link FilterPrinter}), which messages and
     * the round trip rely on. Canonical text can be longer than what was sent (spaces between tokens, numbers in
     * plain notation), so a long filter whose canonical form is past the bound is refused as too long.
     */
    private static void requirePrintable(String filter, Filter result) {
        if (filter.length() <= FilterGrammar.MAX_LENGTH / FilterGrammar.MAX_PRINTED_GROWTH) {
            return;
        }
        int printed = FilterPrinter.canonical(result).length();
        if (printed > FilterGrammar.MAX_LENGTH) {
            throw ScimException.invalidFilter("Written canonically (one space between tokens, numbers in plain"
                    + " notation) the filter is " + printed + " characters long; at most " + FilterGrammar.MAX_LENGTH
                    + " are accepted");
        }
    }

    // The precedence lives in this chain of methods: orExpression parses andExpressions, which parse
    // unaryExpressions (not, groups and attribute expressions). A looser operator never appears inside a tighter
    // one's operand without parentheses.

    /** {@code or} binds loosest. */
    private Filter orExpression(boolean inValueFilter) {
        Filter first = andExpression(inValueFilter);
        if (!acceptKeyword("or")) {
            return first;
        }
        List<Filter> operands = new ArrayList<>(4);
        operands.add(first);
        operands.add(andExpression(inValueFilter));
        while (acceptKeyword("or")) {
            operands.add(andExpression(inValueFilter));
        }
        return Filter.Or.of(operands);
    }

    /** {@code and} binds tighter than {@code or}. */
    private Filter andExpression(boolean inValueFilter) {
        Filter first = unaryExpression(inValueFilter);
        if (!acceptKeyword("and")) {
            return first;
        }
        List<Filter> operands = new ArrayList<>(4);
        operands.add(first);
        operands.add(unaryExpression(inValueFilter));
        while (acceptKeyword("and")) {
            operands.add(unaryExpression(inValueFilter));
        }
        return Filter.And.of(operands);
    }

    /** {@code not (…)}, {@code (…)} or an attribute expression: the tightest level. */
    private Filter unaryExpression(boolean inValueFilter) {
        skipWhitespace();
        int start = pos;
        if (peekIs('(')) {
            pos++;
            enter(start);
            Filter group = orExpression(inValueFilter);
            close(')');
            return group;
        }
        if (atEnd() || !FilterGrammar.isPathChar(peek())) {
            throw expected("an attribute path, \"not\" or \"(\"");
        }
        String token = pathToken();
        if (token.equalsIgnoreCase("not")) {
            skipWhitespace();
            if (peekIs('(')) {
                pos++;
                enter(start);
                Filter operand = orExpression(inValueFilter);
                close(')');
                return Filter.not(operand);
            }
            if (!peekIs('[') && !operatorFollows()) {
                throw expected("\"(\" after \"not\"");
            }
        }
        return attributeExpression(toPath(token, start), inValueFilter);
    }

    /** What follows an attribute path: a value filter in brackets, {@code pr}, or an operator and a value. */
    private Filter attributeExpression(AttrPath path, boolean inValueFilter) {
        skipWhitespace();
        if (!peekIs('[')) {
            return operation(path);
        }
        int open = pos;
        if (inValueFilter) {
            throw ScimException.invalidFilter("Value filters can't be nested: the \"[\" at position " + open
                    + " is inside another value filter");
        }
        pos++;
        enter(open);
        Filter valueFilter = orExpression(true);
        close(']');
        if (!peekIs('.')) {
            return Filter.valuePath(path, valueFilter);
        }
        // Entra ID's emails[type eq "work"].value eq "x": the same email must satisfy both conditions.
        pos++;
        int subStart = pos;
        String sub = pathToken();
        if (!AttributePath.isAttrName(sub)) {
            throw expectedAt(subStart, "a sub-attribute name after \"].\"", found(subStart, sub));
        }
        Filter condition = operation(AttrPath.of(sub));
        return Filter.valuePath(path, Filter.and(valueFilter, condition));
    }

    private Filter operation(AttrPath path) {
        skipWhitespace();
        int opStart = pos;
        String word = pathToken();
        if (word.equalsIgnoreCase("pr")) {
            skipWhitespace();
            if (startsNumberOrString()) {
                throw ScimException.invalidFilter("Operator \"pr\" takes no value, but one starts at position " + pos);
            }
            return Filter.present(path);
        }
        CompareOp op = CompareOp.fromKeyword(word)
                .orElseThrow(() -> expectedAt(opStart, "a comparison operator", found(opStart, word)));
        skipWhitespace();
        int valueStart = pos;
        CompValue value = value();
        FilterGrammar.operandProblem(op, value).ifPresent(problem -> {
            throw ScimException.invalidFilter(problem + " (value at position " + valueStart + ")");
        });
        return Filter.compare(path, op, value);
    }

    /** The token as an attribute path, by the one grammar of {@link AttributePath}. */
    private AttrPath toPath(String token, int start) {
        try {
            return AttributePath.parse(token);
        } catch (AttributePath.Malformed e) {
            int at = start + e.position();
            if (e.position() == 0 && token.lastIndexOf(':') >= 0) {
                throw expectedAt(start, "a schema URI such as \"" + UserSchemas.CORE_USER + "\" before \":\"",
                        JsonText.quote(e.found()));
            }
            throw expectedAt(at, e.expected(), found(at, e.found()));
        }
    }

    private CompValue value() {
        if (atEnd()) {
            throw expected(A_VALUE);
        }
        char c = peek();
        if (c == '"') {
            return CompValue.of(string());
        }
        if (c == '-' || FilterGrammar.isDigit(c)) {
            return number();
        }
        int start = pos;
        String word = pathToken();
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "true" -> CompValue.of(true);
            case "false" -> CompValue.of(false);
            case "null" -> CompValue.nullValue();
            default -> throw expectedAt(start, A_VALUE, found(start, word));
        };
    }

    /** A JSON number (RFC 8259 §6): {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private CompValue number() {
        int start = pos;
        if (peekIs('-')) {
            pos++;
        }
        if (peekIs('0')) {
            pos++;
        } else if (!digits()) {
            throw expectedAt(start, "a JSON number", found(start, ""));
        }
        if (peekIs('.')) {
            pos++;
            if (!digits()) {
                throw expectedAt(start, "a JSON number", found(start, ""));
            }
        }
        if (peekIs('e') || peekIs('E')) {
            pos++;
            if (peekIs('+') || peekIs('-')) {
                pos++;
            }
            if (!digits()) {
                throw expectedAt(start, "a JSON number", found(start, ""));
            }
        }
        if (!atEnd() && (FilterGrammar.isPathChar(peek()) || peek() == '+')) {
            throw expectedAt(start, "a JSON number", found(start, ""));
        }
        try {
            return new CompValue(ScimNumber.parse(text.substring(start, pos)).orElseThrow());
        } catch (ScimException outOfRange) {
            throw ScimException.invalidFilter(ScimNumber.outOfRange("The number at position " + start).detail());
        }
    }

    private boolean digits() {
        int start = pos;
        while (!atEnd() && FilterGrammar.isDigit(peek())) {
            pos++;
        }
        return pos > start;
    }

    /** A JSON string (RFC 8259 §7), which RFC 7644 §3.4.2.2 requires string literals to be. */
    private String string() {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw ScimException.invalidFilter("The string that starts at position " + start
                        + " is not closed: expected \"\\\"\" but found the end of the filter");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                escape(value);
            } else if (c < 0x20) {
                throw ScimException.invalidFilter(String.format(
                        "Control character U+%04X at position %d must be escaped in a JSON string", (int) c, pos));
            } else {
                value.append(c);
                pos++;
            }
        }
        String result = value.toString();
        OptionalInt unpaired = ScimString.unpairedSurrogate(result);
        if (unpaired.isPresent()) {
            throw ScimException.invalidFilter("The string that starts at position " + start
                    + " holds an unpaired surrogate; write a character beyond U+FFFF as a surrogate pair,"
                    + " e.g. \\ud83d\\ude00");
        }
        return result;
    }

    private void escape(StringBuilder value) {
        int at = pos;
        pos++;
        if (atEnd()) {
            throw ScimException.invalidFilter("Unfinished escape at position " + at);
        }
        char e = text.charAt(pos++);
        switch (e) {
            case '"' -> value.append('"');
            case '\\' -> value.append('\\');
            case '/' -> value.append('/');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'u' -> value.append(hexCodeUnit(at));
            default -> throw ScimException.invalidFilter("Invalid escape " + JsonText.quote("\\" + e)
                    + " at position " + at + "; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX");
        }
    }

    private char hexCodeUnit(int escapeStart) {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = atEnd() ? -1 : hexDigit(peek());
            if (digit < 0) {
                throw ScimException.invalidFilter("Invalid escape at position " + escapeStart
                        + ": \\u needs four hexadecimal digits");
            }
            code = code * 16 + digit;
            pos++;
        }
        return (char) code;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Consumes the keyword if it comes next as a whole word; keywords are case-insensitive. */
    private boolean acceptKeyword(String keyword) {
        skipWhitespace();
        int end = pos + keyword.length();
        if (text.regionMatches(true, pos, keyword, 0, keyword.length())
                && (end == text.length() || !FilterGrammar.isPathChar(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    /** Whether the next word is {@code pr} or a comparison operator, without consuming it. */
    private boolean operatorFollows() {
        int saved = pos;
        String word = pathToken();
        pos = saved;
        return word.equalsIgnoreCase("pr") || CompareOp.fromKeyword(word).isPresent();
    }

    private boolean startsNumberOrString() {
        return peekIs('"') || peekIs('-') || (!atEnd() && FilterGrammar.isDigit(peek()));
    }

    /** The longest run of path characters from here: a name, a path, a keyword or an operator. */
    private String pathToken() {
        int start = pos;
        while (!atEnd() && FilterGrammar.isPathChar(peek())) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void enter(int at) {
        depth++;
        if (depth > FilterGrammar.MAX_DEPTH) {
            throw ScimException.invalidFilter("The filter nests deeper than " + FilterGrammar.MAX_DEPTH
                    + " levels at position " + at + " (parentheses, \"not\" and value filters count)");
        }
    }

    private void close(char closer) {
        skipWhitespace();
        if (!peekIs(closer)) {
            throw expected("\"and\", \"or\" or \"" + closer + "\"");
        }
        pos++;
        depth--;
    }

    private void skipWhitespace() {
        while (!atEnd() && FilterGrammar.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private boolean peekIs(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private ScimException expected(String what) {
        return expectedAt(pos, what, found(pos, ""));
    }

    private static ScimException expectedAt(int at, String what, String found) {
        return ScimException.invalidFilter("Expected " + what + " at position " + at + " but found " + found);
    }

    /** What stands at a position, for error messages: the token if one was read there, else what the text holds. */
    private String found(int at, String token) {
        if (!token.isEmpty()) {
            return JsonText.quote(shorten(token));
        }
        if (at >= text.length()) {
            return "the end of the filter";
        }
        char c = text.charAt(at);
        if (c == '"') {
            return "a string";
        }
        int end = at;
        while (end < text.length() && (FilterGrammar.isPathChar(text.charAt(end)) || text.charAt(end) == '+')
                && end - at < SHOWN_TOKEN_LENGTH) {
            end++;
        }
        if (end == at) {
            end = Character.isHighSurrogate(c) && at + 1 < text.length() ? at + 2 : at + 1;
        }
        return JsonText.quote(shorten(text.substring(at, end)));
    }

    private static String shorten(String token) {
        return token.length() <= SHOWN_TOKEN_LENGTH ? token : token.substring(0, SHOWN_TOKEN_LENGTH) + "…";
    }
}
