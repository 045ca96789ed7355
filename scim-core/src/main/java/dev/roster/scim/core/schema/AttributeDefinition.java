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
 *
 * @param name            the attribute's name as the schema spells it; looked up in any case (§2.1)
 * @param type            its data type (§2.3)
 * @param multiValued     whether its value is an array of values (§2.4)
 * @param description     what it holds, for {@code /Schemas}; empty when the schema says nothing
 * @param required        whether a resource must have a value for it
 * @param caseExact       whether text compares case-sensitively; otherwise by {@link CaseFolding} (§2.2)
 * @param identifier      whether values compare by {@link dev.roster.scim.core.identifier.IdentifierProfile#key},
 *                        Roster's own characteristic (see {@link Builder#identifier()})
 * @param mutability      whether and how a client may change it
 * @param returned        when a response shows it
 * @param uniqueness      how unique its values are
 * @param canonicalValues the values the schema suggests, such as {@code work} and {@code home}; empty for none
 * @param referenceTypes  for a reference, what it may point to ({@code User}, {@code external}, {@code uri});
 *                        empty otherwise
 * @param subAttributes   for a complex attribute, its sub-attributes; empty otherwise
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

    /**
     * A definition; the lists are copied. The factories below ({@link #string}, {@link #complex}…) are easier to
     * read.
     *
     * @param name            the attribute's name
     * @param type            its data type
     * @param multiValued     whether its value is an array
     * @param description     what it holds
     * @param required        whether a resource must have a value for it
     * @param caseExact       whether text compares case-sensitively
     * @param identifier      whether values compare as identifiers
     * @param mutability      whether and how a client may change it
     * @param returned        when a response shows it
     * @param uniqueness      how unique its values are
     * @param canonicalValues the values the schema suggests
     * @param referenceTypes  what a reference may point to
     * @param subAttributes   a complex attribute's sub-attributes
     * @throws NullPointerException if any argument but the booleans is null
     */
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

    /**
     * The sub-attribute of that name in any case.
     *
     * @param subName the sub-attribute's name, such as {@code givenName}
     * @return its definition; empty if this attribute has no such sub-attribute (or none at all)
     */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        return subAttributes.stream().filter(sub -> sub.name.equalsIgnoreCase(subName)).findFirst();
    }

    /**
     * Whether the attribute's value is an object of sub-attributes.
     *
     * @return true for type {@link AttributeType#COMPLEX}
     */
    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /**
     * Starts a string attribute.
     *
     * @param name the attribute's name
     * @return a builder with the RFC's defaults
     */
    public static Builder string(String name) {
        return new Builder(name, AttributeType.STRING);
    }

    /**
     * Starts a boolean attribute.
     *
     * @param name the attribute's name
     * @return a builder with the RFC's defaults
     */
    public static Builder bool(String name) {
        return new Builder(name, AttributeType.BOOLEAN);
    }

    /**
     * Starts a dateTime attribute.
     *
     * @param name the attribute's name
     * @return a builder with the RFC's defaults
     */
    public static Builder dateTime(String name) {
        return new Builder(name, AttributeType.DATE_TIME);
    }

    /**
     * Starts a reference attribute. References compare case-exactly (RFC 7643 §2.3.7, errata 6001): URIs are
     * case-sensitive.
     *
     * @param name           the attribute's name
     * @param referenceTypes what it may point to: resource types such as {@code User}, {@code external} or
     *                       {@code uri}
     * @return a builder with the RFC's defaults, but case-exact
     */
    public static Builder reference(String name, String... referenceTypes) {
        return new Builder(name, AttributeType.REFERENCE).referenceTypes(referenceTypes).caseExact();
    }

    /**
     * Starts a binary attribute. Binary values are case-exact (RFC 7643 §2.3.6): base64 is case-sensitive.
     *
     * @param name the attribute's name
     * @return a builder with the RFC's defaults, but case-exact
     */
    public static Builder binary(String name) {
        return new Builder(name, AttributeType.BINARY).caseExact();
    }

    /**
     * Starts a complex attribute.
     *
     * @param name          the attribute's name
     * @param subAttributes its sub-attributes, which are not complex themselves (RFC 7643 §2.3.8)
     * @return a builder with the RFC's defaults
     */
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

        /**
         * Makes the value an array of values.
         *
         * @return this builder
         */
        public Builder multiValued() {
            this.multiValued = true;
            return this;
        }

        /**
         * Sets what {@code /Schemas} says the attribute holds.
         *
         * @param text the description
         * @return this builder
         */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /**
         * Makes a value required in every resource.
         *
         * @return this builder
         */
        public Builder required() {
            this.required = true;
            return this;
        }

        /**
         * Makes text compare case-sensitively, in filters, sorting and uniqueness.
         *
         * @return this builder
         */
        public Builder caseExact() {
            this.caseExact = true;
            return this;
        }

        /**
         * Values name a person or an account: filters and sorts compare them by
         * {@link dev.roster.scim.core.identifier.IdentifierProfile#key} instead of {@link CaseFolding}, so that a
         * look-alike never matches (ADR 014). Not a characteristic of RFC 7643; {@code /Schemas} does not show it.
         *
         * @return this builder
         */
        public Builder identifier() {
            this.identifier = true;
            return this;
        }

        /**
         * Sets whether and how a client may change the attribute.
         *
         * @param value the mutability; {@link Mutability#READ_WRITE} by default
         * @return this builder
         */
        public Builder mutability(Mutability value) {
            this.mutability = value;
            return this;
        }

        /**
         * Sets when a response shows the attribute.
         *
         * @param value the returned characteristic; {@link Returned#DEFAULT} by default
         * @return this builder
         */
        public Builder returned(Returned value) {
            this.returned = value;
            return this;
        }

        /**
         * Sets how unique the attribute's values are.
         *
         * @param value the uniqueness; {@link Uniqueness#NONE} by default
         * @return this builder
         */
        public Builder uniqueness(Uniqueness value) {
            this.uniqueness = value;
            return this;
        }

        /**
         * Sets the values the schema suggests; a client may still send others.
         *
         * @param values the canonical values, such as {@code work}, {@code home}
         * @return this builder
         */
        public Builder canonicalValues(String... values) {
            this.canonicalValues = List.of(values);
            return this;
        }

        /**
         * Sets what a reference may point to.
         *
         * @param values resource types such as {@code User}, or {@code external} or {@code uri}
         * @return this builder
         */
        public Builder referenceTypes(String... values) {
            this.referenceTypes = List.of(values);
            return this;
        }

        /**
         * Sets a complex attribute's sub-attributes, replacing any set before.
         *
         * @param values the sub-attributes
         * @return this builder
         */
        public Builder subAttributes(AttributeDefinition... values) {
            this.subAttributes = List.of(values);
            return this;
        }

        /**
         * The definition as built so far.
         *
         * @return the definition
         * @throws NullPointerException if a value set on the way was null
         */
        public AttributeDefinition build() {
            return new AttributeDefinition(name, type, multiValued, description, required, caseExact, identifier,
                    mutability,
                    returned, uniqueness, canonicalValues, referenceTypes, subAttributes);
        }
    }
}
