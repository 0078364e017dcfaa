package io.providerkind.provider.providerconfig;

import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindClusterSpec;
import io.providerkind.provider.api.ProviderConfig;
import io.providerkind.provider.api.Reference;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.kindcluster.Drift;
import io.providerkind.provider.kindcluster.DriftAlerts;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import io.providerkind.provider.testing.WebhookReceiver;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ProviderConfig whose drift alert webhook URL cannot be used, on a real API server: the ProviderConfig says so
 * without repeating the URL, and its KindClusters reconcile and alert as ever, without the webhook.
 */
class ProviderConfigWebhookUrlTest extends ProviderIntegrationTest {

    /** Passes the CRD's {@code ^https?://.+} and still is no URL: the space. */
    private static final String UNUSABLE = "https://hooks.example.com/services/T0/B0/secret token";

    private final FakeKindServer kindserver = new FakeKindServer();
    private ProviderHarness harness;

    @BeforeEach
    void startTheProvider() {
        harness = startProvider(FAST_POLL, connection -> kindserver);
    }

    @Test
    void anUnusableWebhookUrlIsShownOnTheProviderConfigAndAlertsStillGoOutWithoutIt() throws Exception {
        harness.applyProviderConfig("hooked", UNUSABLE);

        waitUpTo(WAIT, "the ProviderConfig is not Synced, for its webhook URL")
                .until(() -> synced("hooked")
                        .map(c -> !c.isTrue() && ProviderConfigReconciler.INVALID_WEBHOOK_URL.equals(c.reason()))
                        .orElse(false));
        String message = synced("hooked").orElseThrow().message();
        assertTrue(message.startsWith("spec.alerts.webhookURL is not a URL ("), message);
        assertFalse(message.contains("secret"), "the URL's token is not repeated: " + message);

        harness.apply(cluster("hooked-cluster", "hooked"));
        waitUpTo(WAIT, "kindserver is asked to create the cluster").until(() -> kindserver.has("hooked-cluster"));
        kindserver.ready("hooked-cluster");
        harness.awaitCondition("hooked-cluster", Conditions.READY, Condition.TRUE, Conditions.REASON_AVAILABLE, WAIT);
        kindserver.stopNodes("hooked-cluster");
        harness.awaitCondition("hooked-cluster", DriftAlerts.CONDITION, Condition.TRUE, Drift.NODES_STOPPED, WAIT);
        waitUpTo(WAIT, "the drift is alerted by Event")
                .until(() -> harness.events("hooked-cluster").stream()
                        .anyMatch(e -> e.startsWith("Warning " + DriftAlerts.EVENT_DETECTED)));
        assertEquals(
                Conditions.REASON_RECONCILE_SUCCESS,
                harness.condition("hooked-cluster", Conditions.SYNCED)
                        .orElseThrow()
                        .reason(),
                "observing the cluster did not fail for the webhook URL");
    }

    @Test
    void correctingTheWebhookUrlMakesTheProviderConfigSynced() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            harness.applyProviderConfig("corrected", UNUSABLE);
            waitUpTo(WAIT, "the ProviderConfig is not Synced")
                    .until(() -> synced("corrected").map(c -> !c.isTrue()).orElse(false));

            harness.applyProviderConfig("corrected", receiver.url());

            waitUpTo(WAIT, "the ProviderConfig is Synced")
                    .until(() -> synced("corrected")
                            .map(c -> c.isTrue() && Conditions.REASON_RECONCILE_SUCCESS.equals(c.reason()))
                            .orElse(false));
        }
    }

    private Optional<Condition> synced(String name) {
        ProviderConfig config =
                harness.client().resources(ProviderConfig.class).withName(name).get();
        return config == null || config.getStatus() == null
                ? Optional.empty()
                : config.getStatus().conditions().stream()
                        .filter(c -> Conditions.SYNCED.equals(c.type()))
                        .findFirst();
    }

    private static KindCluster cluster(String name, String providerConfig) {
        KindCluster cluster = TestKindClusters.applied(name, TestKindClusters.SEED_CONFIG);
        KindClusterSpec spec = cluster.getSpec();
        cluster.setSpec(new KindClusterSpec(
                spec.forProvider(),
                new Reference(providerConfig),
                spec.writeConnectionSecretToRef(),
                spec.deletionPolicy(),
                spec.managementPolicies()));
        return cluster;
    }
}
