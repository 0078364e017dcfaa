package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import io.providerkind.provider.testing.WebhookReceiver;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drift promise on a real API server, counted where a user counts it: Warning Events on the KindCluster
 * and POSTs reaching a real receiver. Each distinct drift is alerted once, also when the provider restarts in
 * the middle of it, and deleting a KindCluster is not a drift.
 */
class KindClusterDriftAlertsTest extends ProviderIntegrationTest {

    private static final Duration QUIET = Duration.ofSeconds(3);

    private final FakeKindServer kindserver = new FakeKindServer();
    private ProviderHarness harness;

    @BeforeEach
    void startTheProvider() {
        harness = startProvider(FAST_POLL, connection -> kindserver);
    }

    @Test
    void eachDistinctDriftIsAlertedOnceAcrossAProviderRestart() throws Exception {
        try (WebhookReceiver alerts = new WebhookReceiver()) {
            readyCluster("drifty", alerts);

            harness.changeKindConfig("drifty", TestKindClusters.SEED_CONFIG + "- role: worker\n");
            waitUpTo(WAIT, "the config drift reaches the webhook")
                    .until(() -> alerts.bodies().size() == 1);

            harness.stopProvider();
            harness.start(FAST_POLL, connection -> kindserver);
            holdsFor(
                    "the restarted provider alerts the same drift again neither by Event nor by webhook",
                    QUIET,
                    () -> alerts.bodies().size() == 1 && harness.eventCount("drifty", "Warning DriftDetected") == 1);

            kindserver.stopNodes("drifty", "restarting");
            waitUpTo(WAIT, "the second drift reaches the webhook")
                    .until(() -> alerts.bodies().size() == 2);
            kindserver.stopNodes("drifty", "exited");
            holdsFor(
                    "the same stopped node, worded otherwise, is not a new drift",
                    QUIET,
                    () -> alerts.bodies().size() == 2 && harness.eventCount("drifty", "Warning DriftDetected") == 2);
            assertTrue(
                    alerts.bodies().get(1).contains("NodesStopped"),
                    alerts.bodies().get(1));
        }
    }

    @Test
    void deletingAKindClusterRaisesNoDrift() throws Exception {
        try (WebhookReceiver alerts = new WebhookReceiver()) {
            readyCluster("leaving", alerts);

            harness.client().resource(harness.get("leaving")).delete();
            waitUpTo(WAIT, "the KindCluster is gone").until(() -> harness.get("leaving") == null);

            assertEquals(0, alerts.bodies().size(), "no webhook POST for a normal delete");
            assertTrue(
                    harness.events("leaving").stream().noneMatch(e -> e.contains("DriftDetected")),
                    String.valueOf(harness.events("leaving")));
        }
    }

    private void readyCluster(String name, WebhookReceiver alerts) {
        harness.applyProviderConfig(name + "-config", alerts.url());
        harness.apply(KindClusterLifecycleTest.seedCluster(name, name + "-config", null));
        waitUpTo(WAIT, "kindserver is asked to create " + name).until(() -> kindserver.has(name));
        kindserver.ready(name);
        harness.awaitCondition(name, "Ready", "True", "Available", WAIT);
        harness.awaitCondition(name, DriftAlerts.CONDITION, "False", DriftAlerts.REASON_IN_SYNC, WAIT);
    }
}
