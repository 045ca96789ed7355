package dev.roster.scim.core.identifier;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Bidi Rule of RFC 5893 §2, which RFC 8265 §3.3.1 applies to usernames that hold right-to-left code points.
 * RFC 5893 states it for the labels of a domain name; Roster applies it the same way, to each part of the userName
 * between {@code @}, {@code .} and spaces, and to every part once any part holds a right-to-left code point (RFC
 * 5893's "Bidi domain name"). Applied to the whole string instead, it would refuse every Hebrew or Arabic local
 * part under a Latin domain ({@code דנה@example.com}), since an RTL label may not contain Latin letters.
 */
final class BidiRule {

    private static final Set<Byte> RTL = Set.of(Character.DIRECTIONALITY_RIGHT_TO_LEFT,
            Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC, Character.DIRECTIONALITY_ARABIC_NUMBER);
    private static final Set<Byte> IN_RTL_LABEL = Set.of(Character.DIRECTIONALITY_RIGHT_TO_LEFT,
            Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC, Character.DIRECTIONALITY_ARABIC_NUMBER,
            Character.DIRECTIONALITY_EUROPEAN_NUMBER, Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR,
            Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR, Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR,
            Character.DIRECTIONALITY_OTHER_NEUTRALS, Character.DIRECTIONALITY_BOUNDARY_NEUTRAL,
            Character.DIRECTIONALITY_NONSPACING_MARK);
    private static final Set<Byte> IN_LTR_LABEL = Set.of(Character.DIRECTIONALITY_LEFT_TO_RIGHT,
            Character.DIRECTIONALITY_EUROPEAN_NUMBER, Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR,
            Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR, Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR,
            Character.DIRECTIONALITY_OTHER_NEUTRALS, Character.DIRECTIONALITY_BOUNDARY_NEUTRAL,
            Character.DIRECTIONALITY_NONSPACING_MARK);
    private static final Set<Byte> RTL_END = Set.of(Character.DIRECTIONALITY_RIGHT_TO_LEFT,
            Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC, Character.DIRECTIONALITY_EUROPEAN_NUMBER,
            Character.DIRECTIONALITY_ARABIC_NUMBER);
    private static final Set<Byte> LTR_END = Set.of(Character.DIRECTIONALITY_LEFT_TO_RIGHT,
            Character.DIRECTIONALITY_EUROPEAN_NUMBER);

    private BidiRule() {
    }

    /** Why the labels break the Bidi Rule, if they do; names without right-to-left code points always pass. */
    static Optional<String> violation(List<String> labels) {
        boolean bidi = labels.stream().flatMapToInt(String::codePoints)
                .anyMatch(cp -> RTL.contains(Character.getDirectionality(cp)));
        if (!bidi) {
            return Optional.empty();
        }
        for (String label : labels) {
            Optional<String> problem = labelViolation(label);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> labelViolation(String label) {
        int[] cps = label.codePoints().toArray();
        if (cps.length == 0) {
            return Optional.empty();
        }
        byte first = Character.getDirectionality(cps[0]);
        boolean rtl = first == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || first == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        if (!rtl && first != Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
            return Optional.of("a part of a name with right-to-left text must start with a letter, not "
                    + CodePoints.describe(cps[0]) + " (RFC 5893 §2, rule 1)");
        }
        Set<Byte> allowed = rtl ? IN_RTL_LABEL : IN_LTR_LABEL;
        for (int cp : cps) {
            if (!allowed.contains(Character.getDirectionality(cp))) {
                return Optional.of(CodePoints.describe(cp) + " may not stand in a " + (rtl ? "right-to-left"
                        : "left-to-right") + " part of the name (RFC 5893 §2, rule " + (rtl ? 2 : 5) + ")");
            }
        }
        int last = cps.length - 1;
        while (last > 0 && Character.getDirectionality(cps[last]) == Character.DIRECTIONALITY_NONSPACING_MARK) {
            last--;
        }
        if (!(rtl ? RTL_END : LTR_END).contains(Character.getDirectionality(cps[last]))) {
            return Optional.of("a " + (rtl ? "right-to-left" : "left-to-right") + " part of the name may not end with "
                    + CodePoints.describe(cps[last]) + " (RFC 5893 §2, rule " + (rtl ? 3 : 6) + ")");
        }
        if (rtl) {
            boolean european = false;
            boolean arabic = false;
            for (int cp : cps) {
                european |= Character.getDirectionality(cp) == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
                arabic |= Character.getDirectionality(cp) == Character.DIRECTIONALITY_ARABIC_NUMBER;
            }
            if (european && arabic) {
                return Optional.of("a right-to-left part of the name may not mix European and Arabic-Indic digits"
                        + " (RFC 5893 §2, rule 4)");
            }
        }
        return Optional.empty();
    }
}
