package dev.roster.scim.jackson;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimNumber;

/**
 * The bounds {@link ScimJson} reads JSON within, as Jackson {@link StreamReadConstraints}: the parser stops as soon
 * as one is exceeded, before it builds the rest of the tree. What the core refuses in the tree itself (numbers out
 * of range, unpaired surrogates, a name sent twice in different case) is in
 * {@link dev.roster.scim.core.json.ReceivedJson}.
 */
public final class JsonLimits {

    /** The largest request document: 1 MiB is far above any real User or PATCH, far below what could hurt. */
    public static final int MAX_DOCUMENT_BYTES = 1 << 20;

    /** The deepest nesting: a PATCH value holding an extension's complex attribute is 6 levels; 32 is plenty. */
    public static final int MAX_NESTING_DEPTH = 32;

    /** The longest number text: every number within the core's bounds fits written out in full. */
    public static final int MAX_NUMBER_LENGTH = ScimNumber.MAX_TEXT_LENGTH;

    /** The longest string, in chars: 16 times a large certificate in base64, so one value can't fill a body. */
    public static final int MAX_STRING_LENGTH = 1 << 16;

    /** The longest member name: 3 times an extension URN with its attribute (74 chars); Entra's custom ones fit. */
    public static final int MAX_NAME_LENGTH = 256;

    /**
     * The most tokens in one request: a User with every multi-valued attribute at its 1000-value cap is about 90k,
     * and real JSON averages well over 5 bytes a token; a 1 MiB body of bare zeros would be 500k nodes to build.
     */
    public static final long MAX_TOKEN_COUNT = 200_000;

    /** What a client sends: every bound. */
    static final StreamReadConstraints REQUESTS = StreamReadConstraints.builder()
            .maxDocumentLength(MAX_DOCUMENT_BYTES)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxTokenCount(MAX_TOKEN_COUNT)
            .build();

    /**
     * What Roster wrote itself (a stored user document): the bounds on what the value tree can hold, but Jackson's
     * defaults for sizes, since a user may grow past one request over many PATCHes and older versions stored
     * strings of up to 1 MiB.
     */
    static final StreamReadConstraints STORED_DOCUMENTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();

    private JsonLimits() {
    }

    /**
     * The refusal for a bound Jackson stopped at: a number too long to be in range is {@code invalidValue}, as an
     * out-of-range number is in the core; anything else is {@code invalidSyntax}, saying which bound it was.
     */
    static ScimException refusal(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message.contains("getMaxNumberLength")) {
            return ScimNumber.outOfRange();
        }
        return ScimException.invalidSyntax("The JSON " + exceeded(message) + ".");
    }

    private static String exceeded(String message) {
        if (message.contains("getMaxNestingDepth")) {
            return "nests deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (message.contains("getMaxStringLength")) {
            return "holds a string longer than " + MAX_STRING_LENGTH + " characters";
        }
        if (message.contains("getMaxNameLength")) {
            return "holds a member name longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (message.contains("getMaxTokenCount")) {
            return "holds more than " + MAX_TOKEN_COUNT + " tokens (names, values and brackets)";
        }
        if (message.contains("getMaxDocumentLength")) {
            return "is longer than " + MAX_DOCUMENT_BYTES + " bytes";
        }
        return "exceeds a limit on its size";
    }
}
