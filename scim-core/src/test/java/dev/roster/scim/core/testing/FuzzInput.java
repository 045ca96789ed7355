package dev.roster.scim.core.testing;

/**
 * Turns a fuzzer's bytes into text. UTF-8, so that seed files are readable filters and paths, but decoded the way
 * WTF-8 is: a three-byte sequence for a surrogate ({@code ED A0 80} is U+D800) yields that lone surrogate, which a
 * strict decoder would replace. Lone surrogates reach the parsers in real life through JSON's {@code \ud800}
 * escapes, so the fuzzer must be able to write them. Any other malformed byte becomes U+FFFD.
 */
public final class FuzzInput {

    private static final char REPLACEMENT = '\uFFFD';

    private FuzzInput() {
    }

    public static String text(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            int continuations;
            int smallest;
            if (lead < 0x80) {
                out.append((char) lead);
                i++;
                continue;
            } else if (lead >= 0xC2 && lead <= 0xDF) {
                continuations = 1;
                smallest = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuations = 2;
                smallest = 0x800;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuations = 3;
                smallest = 0x10000;
            } else {
                out.append(REPLACEMENT);
                i++;
                continue;
            }
            int codePoint = lead & (0x3F >> continuations);
            int j = i + 1;
            while (j <= i + continuations && j < bytes.length && (bytes[j] & 0xC0) == 0x80) {
                codePoint = (codePoint << 6) | (bytes[j] & 0x3F);
                j++;
            }
            if (j == i + continuations + 1 && codePoint >= smallest && codePoint <= Character.MAX_CODE_POINT) {
                out.appendCodePoint(codePoint);
                i = j;
            } else {
                out.append(REPLACEMENT);
                i++;
            }
        }
        return out.toString();
    }
}
