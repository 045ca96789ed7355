package dev.roster.scim.core.identifier;

import dev.roster.scim.core.error.ScimException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Roster's identifier profile: which userNames are acceptable, and the one key that decides whether two of them
 * name the same person (docs/adr/014). It is PRECIS {@code UsernameCaseMapped} (RFC 8265 §3.3 over the
 * IdentifierClass of RFC 8264 §4.2), with rules against look-alikes in the spirit of Unicode TR39.
 *
 * <p><b>The key</b> ({@link #key}) is the RFC 8265 mapping: fullwidth and halfwidth forms to their decomposition
 * (UAX #11), then {@code toLowerCase} (Unicode's full lower-case mapping, {@link Locale#ROOT}), then NFC. Two
 * userNames are the same identity exactly when their keys are equal, and every store keeps this key (the SQL
 * column {@code users.user_name_key}), so SQLite, PostgreSQL and the in-memory evaluator can only agree.
 *
 * <p><b>Enforcement</b> ({@link #refusal}) accepts a userName when
 * <ol>
 *   <li>it is one or more userparts separated by single spaces (RFC 8265 §3.5);</li>
 *   <li>after width mapping, every code point is in the IdentifierClass: letters, digits and combining marks of
 *       any script, and printable ASCII; not control characters, invisible or format characters (zero-width
 *       space, right-to-left override), symbols (emoji), non-ASCII punctuation and spaces, code points with a
 *       compatibility equivalent ({@code ſ}, {@code ﬃ}, the Kelvin sign), and not code points this Java's
 *       Unicode does not assign yet; contextual ones (zero-width joiner after a virama, Catalan {@code l·l}) only
 *       in their context (RFC 5892 Appendix A). The class is checked on the input, as RFC 8265 §3.3.2 orders it,
 *       and again on the key, as RFC 8264 §7 orders it;</li>
 *   <li>every part between {@code @}, {@code .} and spaces satisfies the Bidi Rule (RFC 5893) when the name has
 *       right-to-left text;</li>
 *   <li>each part is written in one script and hides no marks ({@link LookAlikeRules}).</li>
 * </ol>
 *
 * <table>
 *   <caption>Examples</caption>
 *   <tr><th>userName</th><th>key or refusal</th><th>why</th></tr>
 *   <tr><td>{@code Ann.Lee@Example.COM}</td><td>{@code ann.lee@example.com}</td><td>case</td></tr>
 *   <tr><td>{@code e + U+0301 mile}</td><td>{@code émile}</td><td>NFC: canonically equivalent forms match</td></tr>
 *   <tr><td>{@code ＩＡＮ}</td><td>{@code ian}</td><td>width mapping: the same name as {@code ian}</td></tr>
 *   <tr><td>{@code ΟΔΟΣ}</td><td>{@code οδος}</td><td>{@code toLowerCase} writes the final sigma</td></tr>
 *   <tr><td>{@code straße}</td><td>{@code straße}</td><td>not {@code strasse}: RFC 8265's own example</td></tr>
 *   <tr><td>{@code ıan}</td><td>{@code ıan}</td><td>dotless ı is a letter of its own: another person</td></tr>
 *   <tr><td>{@code İan}</td><td>refused</td><td>lower-cases to i + dot above, which looks like {@code ian}</td></tr>
 *   <tr><td>{@code ſam}, {@code ﬃ}, {@code U+212A im}</td><td>refused</td><td>compatibility variants</td></tr>
 *   <tr><td>{@code аnn} (Cyrillic а)</td><td>refused</td><td>mixes Cyrillic and Latin</td></tr>
 *   <tr><td>{@code анна@example.com}</td><td>{@code анна@example.com}</td><td>each part has one script</td></tr>
 *   <tr><td>{@code ann U+200B}, {@code U+202E nna}, {@code ann U+0000}</td><td>refused</td>
 *       <td>invisible, format and control characters</td></tr>
 *   <tr><td>{@code ann😀}</td><td>refused</td><td>symbols</td></tr>
 * </table>
 *
 * <pre>{@code
 * String key = IdentifierProfile.key("ＩＡＮ@Example.com");        // "ian@example.com"
 * IdentifierProfile.refusal("аnn").isPresent();                   // true: mixed scripts
 * }</pre>
 */
public final class IdentifierProfile {

    private static final int IDEOGRAPHIC_SPACE = 0x3000;

    private IdentifierProfile() {
    }

    /**
     * The comparison key of any text: width-mapped, lower-cased, NFC. Defined for every string, acceptable or
     * not, so that a filter literal or a stored name the profile refuses still has one; a refused text's key is
     * never the key of an acceptable one, because acceptability is decided on the key.
     *
     * @param text any text: a userName, an email address, a filter literal
     * @return the comparison key; equal keys mean the same identity
     */
    public static String key(String text) {
        return Normalizer.normalize(widthMapped(text).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /**
     * Why the profile refuses this userName, if it does.
     *
     * @param userName the name as the client sent it
     * @return the reason, in words that name code points (never echoing them) and cite the rule, fit for a SCIM
     *         error's {@code detail}; empty if the name is acceptable
     */
    public static Optional<String> refusal(String userName) {
        String mapped = widthMapped(userName);
        return userparts(mapped)
                .or(() -> outsideTheClass(mapped, "in", false))
                .or(() -> {
                    String key = key(userName);
                    return outsideTheClass(key, "in", true)
                            .or(() -> BidiRule.violation(labels(key)))
                            .or(() -> LookAlikeRules.violation(key));
                });
    }

    /**
     * The key of an acceptable userName, for a write that stores one.
     *
     * @param attribute how the detail names the attribute, such as {@code "userName"}
     * @param userName  the name as the client sent it
     * @return its comparison key ({@link #key})
     * @throws ScimException {@code 400 invalidValue} whose detail says what is wrong, if the profile refuses the
     *         name ({@link #refusal})
     */
    public static String requireAcceptable(String attribute, String userName) {
        Optional<String> refusal = refusal(userName);
        if (refusal.isPresent()) {
            throw ScimException.invalidValue("The " + attribute + " is not acceptable: " + refusal.get() + ".");
        }
        return key(userName);
    }

    /** RFC 8265 §3.3.1 rule 1: fullwidth and halfwidth forms to their {@code <wide>}/{@code <narrow>} mapping. */
    private static String widthMapped(String text) {
        StringBuilder mapped = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean wide = cp == IDEOGRAPHIC_SPACE || (cp >= 0xFF01 && cp <= 0xFFEF);
            String decomposed = wide ? Normalizer.normalize(CodePoints.text(cp), Normalizer.Form.NFKC) : "";
            if (wide && decomposed.codePointCount(0, decomposed.length()) == 1) {
                if (mapped == null) {
                    mapped = new StringBuilder(text.length()).append(text, 0, i);
                }
                mapped.append(decomposed);
            } else if (mapped != null) {
                mapped.append(text, i, next);
            }
            i = next;
        }
        return mapped == null ? text : mapped.toString();
    }

    private static Optional<String> userparts(String name) {
        if (name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.startsWith(" ") || name.endsWith(" ") || name.contains("  ")) {
            return Optional.of("spaces may only separate words, one at a time (RFC 8265 §3.5)");
        }
        return Optional.empty();
    }

    /**
     * The first code point outside the IdentifierClass. Contexts are judged on the key only: Catalan
     * {@code L·L} is {@code l·l} once lower-cased.
     */
    private static Optional<String> outsideTheClass(String text, String where, boolean judgeContexts) {
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == ' ') {
                continue;
            }
            IdentifierClass.Derived derived = IdentifierClass.of(cps[i]);
            Optional<String> problem = switch (derived.property()) {
                case PVALID -> Optional.empty();
                case CONTEXTJ, CONTEXTO -> judgeContexts ? ContextRules.violation(cps, i) : Optional.empty();
                case DISALLOWED, UNASSIGNED -> Optional.of("is " + derived.kind());
            };
            if (problem.isPresent()) {
                return Optional.of(CodePoints.describe(cps[i]) + " " + where + " the name " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** The parts between {@code @}, {@code .} and spaces. */
    private static List<String> labels(String key) {
        List<String> labels = new ArrayList<>();
        for (String part : key.split("[@. ]", -1)) {
            labels.add(part);
        }
        return labels;
    }
}
