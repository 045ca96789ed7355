package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.json.ScimValue;

import java.util.Objects;
import java.util.Optional;

/**
 * One operation of a PATCH request (RFC 7644 §3.5.2): {@link Add} (§3.5.2.1), {@link Remove} (§3.5.2.2) or
 * {@link Replace} (§3.5.2.3). Values are kept as the client sent them; the engine normalises them against the
 * schema of the attribute they land on. Walk one with a {@link Visitor}.
 *
 * <pre>{@code
 * PatchOperation deactivate = PatchOperation.replace(ScimObject.builder().put("active", false).build());
 * PatchOperation workEmail = PatchOperation.replace("emails[type eq \"work\"].value", ScimValue.of("a@x.org"));
 * PatchOperation noTitle = PatchOperation.remove("title");
 * }</pre>
 */
public sealed interface PatchOperation permits PatchOperation.Add, PatchOperation.Replace, PatchOperation.Remove {

    <R> R accept(Visitor<R> visitor);

    /** The target; absent only for add and replace, whose value then holds attributes of the resource itself. */
    Optional<PatchPath> path();

    /** The operation's keyword as RFC 7644 writes it: {@code add}, {@code replace} or {@code remove}. */
    String keyword();

    /** One method per kind of operation; a new kind breaks every visitor at compile time. */
    interface Visitor<R> {
        R visitAdd(Add operation);

        R visitReplace(Replace operation);

        R visitRemove(Remove operation);
    }

    /** {@code add} of attributes to the resource itself. */
    static Add add(ScimValue value) {
        return new Add(Optional.empty(), value);
    }

    /**
     * {@code add} at a path.
     *
     * @throws dev.roster.scim.core.error.ScimException {@code invalidPath} if the path is malformed
     */
    static Add add(String path, ScimValue value) {
        return new Add(Optional.of(PatchPath.parse(path)), value);
    }

    /** {@code replace} of attributes of the resource itself. */
    static Replace replace(ScimValue value) {
        return new Replace(Optional.empty(), value);
    }

    /**
     * {@code replace} at a path.
     *
     * @throws dev.roster.scim.core.error.ScimException {@code invalidPath} if the path is malformed
     */
    static Replace replace(String path, ScimValue value) {
        return new Replace(Optional.of(PatchPath.parse(path)), value);
    }

    /**
     * {@code remove} at a path.
     *
     * @throws dev.roster.scim.core.error.ScimException {@code invalidPath} if the path is malformed
     */
    static Remove remove(String path) {
        return new Remove(PatchPath.parse(path), Optional.empty());
    }

    /**
     * {@code op: "add"}: adds values to multi-valued attributes, merges sub-attributes into complex ones and sets
     * simple ones. A JSON {@code null} value unassigns the target (RFC 7643 §2.5).
     */
    record Add(Optional<PatchPath> path, ScimValue value) implements PatchOperation {
        public Add {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAdd(this);
        }

        @Override
        public String keyword() {
            return "add";
        }
    }

    /**
     * {@code op: "replace"}: replaces simple and multi-valued attributes, merges sub-attributes into complex
     * single-valued ones (RFC 7644 §3.5.2.3 leaves unnamed sub-attributes unchanged). A JSON {@code null} value
     * unassigns the target.
     */
    record Replace(Optional<PatchPath> path, ScimValue value) implements PatchOperation {
        public Replace {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitReplace(this);
        }

        @Override
        public String keyword() {
            return "replace";
        }
    }

    /**
     * {@code op: "remove"}: unassigns the target. The RFC gives remove no value; Entra ID sends one to name the
     * values of a multi-valued attribute to remove ({@code "path": "emails", "value": [{"value": "a@x.org"}]}),
     * and then only those values go.
     */
    record Remove(PatchPath target, Optional<ScimValue> value) implements PatchOperation {
        public Remove {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRemove(this);
        }

        @Override
        public Optional<PatchPath> path() {
            return Optional.of(target);
        }

        @Override
        public String keyword() {
            return "remove";
        }
    }
}
