package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.SiteSettings;
import org.junit.jupiter.api.Test;

class MyBatisSiteStoreTest extends DatabaseTest {

    @Test
    void newSiteRoundTrips() {
        database.siteStore().insert(SiteSettings.newSite(ACME));

        assertThat(database.siteStore().find(ACME)).contains(SiteSettings.newSite(ACME));
    }

    @Test
    void updatedSettingsRoundTrip() {
        database.siteStore().insert(SiteSettings.newSite(ACME));
        SiteSettings changed = SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true)
                .withManageRoles(true);

        database.siteStore().update(changed);

        assertThat(database.siteStore().find(ACME)).contains(changed);
    }

    @Test
    void insertingAnExistingSiteIsConflict() {
        database.siteStore().insert(SiteSettings.newSite(ACME));

        assertThatThrownBy(() -> database.siteStore().insert(SiteSettings.newSite(ACME)))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.CONFLICT));
    }

    @Test
    void sitesAreListedByName() {
        database.siteStore().insert(SiteSettings.newSite(GLOBEX));
        database.siteStore().insert(SiteSettings.newSite(ACME));

        assertThat(database.siteStore().list()).containsExactly(ACME, GLOBEX);
    }

    @Test
    void unknownSiteIsEmpty() {
        assertThat(database.siteStore().find(ACME)).isEmpty();
    }
}
