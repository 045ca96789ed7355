package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static dev.roster.scim.core.service.Fixture.json;
import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.internal.patch.PatchRequest;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.out.ScimOutcomes;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the use cases tell {@link ScimOutcomes}: each ignored role once, each client error once, nothing else. */
class ScimOutcomesTest {

    private final Fixture fixture = new Fixture();
    private final List<String> told = new ArrayList<>();
    private final ScimOutcomes recording = new ScimOutcomes() {
        @Override
        public void roleIgnored(SiteId site) {
            told.add("role-ignored " + site);
        }

        @Override
        public void refused(SiteId site, ScimErrorType type) {
            told.add("refused " + site + " " + type);
        }
    };
    private final Ports ports = fixture.ports().withOutcomes(recording);
    private final ScimUsers scim = new CountingScimUsers(new ScimUsersService(ports), ports.outcomes());

    private static ScimObject patchUserType(String value) {
        return json("schemas", ScimArray.of(ScimValue.of(PatchRequest.PATCH_OP)), "Operations",
                ScimArray.of(json("op", "replace", "path", "userType", "value", value)));
    }

    @Test
    void aRoleSentWhereRolesAreNotManagedIsToldOnceAndAManagedOneIsNot() {
        fixture.given(user("u-1", "ann"));

        scim.patch(SITE, "u-1", patchUserType("Admin"), Optional.empty());
        assertThat(told).containsExactly("role-ignored acme");

        fixture.manageRoles(true);
        scim.patch(SITE, "u-1", patchUserType("Moderator"), Optional.empty());
        assertThat(told).containsExactly("role-ignored acme");
    }

    @Test
    void aRoleIgnoredOnCreationIsToldToo() {
        fixture.sites.update(fixture.settings().withCreationPolicy(Optional.of(CreationPolicy.ALLOW)));
        scim.create(SITE, json("schemas", ScimArray.of(ScimValue.of("urn:ietf:params:scim:schemas:core:2.0:User")),
                "userName", "bob", "userType", "Admin"));
        assertThat(told).containsExactly("role-ignored acme");
    }

    @Test
    void eachClientErrorIsToldWithItsTypeAndPassedOnUnchanged() {
        fixture.given(user("u-1", "ann"));
        fixture.manageRoles(true);

        failure(ScimErrorType.NOT_FOUND, () -> scim.get(SITE, "nobody"));
        failure(ScimErrorType.INVALID_VALUE, () -> scim.patch(SITE, "u-1", patchUserType("Boss"), Optional.empty()));
        failure(ScimErrorType.PRECONDITION_FAILED, () -> scim.delete(SITE, "u-1", Optional.of("W/\"99\"")));

        assertThat(told).containsExactly("refused acme NOT_FOUND", "refused acme INVALID_VALUE",
                "refused acme PRECONDITION_FAILED");
    }

    /**
     * A default method the decorator did not override would answer for the service without reaching it: the server
     * wraps its use cases in this decorator, so a missed {@code searchRendered} would quietly lose the fast read path.
     */
    @Test
    void theCountingDecoratorOverridesEveryUseCaseDefaultsIncluded() {
        List<String> notOverridden = Arrays.stream(ScimUsers.class.getMethods())
                .filter(method -> !overrides(CountingScimUsers.class, method))
                .map(Method::getName).toList();

        assertThat(notOverridden).isEmpty();
    }

    private static boolean overrides(Class<?> type, Method method) {
        try {
            return type.getDeclaredMethod(method.getName(), method.getParameterTypes()) != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
