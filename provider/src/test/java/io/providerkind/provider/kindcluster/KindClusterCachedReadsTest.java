package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.kindcluster.KindClusterLifecycleTest.seedCluster;
import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.KindServerEndpoint;
import io.providerkind.provider.api.SecretReference;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What the provider reads from its informer caches, on a real API server with kindserver faked: an
 * unchanged cluster costs no API request per poll, and still every change a user makes (a ProviderConfig
 * edited or created late, a password rotated in its Secret) reaches the clusters without a restart.
 */
class KindClusterCachedReadsTest extends ProviderIntegrationTest {

    private final FakeKindServer kindserver = new FakeKindServer();
    /** Every connection the provider opened to kindserver, in order. */
    private final List<KindServerConnection> connections = new CopyOnWriteArrayList<>();

    private ProviderHarness harness;

    @Test
    void steadyStatePollMakesNoApiRequests() {
        start(FAST_POLL);
        harness.applyProviderConfig("default", null);
        harness.apply(seedCluster("quiet", "default", new SecretReference("quiet-conn", "default")));
        waitUpTo(WAIT, "kindserver creates quiet").until(() -> kindserver.has("quiet"));
        kindserver.ready("quiet");
        harness.awaitCondition("quiet", "Ready", "True", "Available", WAIT);
        waitUpTo(WAIT, "the connection Secret is written").until(() -> harness.secret("default", "quiet-conn") != null);

        harness.awaitSettledReady("quiet", Duration.ofMillis(1500));
        long readsBefore = harness.apiReads();
        long writesBefore = harness.apiWrites();
        int callsBefore = kindserver.calls();
        holdsFor(
                "no API request while an unchanged cluster is polled",
                Duration.ofSeconds(5),
                () -> harness.apiWrites() == writesBefore && harness.apiReads() == readsBefore);

        assertTrue(kindserver.calls() - callsBefore >= 3, "the cluster was polled");
        assertEquals(0, harness.apiWrites() - writesBefore, "API writes in 5 polls of an unchanged cluster");
        assertEquals(0, harness.apiReads() - readsBefore, "API reads in 5 polls of an unchanged cluster");
        assertEquals(
                "true",
                harness.secret("default", "quiet-conn")
                        .getMetadata()
                        .getLabels()
                        .get(KindClusterController.CONNECTION_SECRET_LABEL),
                "the Secret is labelled for the cache");
    }

    @Test
    void passwordRotationTakesEffectWithoutRestart() {
        start(FAST_POLL);
        harness.applyProviderConfig("default", null);
        harness.apply(seedCluster("rotated", "default", null));
        waitUpTo(WAIT, "kindserver creates rotated").until(() -> kindserver.has("rotated"));
        assertEquals(ProviderHarness.PASSWORD, connections.get(0).password());

        Secret secret = harness.secret(ProviderHarness.CREDENTIALS_NAMESPACE, "default-password");
        harness.client()
                .resource(new SecretBuilder(secret)
                        .withData(null)
                        .addToStringData("password", "rotated-s3cret-for-tests")
                        .build())
                .update();

        waitUpTo(WAIT, "kindserver is called with the new password")
                .until(() -> connections.stream().anyMatch(c -> c.password().equals("rotated-s3cret-for-tests")));
        kindserver.ready("rotated");
        harness.awaitCondition("rotated", "Ready", "True", "Available", WAIT);
    }

    @Test
    void providerConfigChangeReachesItsKindClusters() {
        // polls too rare to explain what follows: only the ProviderConfig's event can
        start(FAST_POLL.withPoll(Duration.ofMinutes(5)));
        harness.applyProviderConfig("default", null);
        harness.apply(seedCluster("moved", "default", null));
        waitUpTo(WAIT, "kindserver creates moved").until(() -> kindserver.has("moved"));
        kindserver.ready("moved");
        harness.awaitCondition("moved", "Ready", "True", "Available", WAIT);

        harness.applyProviderConfig(
                "default",
                new KindServerEndpoint("https://127.0.0.1:7444", null, true),
                ProviderHarness.PASSWORD,
                null);

        waitUpTo(Duration.ofSeconds(10), "the cluster is looked at through the new endpoint")
                .until(() -> connections.stream().anyMatch(c -> c.url().startsWith("https://127.0.0.1:7444/")));
    }

    @Test
    void missingProviderConfigIsReportedUntilItIsCreated() {
        start(FAST_POLL);
        harness.apply(seedCluster("early", "late-config", null));

        harness.awaitCondition("early", "Synced", "False", "ReconcileError", WAIT);
        assertEquals(
                "connect failed: cannot get ProviderConfig \"late-config\": not found",
                harness.condition("early", "Synced").orElseThrow().message());

        harness.applyProviderConfig("late-config", null);
        waitUpTo(WAIT, "kindserver creates early").until(() -> kindserver.has("early"));
        harness.awaitCondition("early", "Synced", "True", "ReconcileSuccess", WAIT);
    }

    @Test
    void missingCredentialsSecretIsReportedUntilItIsCreated() {
        start(FAST_POLL);
        harness.applyProviderConfig("default", null);
        harness.client()
                .secrets()
                .inNamespace(ProviderHarness.CREDENTIALS_NAMESPACE)
                .withName("default-password")
                .delete();
        harness.apply(seedCluster("locked", "default", null));

        harness.awaitCondition("locked", "Synced", "False", "ReconcileError", WAIT);
        assertEquals(
                "connect failed: cannot get credentials of ProviderConfig \"default\": cannot get credentials "
                        + "secret crossplane-system/default-password: not found",
                harness.condition("locked", "Synced").orElseThrow().message());

        harness.applyProviderConfig("default", null);
        waitUpTo(WAIT, "kindserver creates locked").until(() -> kindserver.has("locked"));
        harness.awaitCondition("locked", "Synced", "True", "ReconcileSuccess", WAIT);
    }

    private void start(ProviderSettings settings) {
        harness = startProvider(settings, connection -> {
            connections.add(connection);
            return kindserver;
        });
    }
}
