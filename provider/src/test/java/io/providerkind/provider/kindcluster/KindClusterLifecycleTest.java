package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.ProviderConfig;
import io.providerkind.provider.api.ProviderConfigUsage;
import io.providerkind.provider.api.SecretReference;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.managed.ManagedReconciler;
import io.providerkind.provider.managed.SecretConnectionPublisher;
import io.providerkind.provider.providerconfig.ProviderConfigReconciler;
import io.providerkind.provider.runtime.MetricsServer;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import io.providerkind.provider.testing.WebhookReceiver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's KindCluster from apply to delete, on a real API server, with kindserver faked: Ready with
 * IP and version, the connection Secret, the ProviderConfig's usage, the steady state's cost, drift
 * alerts without any deletion, and deletion.
 */
class KindClusterLifecycleTest extends ProviderIntegrationTest {

    private ProviderHarness harness;
    private final FakeKindServer kindserver = new FakeKindServer();

    @BeforeEach
    void startTheProvider() {
        harness = startProvider(FAST_POLL, connection -> kindserver);
    }

    @Test
    void seedClusterBecomesReadyPublishesItsKubeconfigAlertsOnDriftAndIsDeleted() throws Exception {
        try (WebhookReceiver alerts = new WebhookReceiver()) {
            harness.applyProviderConfig("seed-config", alerts.url());
            harness.apply(seedCluster("seed", "seed-config", new SecretReference("seed-conn", "default")));

            waitUpTo(WAIT, "kindserver is asked to create seed").until(() -> kindserver.has("seed"));
            kindserver.progress("seed", 4, "Starting control-plane 🕹️");
            harness.awaitCondition("seed", "Ready", "False", "Creating", WAIT);
            waitUpTo(WAIT, "kind's step shows")
                    .until(() -> "4/6 Starting control-plane 🕹️"
                            .equals(harness.get("seed").atProvider().progress()));
            assertTrue(
                    harness.condition("seed", "Ready").orElseThrow().message().contains("step 4/6"));

            kindserver.ready("seed");
            harness.awaitCondition("seed", "Ready", "True", "Available", WAIT);
            KindCluster ready = harness.get("seed");
            assertEquals(FakeKindServer.INTERNAL_IP, ready.atProvider().internalIP());
            assertEquals(FakeKindServer.VERSION, ready.atProvider().kubernetesVersion());
            assertEquals("Ready", ready.atProvider().phase());
            assertEquals("seed", Annotations.externalName(ready));
            assertEquals(
                    "True", harness.condition("seed", "Synced").orElseThrow().status());
            assertTrue(ready.getMetadata().getFinalizers().contains(ManagedReconciler.FINALIZER));

            assertConnectionSecret(ready);
            assertUsageRecorded(ready, "seed-config");
            assertTrue(harness.events("seed")
                    .contains("Normal CreatedExternalResource: Successfully requested creation of external resource"));

            assertSteadyStateCostsNoWrites();
            assertMetricsAndProbesServed();

            harness.changeKindConfig("seed", TestKindClusters.SEED_CONFIG + "- role: worker\n");
            harness.awaitCondition("seed", "Drifted", "True", Drift.CONFIG_CHANGED, WAIT);
            waitUpTo(WAIT, "one alert reached the webhook")
                    .until(() -> alerts.bodies().size() == 1);
            holdsFor(
                    "no second alert nor event for the same drift",
                    Duration.ofMillis(2500),
                    () -> alerts.bodies().size() == 1 && harness.eventCount("seed", "Warning DriftDetected") <= 1);
            assertEquals(
                    1, harness.eventCount("seed", "Warning DriftDetected"), "one alert per drift, not one per poll");
            assertEquals(1, alerts.bodies().size());
            assertTrue(
                    alerts.bodies().get(0).contains("\"reason\":\"ConfigChanged\""),
                    alerts.bodies().get(0));
            assertEquals(
                    1.0,
                    harness.registry()
                            .get("provider_kind_drift_alerts")
                            .tag("reason", "ConfigChanged")
                            .counter()
                            .count());
            assertEquals(
                    "True", harness.condition("seed", "Ready").orElseThrow().status(), "still serving");

            kindserver.stopNodes("seed");
            harness.awaitCondition("seed", "Drifted", "True", "SeveralDrifts", WAIT);
            harness.awaitCondition("seed", "Ready", "False", "Unavailable", WAIT);
            waitUpTo(WAIT, "the new drift is alerted too")
                    .until(() -> alerts.bodies().size() == 2);
            assertEquals(0, kindserver.deletes.get(), "drift never deletes");
            assertEquals(1, kindserver.creates.get(), "drift never re-creates");

            harness.client().resource(harness.get("seed")).delete();
            waitUpTo(WAIT, "the KindCluster is gone").until(() -> harness.get("seed") == null);
            assertTrue(kindserver.deletes.get() >= 1);
            assertTrue(!kindserver.has("seed"), "the kind cluster was deleted");
        }
    }

    @Test
    void providerConfigCannotBeDeletedWhileAKindClusterUsesIt() {
        harness.applyProviderConfig("busy-config", null);
        harness.apply(seedCluster("busy", "busy-config", null));
        waitUpTo(WAIT, "usage is counted")
                .until(() -> Long.valueOf(1)
                        .equals(providerConfig("busy-config").getStatus().users()));
        assertTrue(providerConfig("busy-config")
                .getMetadata()
                .getFinalizers()
                .contains(ProviderConfigReconciler.FINALIZER));

        harness.client().resource(providerConfig("busy-config")).delete();

        waitUpTo(WAIT, "deletion is blocked and says why")
                .until(() -> providerConfig("busy-config").getStatus().conditions().stream()
                        .anyMatch(c -> c.type().equals("Terminating") && c.isTrue()));
        assertNotNull(providerConfig("busy-config"));

        // garbage collection removes a deleted KindCluster's usage; kube-api-test runs no garbage collector
        harness.client()
                .resource(harness.get("busy"))
                .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
                .delete();
        waitUpTo(WAIT, "the KindCluster is gone").until(() -> harness.get("busy") == null);
        harness.client()
                .resources(ProviderConfigUsage.class)
                .withLabel(ProviderConfigUsage.PROVIDER_CONFIG_LABEL, "busy-config")
                .delete();
        waitUpTo(WAIT, "the ProviderConfig is released").until(() -> providerConfig("busy-config") == null);
    }

