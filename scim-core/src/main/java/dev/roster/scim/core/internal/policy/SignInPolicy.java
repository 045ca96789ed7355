package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SsoAssertion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lifecycle rules of an SSO sign-in of a stored user (ADR 009, 012): who may not sign in and why, what a first
 * sign-in makes of a pending identity, and what a sign-in refreshes of a user. {@code JitSignInService} only
 * orchestrates: it finds the user, asks here, and writes what it is told.
 */
public final class SignInPolicy {

    private SignInPolicy() {
    }

    /** Why the stored user may not sign in (403), if they may not: the refusal is audited with this reason. */
    public static Optional<ScimException> refusal(User current) {
        if (current.pending() && !current.active()) {
            return Optional.of(ScimException.forbidden("'" + current.userName() + "' is deactivated in the "
                    + "identity provider, so they cannot sign in. No account was created; the identity provider "
                    + "can reactivate them."));
        }
        if (current.hidden()) {
            return Optional.of(ScimException.forbidden("'" + current.userName() + "' was removed from this site "
                    + "by the identity provider; a site admin can restore them."));
        }
        if (!current.active()) {
            return Optional.of(ScimException.forbidden("'" + current.userName() + "' is deactivated in this site; "
                    + "a site admin or the identity provider can reactivate them."));
        }
        return Optional.empty();
    }

    /** The account a pending identity the IdP has not deactivated becomes at its person's first sign-in. */
    public static User claim(User pending, SsoAssertion assertion, SiteSettings settings) {
        User account = pending.withPending(false).withRole(ProvisioningPolicy.roleAtFirstSignIn(pending, settings));
        return refreshed(account, assertion);
    }

    /** The user with the asserted email and names; values the assertion lacks stay as they are. */
    public static User refreshed(User user, SsoAssertion assertion) {
        Name name = user.name();
        if (assertion.givenName().isPresent()) {
            name = name.withGivenName(assertion.givenName());
        }
        if (assertion.familyName().isPresent()) {
            name = name.withFamilyName(assertion.familyName());
        }
        List<Email> emails = assertion.email().map(email -> withEmail(user, email)).orElse(user.emails());
        return user.withProfile(user.userName(), user.externalId(), user.displayName(), name, emails,
                user.otherAttributes());
    }

    /**
     * The user's emails with the asserted one in them. A known address changes nothing; a new one replaces the
     * preferred email (keeping its type), so that addresses the IdP provisioned over SCIM survive sign-ins.
     */
    private static List<Email> withEmail(User user, String address) {
        String key = IdentifierProfile.key(address);
        if (user.emails().stream().anyMatch(email -> IdentifierProfile.key(email.value()).equals(key))) {
            return user.emails();
        }
        Optional<Email> preferred = user.preferredEmail();
        if (preferred.isEmpty()) {
            return List.of(Email.primaryWork(address));
        }
        List<Email> emails = new ArrayList<>(user.emails());
        Email old = preferred.get();
        emails.set(emails.indexOf(old), new Email(address, old.type().or(() -> Optional.of("work")), true,
                Optional.empty()));
        return emails;
    }
}
