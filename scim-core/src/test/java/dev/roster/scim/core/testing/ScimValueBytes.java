package dev.roster.scim.core.testing;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimBoolean;
import dev.roster.scim.core.json.ScimNull;
import dev.roster.scim.core.json.ScimNumber;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of {@link ScimValue} trees, so that a fuzzer can build trees directly instead of writing JSON
 * text. Every byte string decodes to some tree (missing bytes read as zero), so every mutation is a new tree, and
 * the trees reach what JSON parsing never hands the core: numbers of any scale ({@code 1E+2147483647}), lone
 * surrogates, nesting past the JSON reader's limit. {@link #encode} writes the form, for seed files made from real
 * request bodies.
 *
 * <pre>
 * value  = tag, then by tag (tag byte mod 8):
 *          0 object: count, count × (text name, value)     4 true
 *          1 array:  count, count × value                  5 false
 *          2 string: text                                  6 null
 *          3 number: text, read as a JSON number (0 if it is none)
 *          7 number: 4-byte big-endian scale, text length, that many bytes of two's-complement unscaled value
 * count  = one byte under 255, or 255 and a 2-byte big-endian count
 * text   = count, then that many bytes as UTF-8 ({@link FuzzInput#text})
 * </pre>
 * Containers deeper than {@link #MAX_DEPTH} decode as {@code null}, which keeps the decoder's recursion bounded.
 */
public final class ScimValueBytes {

    public static final int MAX_DEPTH = 64;

    private static final int OBJECT = 0;
    private static final int ARRAY = 1;
    private static final int STRING = 2;
    private static final int NUMBER_TEXT = 3;
    private static final int TRUE = 4;
    private static final int FALSE = 5;
    private static final int NULL = 6;
    private static final int NUMBER_PARTS = 7;
    private static final int LONG_COUNT = 0xFF;

    private final byte[] bytes;
    private int pos;

    private ScimValueBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ScimValue decode(byte[] bytes) {
        return new ScimValueBytes(bytes).value(0);
    }

    public static byte[] encode(ScimValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private ScimValue value(int depth) {
        int tag = next() & 0x07;
        switch (tag) {
            case OBJECT:
            case ARRAY:
                if (depth >= MAX_DEPTH) {
                    return ScimValue.nullValue();
                }
                return tag == OBJECT ? object(depth) : array(depth);
            case STRING:
                return ScimValue.of(text());
            case NUMBER_TEXT:
                return number(jsonNumber(text()));
            case TRUE:
                return ScimValue.of(true);
            case FALSE:
                return ScimValue.of(false);
            case NULL:
                return ScimValue.nullValue();
            default:
                int scale = (next() << 24) | (next() << 16) | (next() << 8) | next();
                byte[] unscaled = take(count());
                BigInteger integer = unscaled.length == 0 ? BigInteger.ZERO : new BigInteger(unscaled);
                return number(new BigDecimal(integer, scale));
        }
    }

    private ScimObject object(int depth) {
        int count = count();
        Map<String, ScimValue> members = new LinkedHashMap<>();
        for (int i = 0; i < count && pos < bytes.length; i++) {
            String name = text();
            members.put(name, value(depth + 1));
        }
        return new ScimObject(members);
    }

    private ScimArray array(int depth) {
        int count = count();
        List<ScimValue> values = new ArrayList<>();
        for (int i = 0; i < count && pos < bytes.length; i++) {
            values.add(value(depth + 1));
        }
        return new ScimArray(values);
    }

    /**
     * A number {@link ScimNumber} accepts. No tree can hold one out of its range (the constructor refuses it with
     * {@code invalidValue}, tested in {@code ScimNumberTest}), so the bytes of such a number stand for zero here.
     */
    private static ScimValue number(BigDecimal value) {
        try {
            return ScimValue.of(value);
        } catch (ScimException outOfRange) {
            return ScimValue.of(BigDecimal.ZERO);
        }
    }

    private static BigDecimal jsonNumber(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return BigDecimal.ZERO;
        }
    }

    private String text() {
        return FuzzInput.text(take(count()));
    }

    private byte[] take(int length) {
        int available = Math.min(length, bytes.length - pos);
        byte[] taken = new byte[available];
        System.arraycopy(bytes, pos, taken, 0, available);
        pos += available;
        return taken;
    }

    private int count() {
        int first = next();
        return first < LONG_COUNT ? first : (next() << 8) | next();
    }

    private int next() {
        return pos < bytes.length ? bytes[pos++] & 0xFF : 0;
    }

    private static void write(ByteArrayOutputStream out, ScimValue value) {
        value.accept(new ScimValue.Visitor<Void>() {
            @Override
            public Void visitObject(ScimObject object) {
                out.write(OBJECT);
                writeCount(out, object.size());
                object.forEach((name, member) -> {
                    writeText(out, name);
                    write(out, member);
                });
                return null;
            }

            @Override
            public Void visitArray(ScimArray array) {
                out.write(ARRAY);
                writeCount(out, array.size());
                array.values().forEach(element -> write(out, element));
                return null;
            }

            @Override
            public Void visitString(ScimString string) {
                out.write(STRING);
                writeText(out, string.value());
                return null;
            }

            @Override
            public Void visitNumber(ScimNumber number) {
                out.write(NUMBER_PARTS);
                int scale = number.value().scale();
                out.write(scale >>> 24);
                out.write(scale >>> 16);
                out.write(scale >>> 8);
                out.write(scale);
                byte[] unscaled = number.value().unscaledValue().toByteArray();
                writeCount(out, unscaled.length);
                out.writeBytes(unscaled);
                return null;
            }

            @Override
            public Void visitBoolean(ScimBoolean bool) {
                out.write(bool.value() ? TRUE : FALSE);
                return null;
            }

            @Override
            public Void visitNull(ScimNull nothing) {
                out.write(NULL);
                return null;
            }
        });
    }

    private static void writeText(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeCount(out, utf8.length);
        out.writeBytes(utf8);
    }

    private static void writeCount(ByteArrayOutputStream out, int count) {
        if (count >= 1 << 16) {
            throw new IllegalArgumentException("the form holds at most 65535 members, values or bytes: " + count);
        }
        if (count < LONG_COUNT) {
            out.write(count);
        } else {
            out.write(LONG_COUNT);
            out.write(count >>> 8);
            out.write(count);
        }
    }
}
