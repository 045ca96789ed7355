package dev.roster.scim.server.inspector;

import dev.roster.scim.core.model.SiteId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.roster.scim.server.inspector.SuccessSampling.KEPT_PER_SITE_PER_SECOND;
import static org.assertj.core.api.Assertions.assertThat;

class SuccessSamplingTest {

    private static final SiteId ACME = SiteId.of("acme");
    private static final SiteId GLOBEX = SiteId.of("globex");
    private final SuccessSampling sampling = new SuccessSampling();

    @Test
    void keepsTheFirstOfEachSecondPerSite() {
        assertThat(kept(ACME, 100, 25)).isEqualTo(KEPT_PER_SITE_PER_SECOND);
        assertThat(kept(GLOBEX, 100, 25)).isEqualTo(KEPT_PER_SITE_PER_SECOND);
        assertThat(kept(ACME, 101, 25)).isEqualTo(KEPT_PER_SITE_PER_SECOND);
    }

    @Test
    void aLateArrivalCountsAgainstTheCurrentSecond() {
        assertThat(kept(ACME, 200, KEPT_PER_SITE_PER_SECOND - 1)).isEqualTo(KEPT_PER_SITE_PER_SECOND - 1);

        assertThat(sampling.keeps(ACME, 199)).isTrue();
        assertThat(sampling.keeps(ACME, 199)).isFalse();
        assertThat(sampling.keeps(ACME, 200)).isFalse();
    }

    @Test
    void threadsRacingInOneSecondKeepExactlyTheBudget() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> counts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Integer> racer = () -> {
                    start.await();
                    return kept(ACME, 300, 10_000);
                };
                counts.add(pool.submit(racer));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            assertThat(total).isEqualTo(KEPT_PER_SITE_PER_SECOND);
        } finally {
            pool.shutdownNow();
        }
    }

    private int kept(SiteId site, long second, int asked) {
        return (int) IntStream.range(0, asked).filter(i -> sampling.keeps(site, second)).count();
    }
}
