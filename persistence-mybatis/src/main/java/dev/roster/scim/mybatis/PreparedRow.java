package dev.roster.scim.mybatis;

import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.PreparedUser;
import dev.roster.scim.mybatis.internal.mapper.EmailRow;
import dev.roster.scim.mybatis.internal.mapper.UserRow;

import java.util.List;
import java.util.Optional;

/**
 * A user's rows made on the request's thread (ADR 034): the {@code users} row with its document and rendering, and
 * the email rows, so that the write unit only binds them. The rendering is the row's own: it carries the version the
 * version-checked {@code UPDATE} writes, so a write that loses its race writes nothing and is prepared again.
 */
record PreparedRow(SiteId site, User user, UserRow row, List<EmailRow> emails) implements PreparedUser {

    static PreparedRow of(SiteId site, User user) {
        return new PreparedRow(site, user, UserRows.toRow(site, user), UserRows.emailRows(site, user));
    }

    @Override
    public Optional<RenderedUser> rendering() {
        return Optional.of(new RenderedUser(row.id(), row.scimJson()));
    }
}
