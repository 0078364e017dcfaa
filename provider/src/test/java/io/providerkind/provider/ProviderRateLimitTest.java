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
 * one worker thread and a burst of 10 reconciles, so KindClusters beyond the tenth wait for their tokens, one a
 * second. They wait without the worker: another controller's reconcile is not held up behind them.
 */
class ProviderRateLimitTest extends ProviderIntegrationTest {

    private static final int CLUSTERS = 20;
    private static final ProviderSettings ONE_A_SECOND =
            ProviderSettings.defaults().withMaxReconcileRate(1).withBusyPoll(Duration.ofMinutes(1));

    private final FakeKindServer kindserver = new FakeKindServer();

    @Test
    void kindClustersWaitingForTheirTokensHoldUpNoOtherReconcile() {
        ProviderHarness harness = startProvider(ONE_A_SECOND, connection -> kindserver);
        harness.applyProviderConfig("default", null);
        for (int i = 0; i < CLUSTERS; i++) {
            harness.apply(TestKindClusters.applied("limited-" + i, TestKindClusters.SEED_CONFIG));
        }

        harness.applyProviderConfig("other", null);
        waitUpTo(WAIT, "the ProviderConfig accounted (it holds the in-use finalizer)")
                .until(() -> harness.client()
                        .resources(ProviderConfig.class)
                        .withName("other")
                        .get()
                        .getMetadata()
                        .getFinalizers()
                        .contains(ProviderConfigAccounting.FINALIZER));
        int createdMeanwhile = kindserver.creates.get();

        assertTrue(
                createdMeanwhile < CLUSTERS,
                "accounted while KindClusters still waited for their tokens, not after them: " + createdMeanwhile);
        waitUpTo(WAIT, "every KindCluster created once its token came")
                .until(() -> kindserver.creates.get() == CLUSTERS);
    }
}
