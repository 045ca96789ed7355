/**
 * The use cases: what the adapters and the host call to drive Roster, with the value types they take and return.
 * {@code dev.roster.scim.core.service} implements each of them over the driven ports of
 * {@code dev.roster.scim.core.port.out}; a host builds them from one {@code Ports} record and shares them between
 * threads.
 *
 * <ul>
 *   <li>{@link dev.roster.scim.core.port.in.ScimUsers} — the {@code /Users} endpoint as an identity provider uses
 *   it, under the provisioning policy; {@link dev.roster.scim.core.port.in.Discovery} — the discovery
 *   endpoints. The resources that the JAX-RS adapter's {@code ScimFeature} registers call both.</li>
 *   <li>{@link dev.roster.scim.core.port.in.JitSignIn} — what the host's SSO layer calls once it validated an
 *   assertion: the first sign-in creates the user.</li>
 *   <li>{@link dev.roster.scim.core.port.in.SiteAdministration} — sites, their SCIM settings and bearer tokens, and
 *   the admission of every SCIM request; {@link dev.roster.scim.core.port.in.LocalUserAdministration} — what a
 *   site admin does to users beside SCIM; {@link dev.roster.scim.core.port.in.RequestInspection} — the last SCIM
 *   exchanges of each site, for the admin who wants to know why provisioning failed.</li>
 * </ul>
 *
 * <p>Failures are {@code dev.roster.scim.core.error.ScimException}s that carry the HTTP status and the RFC 7644
 * §3.12 {@code scimType} to answer with, and a {@code detail} that says what to fix; each method names the ones it
 * throws. Methods never return null: {@code Optional} for "maybe", empty lists for "none".
 *
 * <pre>{@code
 * ScimUsers scim = new ScimUsersService(ports, CreationPolicy.PENDING);
 * UserPage page = scim.search(site, SearchRequest.fromQuery(Map.of("filter", "userName eq \"ann\"")));
 * }</pre>
 */
package dev.roster.scim.core.port.in;
