package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static dev.roster.scim.server.e2e.MetricsTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.LogCapture;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * An account-event listener that throws after the change committed (ADR 037), over HTTP against a real server: the
 * IdP gets 200 with the new state (so it does not retry a change that is made), the change's other event is still
 * told, and the failure is counted in {@code /metrics} and logged as a WARN. The reference server's own listener
 * logs each event, so a log backend that throws for that logger makes it throw, as a host's listener would whose
 * session store is down.
 */
class ThrowingAccountListenerTest {

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String LISTENER_LOGGER = "dev.roster.account-events";

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("listener.db").withUniqueSite("listener");

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final TurboFilter throwing = new TurboFilter() {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            if (logger.getName().equals(LISTENER_LOGGER)) {
                throw new IllegalStateException("session store down");
            }
            return FilterReply.NEUTRAL;
        }
    };
    private LogCapture log;

    @BeforeEach
    void breakTheListener() {
        log = LogCapture.start();
        throwing.start();
        logging.addTurboFilter(throwing);
    }

    @AfterEach
    void mendTheListener() {
        logging.getTurboFilterList().remove(throwing);
        log.close();
    }

    @Test
    void aDeactivationAndDemotionWhoseListenerThrowsIsAnswered200AndTheFailuresAreCountedAndLogged() {
        String id = scim.server().signIn(scim.site(), "ann");
        String site = "site=\"" + scim.site() + "\"";

        JsonNode answered = call("PATCH", scim.scimBase() + "/Users/" + id).bearer(scim.token())
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":"
                        + "{\"active\":false,\"userType\":\"Moderator\"}}]}").send().expect(200);

        assertThat(answered.path("active").asBoolean()).isFalse();
        assertThat(answered.path("userType").asText()).isEqualTo("Moderator");
        JsonNode stored = call("GET", scim.scimBase() + "/Users/" + id).bearer(scim.token()).send().expect(200);
        assertThat(stored.path("active").asBoolean()).isFalse();
        assertThat(stored.path("userType").asText()).isEqualTo("Moderator");
        String metrics = call("GET", scim.server().baseUrl() + "/metrics").admin().send().body();
        // The role change was still told after the deactivation's listener threw.
        assertThat(sample(metrics, "roster_accounts_role_changes_total", site)).isEqualTo(1);
        assertThat(sample(metrics, "roster_account_event_failures_total", site, "event=\"deactivated\""))
                .isEqualTo(1);
        assertThat(sample(metrics, "roster_account_event_failures_total", site, "event=\"role-changed\""))
                .isEqualTo(1);
        assertThat(log.warnings()).anySatisfy(warning -> {
            assertThat(warning.getFormattedMessage()).contains(id, "DEACTIVATED", "the change stands");
            assertThat(warning.getThrowableProxy().getMessage()).isEqualTo("session store down");
        });
    }
}
