package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.GLOBEX;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.email;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withEmails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

class SiteIsolationTest extends DatabaseTest {

    @BeforeEach
    void acmeHasAnn() {
        database.userStore().insert(ACME, withEmails(user("u1", "ann"), email("ann@x.org", "work", true)));
        database.auditLog().append(new AuditRecord(ACME, "u1", "ann", ChangeSource.SCIM, "create",
                Optional.empty(), Optional.empty(), "created", T0));
    }

    @Test
    void lookupsInAnotherSiteFindNothing() {
        assertThat(database.userStore().findById(GLOBEX, "u1")).isEmpty();
        assertThat(database.userStore().findByUserName(GLOBEX, "ann")).isEmpty();
    }

    @Test
    void searchesAndCountsInAnotherSiteFindNothing() {
        assertThat(database.userStore().search(GLOBEX, UserQuery.all(1, 10)).totalResults()).isZero();
        Filter byEmail = Filter.compare(AttrPath.of("emails", "value"), CompareOp.EQ, CompValue.of("ann@x.org"));
        assertThat(database.userStore().search(GLOBEX, UserQuery.filtered(byEmail, 1, 10)).users()).isEmpty();
        Filter byValuePath = Filter.valuePath(AttrPath.of("emails"),
                Filter.compare(AttrPath.of("value"), CompareOp.CO, CompValue.of("ann")));
        assertThat(database.userStore().search(GLOBEX, UserQuery.filtered(byValuePath, 1, 10)).totalResults())
                .isZero();
    }

    @Test
    void auditOfAnotherSiteIsEmpty() {
        assertThat(database.auditLog().recent(GLOBEX, 10)).isEmpty();
        assertThat(database.auditLog().recentForUser(GLOBEX, "u1", 10)).isEmpty();
    }

    @Test
    void theSameUserNameAndIdMayExistInTwoSites() {
        User globexAnn = user("u1", "ANN");

        database.userStore().insert(GLOBEX, globexAnn);

        assertThat(database.userStore().findByUserName(GLOBEX, "ann")).contains(globexAnn);
        assertThat(database.userStore().findByUserName(ACME, "ann")).get().isNotEqualTo(globexAnn);
    }

    @Test
    void updateInAnotherSiteChangesNothing() {
        User ann = database.userStore().findById(ACME, "u1").orElseThrow();

        boolean updated = database.userStore().update(GLOBEX, ann.withActive(false)
                .nextVersion(ChangeSource.SCIM, T0), 1);

        assertThat(updated).isFalse();
        assertThat(database.userStore().findById(ACME, "u1")).contains(ann);
    }
}
