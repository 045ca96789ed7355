package dev.roster.scim.core.identifier;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Roster adds to PRECIS so that no name can pass for another one, in the spirit of Unicode TR39 (Unicode
 * Security Mechanisms), on the enforced (lower-case, NFC) name:
 * <ul>
 *   <li><b>One script per part</b> (TR39 §5.2, "Highly Restrictive"): the local part (everything before the last
 *       {@code @}, or the whole name without one) and each dot-separated label of the domain hold letters of one
 *       script, or of one of the combinations Latin + Han + Hiragana + Katakana, Latin + Han + Bopomofo and
 *       Latin + Han + Hangul. Common characters (digits, ASCII punctuation) and combining marks belong to any
 *       script. {@code аnn} with a Cyrillic {@code а} is refused; {@code анна@example.com} is fine.</li>
 *   <li><b>No hidden marks</b> (TR39 §5.4): no nonspacing mark twice in a row, no more than four in a row, and no
 *       dot above on an {@code i} or {@code j}, which already have one. The last also refuses {@code İ}
 *       (U+0130), which lower-cases to {@code i} + U+0307 and would then pass for a plain {@code i}.</li>
 * </ul>
 */
final class LookAlikeRules {

    private static final Set<UnicodeScript> NO_SCRIPT = EnumSet.of(UnicodeScript.COMMON, UnicodeScript.INHERITED,
            UnicodeScript.UNKNOWN);
    private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));
    private static final Set<Integer> DOTTED_BASES = Set.of((int) 'i', (int) 'j', 0x0131, 0x0237);
    private static final int COMBINING_DOT_ABOVE = 0x0307;
    private static final int MAX_MARKS_IN_A_ROW = 4;

    private LookAlikeRules() {
    }

    static Optional<String> violation(String enforced) {
        return mixedScripts(enforced).or(() -> hiddenMarks(enforced));
    }

    private static Optional<String> mixedScripts(String name) {
        int at = name.lastIndexOf('@');
        if (at < 0) {
            return mixedScriptsIn(name);
        }
        Optional<String> local = mixedScriptsIn(name.substring(0, at));
        if (local.isPresent()) {
            return local;
        }
        for (String label : name.substring(at + 1).split("\\.", -1)) {
            Optional<String> problem = mixedScriptsIn(label);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> mixedScriptsIn(String part) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        part.codePoints().mapToObj(UnicodeScript::of).filter(script -> !NO_SCRIPT.contains(script))
                .forEach(scripts::add);
        if (scripts.size() <= 1 || ALLOWED_MIXES.stream().anyMatch(mix -> mix.containsAll(scripts))) {
            return Optional.empty();
        }
        Map<UnicodeScript, Long> letters = part.codePoints().mapToObj(UnicodeScript::of)
                .filter(script -> !NO_SCRIPT.contains(script))
                .collect(Collectors.groupingBy(script -> script, () -> new EnumMap<>(UnicodeScript.class),
                        Collectors.counting()));
        UnicodeScript main = Collections.max(letters.entrySet(), Map.Entry.comparingByValue()).getKey();
        int intruder = part.codePoints().filter(cp -> {
            UnicodeScript script = UnicodeScript.of(cp);
            return !NO_SCRIPT.contains(script) && script != main;
        }).findFirst().orElseThrow();
        return Optional.of("'" + part + "' mixes " + scripts.stream().map(LookAlikeRules::scriptName)
                .collect(Collectors.joining(" and ")) + " letters (" + CodePoints.describe(intruder)
                + "), so it could pass for another name; each part of a name is written in one script");
    }

    private static Optional<String> hiddenMarks(String name) {
        int[] cps = Normalizer.normalize(name, Normalizer.Form.NFD).codePoints().toArray();
        int marksInARow = 0;
        int base = -1;
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                marksInARow = 0;
                base = cp;
                continue;
            }
            marksInARow++;
            if (i > 0 && cp == cps[i - 1]) {
                return Optional.of(CodePoints.describe(cp) + " stands twice in a row, which looks like once");
            }
            if (marksInARow > MAX_MARKS_IN_A_ROW) {
                return Optional.of("more than " + MAX_MARKS_IN_A_ROW + " combining marks stand on one letter");
            }
            if (cp == COMBINING_DOT_ABOVE && DOTTED_BASES.contains(base)) {
                return Optional.of("a dot above (U+0307) on " + CodePoints.describe(base) + " hides in the letter's "
                        + "own dot, so the name would pass for one without it (U+0130 LATIN CAPITAL LETTER I WITH DOT "
                        + "ABOVE lower-cases to exactly that: write a plain or a dotless i)");
            }
        }
        return Optional.empty();
    }

    private static String scriptName(UnicodeScript script) {
        String name = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
