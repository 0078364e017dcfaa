package io.providerkind.provider;

import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.ProviderConfig;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.providerconfig.ProviderConfigAccounting;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The reconcile rate limit on a real API server, kindserver faked: at {@code --max-reconcile-rate 1} the provider has
 * one worker thread and a burst of 10 reconciles, shared by every controller as crossplane-runtime's global rate
 * limiter is. KindClusters beyond the burst get their tokens one a second, and a ProviderConfig applied after them
 * gets its turn too. That a waiting reconcile holds no worker is shown where it is decided (ManagedControllerRateLimitTest,
 * ProviderConfigRateLimitTest).
 */
class ProviderRateLimitTest extends ProviderIntegrationTest {

    private static final int CLUSTERS = 20;
    private static final int BURST = 10;
    private static final ProviderSettings ONE_A_SECOND =
            ProviderSettings.defaults().withMaxReconcileRate(1).withBusyPoll(Duration.ofMinutes(1));

    private final FakeKindServer kindserver = new FakeKindServer();

    @Test
    void kindClustersBeyondTheBurstComeOneASecondAndAProviderConfigGetsItsTurn() {
        ProviderHarness harness = startProvider(ONE_A_SECOND, connection -> kindserver);
        harness.applyProviderConfig("default", null);
        long start = System.nanoTime();
        for (int i = 0; i < CLUSTERS; i++) {
            harness.apply(TestKindClusters.applied("limited-" + i, TestKindClusters.SEED_CONFIG));
        }
        harness.applyProviderConfig("other", null);

        waitUpTo(WAIT, "every KindCluster created once its token came")
                .until(() -> kindserver.creates.get() == CLUSTERS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        waitUpTo(WAIT, "the other ProviderConfig accounted (it holds the in-use finalizer)")
                .until(() -> harness.client()
                        .resources(ProviderConfig.class)
                        .withName("other")
                        .get()
                        .getMetadata()
                        .getFinalizers()
                        .contains(ProviderConfigAccounting.FINALIZER));

        // at most a full bucket was there at the start: the 20th token comes 10 s later at the earliest
        assertTrue(
                took.compareTo(Duration.ofSeconds(CLUSTERS - BURST).minusMillis(10)) >= 0,
                "20 creates at 1 reconcile per second after a burst of 10 took " + took);
    }
}
