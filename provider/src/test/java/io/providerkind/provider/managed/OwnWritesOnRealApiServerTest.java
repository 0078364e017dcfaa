package io.providerkind.provider.managed;

import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The managed reconciler's own writes on a real API server, kindserver faked: the external name, finalizer and
 * create annotations a create writes start no reconcile of their own, and someone else's change still does at once.
 * Polls are set far beyond every wait here, so that only watch events can start a reconcile.
 */
class OwnWritesOnRealApiServerTest extends ProviderIntegrationTest {

    private static final ProviderSettings NO_POLL_WITHIN_THE_TEST =
            ProviderSettings.defaults().withPoll(Duration.ofMinutes(10)).withBusyPoll(Duration.ofMinutes(5));

    private final FakeKindServer kindserver = new FakeKindServer();
    private ProviderHarness harness;

    @BeforeEach
    void aKindClusterBeingCreated() {
        // the ProviderConfig exists before the provider starts: its arrival reconciles the KindClusters that use it,
        // and arriving while the KindCluster below is reconciled it would bring a look of its own
        harness = withoutProvider();
        harness.applyProviderConfig("default", null);
        harness.start(NO_POLL_WITHIN_THE_TEST, connection -> kindserver);
        harness.apply(TestKindClusters.applied("own", TestKindClusters.SEED_CONFIG));
        harness.awaitCondition("own", Conditions.READY, Condition.FALSE, Conditions.REASON_CREATING, WAIT);
    }

    @Test
    void theWritesOfACreateBringNoSecondLookAtKindserver() {
        holdsFor(
                "kindserver asked once whether the cluster exists, and once to create it",
                Duration.ofSeconds(3),
                () -> kindserver.callsFor("own") == 2);
        assertEquals(1, kindserver.creates.get());
    }

    @Test
    void aChangeBySomeoneElseRightAfterTheCreateIsReconciledAtOnce() {
        KindCluster cluster = harness.get("own");
        Map<String, String> annotations = new HashMap<>(
                Optional.ofNullable(cluster.getMetadata().getAnnotations()).orElse(Map.of()));
        annotations.put(Annotations.RECONCILE_REQUESTED_AT, "2025-03-31T10:05:00Z");
        cluster.getMetadata().setAnnotations(annotations);
        harness.client().resource(cluster).update();

        waitUpTo(WAIT, "the request answered in status.lastHandledReconcileAt, long before any poll")
                .until(() -> "2025-03-31T10:05:00Z".equals(harness.get("own").lastHandledReconcileAt()));
        assertEquals(3, kindserver.callsFor("own"), "one more look, for the request");
    }
}