    private void assertConnectionSecret(KindCluster ready) {
        waitUpTo(WAIT, "the connection Secret has the kubeconfig").until(() -> {
            Secret s = harness.secret("default", "seed-conn");
            return s != null && s.getData() != null && s.getData().containsKey("kubeconfig");
        });
        Secret secret = harness.secret("default", "seed-conn");
        assertEquals(SecretConnectionPublisher.SECRET_TYPE, secret.getType());
        assertEquals(
                List.of("clientCert", "clientKey", "clusterCA", "endpoint", "internalKubeconfig", "kubeconfig"),
                secret.getData().keySet().stream().sorted().toList());
        String endpoint = decode(secret, "endpoint");
        assertEquals(ready.atProvider().endpoint(), endpoint);
        assertTrue(decode(secret, "kubeconfig").contains("server: " + endpoint), "kubeconfig reaches the endpoint");
        String cluster = Annotations.externalName(ready);
        assertTrue(
                decode(secret, "internalKubeconfig").contains("server: https://" + cluster + "-control-plane:6443"),
                "the internal kubeconfig reaches the control-plane node on the kind network");
        assertTrue(decode(secret, "clusterCA").startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(decode(secret, "clientKey").startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        OwnerReference owner = secret.getMetadata().getOwnerReferences().get(0);
        assertEquals(ready.getMetadata().getUid(), owner.getUid());
        assertEquals(Boolean.TRUE, owner.getController());
        assertEquals("KindCluster", owner.getKind());
    }

    private void assertUsageRecorded(KindCluster ready, String configName) {
        ProviderConfigUsage usage = harness.client()
                .resources(ProviderConfigUsage.class)
                .withName(ready.getMetadata().getUid())
                .get();
        assertNotNull(usage, "a ProviderConfigUsage named after the KindCluster's UID");
        assertEquals(configName, usage.getProviderConfigRef().name());
        assertEquals(configName, usage.getMetadata().getLabels().get(ProviderConfigUsage.PROVIDER_CONFIG_LABEL));
        assertEquals("seed", usage.getResourceRef().name());
        waitUpTo(WAIT, "the ProviderConfig counts one user")
                .until(() -> Long.valueOf(1)
                        .equals(providerConfig(configName).getStatus().users()));
    }

    /** Several polls of an unchanged, Ready cluster: one kindserver call each, and no API write at all. */
    private void assertSteadyStateCostsNoWrites() {
        harness.awaitSettledReady("seed", Duration.ofMillis(1500));
        long writesBefore = harness.apiWrites();
        int callsBefore = kindserver.calls();
        holdsFor(
                "no API write while an unchanged cluster is polled",
                Duration.ofSeconds(5),
                () -> harness.apiWrites() == writesBefore);
        long writes = harness.apiWrites() - writesBefore;
        int calls = kindserver.calls() - callsBefore;
        assertEquals(0, writes, "API writes in 5 polls of an unchanged cluster");
        assertTrue(calls >= 3 && calls <= 7, "about one kindserver call per 1 s poll, got " + calls + " in 5 s");
    }

    /** What Prometheus and the kubelet's probes get from the provider's port. */
    private void assertMetricsAndProbesServed() throws Exception {
        try (MetricsServer server = new MetricsServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                harness.registry(),
                harness.provider()::alive,
                harness.provider()::ready)) {
            server.start();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String gvk = "gvk=\"container.kind.crossplane.io/v1alpha1, Kind=KindCluster\"";
            assertTrue(
                    metrics.contains(
                            "crossplane_managed_resource_first_time_to_reconcile_seconds_count{" + gvk + "} 1"),
                    metrics);
            assertTrue(
                    metrics.contains(
                            "crossplane_managed_resource_first_time_to_readiness_seconds_count{" + gvk + "} 1"),
                    metrics);
            assertTrue(
                    metrics.contains("controller_runtime_reconcile_total{controller=\"managed/kindcluster."
                            + "container.kind.crossplane.io\",result=\"requeue_after\"}"),
                    metrics);
            assertTrue(metrics.contains("controller_runtime_reconcile_time_seconds_bucket"), metrics);
            assertTrue(metrics.contains("rest_client_requests_total{method=\"PUT\"}"), metrics);
            assertEquals(
                    200,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/healthz"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            assertEquals(
                    200,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/readyz"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
        }
    }

    private ProviderConfig providerConfig(String name) {
        return harness.client().resources(ProviderConfig.class).withName(name).get();
    }

    static KindCluster seedCluster(String name, String providerConfig, SecretReference connectionSecret) {
        KindCluster cluster = TestKindClusters.applied(
                name,
                TestKindClusters.SEED_CONFIG,
                connectionSecret,
                DeletionPolicy.Delete,
                List.of(ManagementAction.All));
        cluster.setSpec(new io.providerkind.provider.api.KindClusterSpec(
                cluster.getSpec().forProvider(),
                new io.providerkind.provider.api.Reference(providerConfig),
                connectionSecret,
                null,
                null));
        return cluster;
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
