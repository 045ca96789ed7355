package dev.roster.scim.jaxrs;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.core.port.in.SiteAdministration;
import org.glassfish.jersey.test.JerseyTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the adapter's {@link JerseyTest}s share: the JUnit 5 lifecycle JerseyTest (written for JUnit 4) needs, and a
 * SCIM-ready site made through the real {@link SiteAdministration}.
 */
abstract class ScimJerseyTest extends JerseyTest {

    @BeforeEach
    @Override
    public void setUp() throws Exception {
        super.setUp();
    }

    @AfterEach
    @Override
    public void tearDown() throws Exception {
        super.tearDown();
    }

    /** Creates the site with SSO configured and SCIM on, and returns a new SCIM token of it. */
    static String scimReadySite(SiteAdministration sites, String name) {
        sites.createSite(name);
        sites.updateSettings(SiteId.of(name), SettingsChange.none().ssoConfigured(true).scimEnabled(true));
        return sites.generateToken(SiteId.of(name)).token();
    }
}
