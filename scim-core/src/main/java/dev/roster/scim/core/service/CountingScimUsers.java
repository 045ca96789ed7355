package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.StoredRendering;
import dev.roster.scim.core.mapping.WrittenUser;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.in.AdmittedSite;
import dev.roster.scim.core.port.in.CreateOutcome;
import dev.roster.scim.core.port.in.RequestedAttributes;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.out.ScimOutcomes;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ScimUsers} that tells {@link ScimOutcomes} of every client error ({@code 4xx}) the use cases answer, by
 * site and error type, and passes the error on unchanged. Server errors are not refusals and are not told.
 *
 * <pre>{@code
 * ScimUsers users = new CountingScimUsers(new ScimUsersService(ports), outcomes);
 * }</pre>
 */
public final class CountingScimUsers implements ScimUsers {

    private final ScimUsers delegate;
    private final ScimOutcomes outcomes;

    /**
     * Counts the refusals of {@code delegate}.
     *
     * @param delegate the use cases that answer
     * @param outcomes who counts their client errors
     */
    public CountingScimUsers(ScimUsers delegate, ScimOutcomes outcomes) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    }

    @Override
    public ScimUsers admitted(AdmittedSite site) {
        return new CountingScimUsers(delegate.admitted(site), outcomes);
    }

    @Override
    public User get(SiteId site, String id) {
        return counted(site, () -> delegate.get(site, id));
    }

    @Override
    public Optional<StoredRendering> getRendered(SiteId site, String id) {
        return counted(site, () -> delegate.getRendered(site, id));
    }

    @Override
    public UserPage search(SiteId site, SearchRequest request) {
        return counted(site, () -> delegate.search(site, request));
    }

    @Override
    public Optional<RenderedPage> searchRendered(SiteId site, SearchRequest request) {
        return counted(site, () -> delegate.searchRendered(site, request));
    }

    @Override
    public CreationPolicy creationPolicy(SiteId site) {
        return delegate.creationPolicy(site);
    }

    @Override
    public CreateOutcome create(SiteId site, ScimObject body) {
        return counted(site, () -> delegate.create(site, body));
    }

    @Override
    public User replace(SiteId site, String id, ScimObject body, Optional<String> ifMatch) {
        return counted(site, () -> delegate.replace(site, id, body, ifMatch));
    }

    @Override
    public User patch(SiteId site, String id, ScimObject patchBody, Optional<String> ifMatch) {
        return counted(site, () -> delegate.patch(site, id, patchBody, ifMatch));
    }

    @Override
    public WrittenUser replaceRendered(SiteId site, String id, ScimObject body, Optional<String> ifMatch) {
        return counted(site, () -> delegate.replaceRendered(site, id, body, ifMatch));
    }

    @Override
    public WrittenUser patchRendered(SiteId site, String id, ScimObject patchBody, Optional<String> ifMatch) {
        return counted(site, () -> delegate.patchRendered(site, id, patchBody, ifMatch));
    }

    @Override
    public void delete(SiteId site, String id, Optional<String> ifMatch) {
        counted(site, () -> {
            delegate.delete(site, id, ifMatch);
            return Boolean.TRUE;
        });
    }

    @Override
    public ScimObject render(User user, String location, RequestedAttributes requested) {
        return delegate.render(user, location, requested);
    }

    private <T> T counted(SiteId site, Supplier<T> call) {
        try {
            return call.get();
        } catch (ScimException e) {
            if (e.type().status() < 500) {
                outcomes.refused(site, e.type());
            }
            throw e;
        }
    }
}
