package dev.roster.scim.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a schema with its characteristics (RFC 7643 §2.2 and §7). This one definition drives the
 * {@code /Schemas} document, case-insensitive name lookup, case-exact comparison in filters, mutability checks and
 * the {@code returned} rules of projection.
 *
 * <pre>{@code
 * AttributeDefinition userName = AttributeDefinition.string("userName").required().uniqueness(Uniqueness.SERVER).build();
 * }</pre>
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        String description,
        boolean required,
        boolean caseExact,
        boolean identifier,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<AttributeDefinition> subAttributes) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mutability, "mutability");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(uniqueness, "uniqueness");
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
    }

    /** The sub-attribute of that name in any case. */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        return subAttributes.stream().filter(sub -> sub.name.equalsIgnoreCase(subName)).findFirst();
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    public static Builder string(String name) {
        return new Builder(name, AttributeType.STRING);
    }

    public static Builder bool(String name) {
        return new Builder(name, AttributeType.BOOLEAN);
    }

    public static Builder dateTime(String name) {
        return new Builder(name, AttributeType.DATE_TIME);
    }

    /** References compare case-exactly (RFC 7643 §2.3.7, errata 6001): URIs are case-sensitive. */
    public static Builder reference(String name, String... referenceTypes) {
        return new Builder(name, AttributeType.REFERENCE).referenceTypes(referenceTypes).caseExact();
    }

    /** Binary values are case-exact (RFC 7643 §2.3.6): base64 is case-sensitive. */
    public static Builder binary(String name) {
        return new Builder(name, AttributeType.BINARY).caseExact();
    }

    public static Builder complex(String name, AttributeDefinition... subAttributes) {
        return new Builder(name, AttributeType.COMPLEX).subAttributes(subAttributes);
    }

    /** Starts from the RFC's defaults: single-valued, optional, not case-exact, readWrite, returned by default. */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean multiValued;
        private String description = "";
        private boolean required;
        private boolean caseExact;
        private boolean identifier;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private List<String> canonicalValues = List.of();
        private List<String> referenceTypes = List.of();
        private List<AttributeDefinition> subAttributes = List.of();

        private Builder(String name, AttributeType type) {
            this.name = name;
            this.type = type;
        }

        public Builder multiValued() {
            this.multiValued = true;
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder caseExact() {
            this.caseExact = true;
            return this;
        }

        /**
         * Values name a person or an account: filters and sorts compare them by
         * {@link dev.roster.scim.core.identifier.IdentifierProfile#key} instead of {@link CaseFolding}, so that a
         * look-alike never matches (ADR 014). Not a characteristic of RFC 7643; {@code /Schemas} does not show it.
         */
        public Builder identifier() {
            this.identifier = true;
            return this;
        }

        public Builder mutability(Mutability value) {
            this.mutability = value;
            return this;
        }

        public Builder returned(Returned value) {
            this.returned = value;
            return this;
        }

        public Builder uniqueness(Uniqueness value) {
            this.uniqueness = value;
            return this;
        }

        public Builder canonicalValues(String... values) {
            this.canonicalValues = List.of(values);
            return this;
        }

        public Builder referenceTypes(String... values) {
            this.referenceTypes = List.of(values);
            return this;
        }

        public Builder subAttributes(AttributeDefinition... values) {
            this.subAttributes = List.of(values);
            return this;
        }

        public AttributeDefinition build() {
            return new AttributeDefinition(name, type, multiValued, description, required, caseExact, identifier,
                    mutability,
                    returned, uniqueness, canonicalValues, referenceTypes, subAttributes);
        }
    }
}
