package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterPrinter;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code path} of a PATCH operation (RFC 7644 §3.5.2, {@code PATH = attrPath / valuePath [subAttr]}): an
 * optional schema URN, an attribute, an optional value filter that selects values of that (multi-valued) attribute,
 * and an optional sub-attribute. Names are kept as written; the engine resolves them case-insensitively against the
 * schemas. This type checks the grammar only; whether the attribute exists, is multi-valued or has that
 * sub-attribute is the engine's business.
 *
 * <pre>{@code
 * PatchPath.parse("name.givenName");                  // attribute name, sub-attribute givenName
 * PatchPath.parse("emails[type eq \"work\"].value");   // attribute emails, filter type eq "work", sub value
 * PatchPath.parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value");
 * }</pre>
 */
public record PatchPath(Optional<String> schemaUrn, String attribute, Optional<Filter> valueFilter,
                        Optional<String> subAttribute) {

    public PatchPath {
        Objects.requireNonNull(schemaUrn, "schemaUrn");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(valueFilter, "valueFilter");
        Objects.requireNonNull(subAttribute, "subAttribute");
        if (attribute.isEmpty()) {
            throw new IllegalArgumentException("attribute name must not be empty");
        }
    }

    /**
     * Parses a path as clients send it.
     *
     * @throws dev.roster.scim.core.error.ScimException {@code 400 invalidPath} if it does not follow the grammar,
     *                                                  including a value filter that does not parse
     */
    public static PatchPath parse(String path) {
        return PatchPathParser.parse(path);
    }

    /** The path as SCIM writes it, for messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        schemaUrn.ifPresent(urn -> text.append(urn).append(':'));
        text.append(attribute);
        valueFilter.ifPresent(filter -> text.append('[').append(FilterPrinter.print(filter)).append(']'));
        subAttribute.ifPresent(sub -> text.append('.').append(sub));
        return text.toString();
    }
}
