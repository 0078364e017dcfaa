package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.kindcluster.KindClusterLifecycleTest.seedCluster;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;

import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.runtime.MetricsServer;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.NamespacedApi;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * crossplane-runtime's features a Crossplane user relies on, on a real API server with kindserver faked: the state
 * gauges on the provider's /metrics (per gvk, so the namespaced KindCluster apart from the legacy one), and {@code crossplane.io/reconcile-requested-at} answered in
 * status.lastHandledReconcileAt (which the CRD must keep) with a ReconcileRequestHandled Event.
 */
class KindClusterCrossplaneRuntimeTest extends ProviderIntegrationTest {

    private static final String GVK = "gvk=\"container.kind.crossplane.io/v1alpha1, Kind=KindCluster\"";
    private static final String NAMESPACED_GVK = "gvk=\"container.kind.m.crossplane.io/v1alpha1, Kind=KindCluster\"";

    private final FakeKindServer kindserver = new FakeKindServer();
    private final HttpClient http = HttpClient.newHttpClient();
    private ProviderHarness harness;
    private MetricsServer metrics;

    @BeforeEach
    void startTheProviderAndItsMetricsPort() throws IOException {
        harness = startProvider(FAST_POLL.withPollStateMetric(Duration.ofMillis(200)), connection -> kindserver);
        harness.applyProviderConfig("default", null);
        metrics = new MetricsServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                harness.registry(),
                harness.provider()::alive,
                harness.provider()::ready);
        metrics.start();
    }

    @AfterEach
    void stopTheMetricsPort() {
        metrics.close();
    }

    @Test
    void stateGaugesFollowAClusterFromCreatingToReadyToDeleted() {
        harness.apply(seedCluster("gauged", "default", null));
        waitUpTo(WAIT, "kindserver is asked to create gauged").until(() -> kindserver.has("gauged"));
        harness.awaitCondition("gauged", "Ready", "False", "Creating", WAIT);
        awaitGauges(GVK, "one KindCluster, synced, not ready", 1, 0, 1);

        kindserver.ready("gauged");
        harness.awaitCondition("gauged", "Ready", "True", "Available", WAIT);
        awaitGauges(GVK, "one KindCluster, ready and synced", 1, 1, 1);

        harness.client().resource(harness.get("gauged")).delete();
        waitUpTo(WAIT, "the KindCluster is gone").until(() -> harness.get("gauged") == null);
        awaitGauges(GVK, "no KindCluster left", 0, 0, 0);
    }

    @Test
    void namespacedKindClustersAreGaugedUnderTheirOwnGvk() {
        NamespacedApi api = new NamespacedApi(harness.client());
        api.namespace("team-a");
        api.clusterProviderConfig("default", ProviderHarness.PASSWORD);
        api.apply("team-a", "gauged-ns", null);
        waitUpTo(WAIT, "kindserver is asked to create gauged-ns").until(() -> kindserver.has("gauged-ns"));
        awaitGauges(NAMESPACED_GVK, "one namespaced KindCluster, synced, not ready", 1, 0, 1);

        kindserver.ready("gauged-ns");
        api.awaitCondition("team-a", "gauged-ns", "Ready", "True", WAIT);
        awaitGauges(NAMESPACED_GVK, "one namespaced KindCluster, ready and synced", 1, 1, 1);
        awaitGauges(GVK, "no legacy KindCluster counted", 0, 0, 0);

        harness.client().resource(api.get("team-a", "gauged-ns")).delete();
        waitUpTo(WAIT, "the KindCluster is gone").until(() -> api.get("team-a", "gauged-ns") == null);
        awaitGauges(NAMESPACED_GVK, "no namespaced KindCluster left", 0, 0, 0);
    }

    @Test
    void reconcileRequestIsAnsweredInStatusWithAnEvent() {
        harness.apply(seedCluster("requested", "default", null));
        waitUpTo(WAIT, "kindserver is asked to create requested").until(() -> kindserver.has("requested"));
        kindserver.ready("requested");
        harness.awaitCondition("requested", "Ready", "True", "Available", WAIT);

        request("requested", "2025-03-31T10:05:00Z");

        waitUpTo(WAIT, "status.lastHandledReconcileAt holds the token")
                .until(() ->
                        "2025-03-31T10:05:00Z".equals(harness.get("requested").lastHandledReconcileAt()));
        waitUpTo(WAIT, "a ReconcileRequestHandled Event")
                .until(() -> harness.eventCount("requested", "Normal ReconcileRequestHandled") == 1);
    }

    private void request(String name, String token) {
        KindCluster cluster = harness.get(name);
        HashMap<String, String> annotations = new HashMap<>(
                Optional.ofNullable(cluster.getMetadata().getAnnotations()).orElse(Map.of()));
        annotations.put(Annotations.RECONCILE_REQUESTED_AT, token);
        cluster.getMetadata().setAnnotations(annotations);
        harness.client().resource(cluster).update();
    }

    /** Scrapes /metrics until the three gauges show the given counts. */
    private void awaitGauges(String gvk, String what, double exists, double ready, double synced) {
        waitUpTo(WAIT, what + " in crossplane_managed_resource_{exists,ready,synced}")
                .until(() -> {
                    String scraped = scrape();
                    return gauge(scraped, gvk, "exists") == exists
                            && gauge(scraped, gvk, "ready") == ready
                            && gauge(scraped, gvk, "synced") == synced;
                });
    }

    private String scrape() throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** The value of crossplane_managed_resource_&lt;name&gt; for one gvk; NaN when not served. */
    private static double gauge(String scraped, String gvk, String name) {
        String series = "crossplane_managed_resource_" + name + "{" + gvk + "} ";
        return scraped.lines()
                .filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length())))
                .findFirst()
                .orElse(Double.NaN);
    }
}
