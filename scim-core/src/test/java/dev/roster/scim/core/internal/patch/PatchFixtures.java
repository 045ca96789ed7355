package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to {@link ScimValue} for tests, so that PATCH bodies read as the identity providers send them. The core
 * has no JSON library (adapters bring Jackson); this strict little reader is enough for test literals.
 */
final class PatchFixtures {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String ROLE = "urn:ietf:params:scim:schemas:extension:roster:2.0:User";

    /** A canonical User as the normaliser leaves it: a work email (primary), a home email, an enterprise part. */
    static final ScimObject ANN = json("""
            {"userName": "ann",
             "name": {"givenName": "Ann", "familyName": "Lee"},
             "displayName": "Ann Lee",
             "title": "Engineer",
             "emails": [{"value": "ann@work.example", "type": "work", "primary": true},
                        {"value": "ann@home.example", "type": "home"}],
             "active": true,
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                 {"department": "Ops", "manager": {"value": "boss-1"}}}
            """);

    /** A canonical User with only a user name, as JIT sign-in creates one. */
    static final ScimObject BARE = json("{\"userName\": \"bob\", \"active\": true}");

    private final String text;
    private int pos;

    private PatchFixtures(String text) {
        this.text = text;
    }

    static ScimObject json(String text) {
        return (ScimObject) value(text);
    }

    static ScimValue value(String text) {
        PatchFixtures reader = new PatchFixtures(text);
        ScimValue value = reader.read();
        reader.skipSpace();
        if (reader.pos != text.length()) {
            throw reader.error("trailing text");
        }
        return value;
    }

    /** Parses the body and applies it to the resource. */
    static ScimObject patch(ScimObject resource, String body) {
        return PatchEngine.apply(resource, PatchRequest.parse(json(body)));
    }

    /** Applies the operations (a JSON array) to the resource. */
    static ScimObject patchOps(ScimObject resource, String operations) {
        return patch(resource, "{\"schemas\": [\"" + PatchRequest.PATCH_OP + "\"], \"Operations\": " + operations
                + "}");
    }

    private ScimValue read() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return ScimValue.of(string());
            default:
                if (text.startsWith("true", pos)) {
                    pos += 4;
                    return ScimValue.of(true);
                }
                if (text.startsWith("false", pos)) {
                    pos += 5;
                    return ScimValue.of(false);
                }
                if (text.startsWith("null", pos)) {
                    pos += 4;
                    return ScimValue.nullValue();
                }
                return number();
        }
    }

    private ScimObject object() {
        pos++;
        Map<String, ScimValue> members = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return new ScimObject(members);
        }
        while (true) {
            skipSpace();
            String name = string();
            skipSpace();
            expect(':');
            members.put(name, read());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return new ScimObject(members);
            }
        }
    }

    private ScimArray array() {
        pos++;
        List<ScimValue> values = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new ScimArray(values);
        }
        while (true) {
            values.add(read());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return new ScimArray(values);
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> out.append(escaped);
            }
        }
    }

    private ScimValue number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw error("unexpected character");
        }
        return ScimValue.of(new BigDecimal(text.substring(start, pos)));
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + pos + " in " + text);
    }
}
