package dev.roster.scim.server.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.inspect.ScimExchange;
import dev.roster.scim.core.inspect.StatusRange;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.port.in.RequestInspection;
import dev.roster.scim.core.service.RequestInspectionService;
import dev.roster.scim.testkit.InMemoryExchangeLog;
import dev.roster.scim.testkit.InMemorySiteStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The recorder's queue: bounded, never blocking the caller, dropping and counting what does not fit. */
class ExchangeRecorderTest {

    private static final SiteId ACME = SiteId.of("acme");

    private final InMemorySiteStore sites = new InMemorySiteStore();
    private final InMemoryExchangeLog log = new InMemoryExchangeLog();
    private final RequestInspectionService inspection = new RequestInspectionService(log, sites);

    @Test
    void aFullQueueDropsAndCountsWhileTheCallerNeverWaits() throws InterruptedException {
        sites.insert(SiteSettings.newSite(ACME));
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong handed = new AtomicLong();
        RequestInspection stalled = new RequestInspection() {
            @Override
            public void recordAll(List<ScimExchange> exchanges) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                handed.addAndGet(exchanges.size());
                inspection.recordAll(exchanges);
            }

            @Override
            public List<dev.roster.scim.core.inspect.StoredExchange> recent(SiteId site, StatusRange statuses) {
                return inspection.recent(site, statuses);
            }

            @Override
            public dev.roster.scim.core.inspect.StoredExchange exchange(SiteId site, long id) {
                return inspection.exchange(site, id);
            }
        };
        int offered = 1000;
        try (ExchangeRecorder recorder = new ExchangeRecorder(stalled)) {
            for (int i = 0; i < offered; i++) {
                recorder.offer(capture(200));
            }
            // The writer holds one batch (at most 100) while the queue (256) is full: the rest was dropped.
            assertThat(recorder.dropped()).isGreaterThanOrEqualTo(offered - ExchangeRecorder.QUEUE_CAPACITY
                    - ExchangeRecorder.BATCH);
            release.countDown();
            recorder.close();
            // Every capture was either written or counted as dropped, and the site keeps its newest 200.
            assertThat(handed.get() + recorder.dropped()).isEqualTo(offered);
            assertThat(log.recent(ACME, StatusRange.ALL, Integer.MAX_VALUE))
                    .hasSize((int) Math.min(RequestInspection.KEPT_PER_SITE, handed.get()));
            assertThat(recorder.failed()).isZero();
        }
    }

    @Test
    void bodiesAreRedactedCappedOrDescribedAndNeverKeptWhenTheyAreNotJson() {
        CapturedExchange.Body json = body("{\"userName\":\"ann\",\"password\":\"p\"}");
        CapturedExchange.Body text = body("password=p");
        CapturedExchange.Body large = body("[" + "1,".repeat(CapturedExchange.CAPTURED_BYTES) + "1]");

        assertThat(ExchangeRecorder.shown(json)).contains("{\"userName\":\"ann\",\"password\":\"[redacted]\"}");
        assertThat(ExchangeRecorder.shown(text)).hasValueSatisfying(shown -> assertThat(shown)
                .contains("not JSON").doesNotContain("password=p"));
        assertThat(ExchangeRecorder.shown(large)).hasValueSatisfying(shown -> assertThat(shown)
                .contains("longer than the 32 KiB"));
        assertThat(ExchangeRecorder.shown(new CapturedExchange.Body())).isEmpty();
    }

    private static CapturedExchange.Body body(String text) {
        CapturedExchange.Body body = new CapturedExchange.Body();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        body.add(bytes, 0, bytes.length);
        return body;
    }

    private static CapturedExchange capture(int status) {
        CapturedExchange capture = new CapturedExchange(ACME, Instant.EPOCH, System.nanoTime(), "GET", "/Users",
                "curl", "request-1");
        capture.status = status;
        return capture;
    }
}
