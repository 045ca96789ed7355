/**
 * SCIM PATCH (RFC 7644 §3.5.2): {@link dev.roster.scim.core.internal.patch.PatchRequest} reads a request body into
 * {@link dev.roster.scim.core.internal.patch.PatchOperation}s with
 * {@link dev.roster.scim.core.internal.patch.PatchPath}s, and
 * {@link dev.roster.scim.core.internal.patch.PatchEngine} applies them, atomically, to a canonical User representation.
 * The choices made where the RFC is silent are in {@code docs/adr/005-patch-semantics.md}.
 *
 * <pre>{@code
 * ScimObject patched = PatchEngine.apply(current, PatchRequest.parse(body));
 * }</pre>
 */
package dev.roster.scim.core.internal.patch;
