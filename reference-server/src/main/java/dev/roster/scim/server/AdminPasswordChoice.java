package dev.roster.scim.server;

import dev.roster.scim.server.admin.AdminPassword;

import java.util.Optional;

/**
 * Which admin password this start uses, decided in memory: the one given (kept as stored when it is the same, so a
 * restart with the same password changes nothing), else the stored one, else a generated one. Nothing is stored
 * here, so a start that cannot listen leaves the database as it was.
 *
 * @param generated the generated password, to be shown once
 * @param changed   whether the stored hash must be replaced (and sessions of the old password ended)
 */
record AdminPasswordChoice(AdminPassword password, Optional<String> generated, boolean changed) {

    static AdminPasswordChoice choose(Optional<String> given, Optional<String> stored) {
        Optional<AdminPassword> current = stored.map(AdminPassword::fromStored);
        if (given.isPresent()) {
            return current.filter(password -> password.matches(given.get()))
                    .map(same -> new AdminPasswordChoice(same, Optional.empty(), false))
                    .orElseGet(() -> new AdminPasswordChoice(AdminPassword.hash(given.get()), Optional.empty(), true));
        }
        if (current.isPresent()) {
            return new AdminPasswordChoice(current.get(), Optional.empty(), false);
        }
        String generated = AdminPassword.generate();
        return new AdminPasswordChoice(AdminPassword.hash(generated), Optional.of(generated), true);
    }
}
