package io.providerkind.provider.bench;

import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;

import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindClusterSpec;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.SecretReference;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.TestApiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures, on a real API server with kindserver faked in memory (so that only the provider is timed):
 * <ol>
 *   <li>the time from kindserver reporting a cluster Ready to the KindCluster showing Ready=True, with
 *       the provider's default busy poll;</li>
 *   <li>API writes, API reads and kindserver calls per poll at steady state with 200 KindClusters, each
 *       with a connection Secret.</li>
 * </ol>
 * A benchmark, not a test: it prints figures and asserts nothing. Run it with
 * {@code mvn -pl provider -am verify -Pprovider-bench -DskipTests}; {@code -Dbench.clusters},
 * {@code -Dbench.poll} (seconds) and {@code -Dbench.polls} change the steady-state run.
 */
public final class ProviderBenchmark {

    private static final int READY_SAMPLES = 30;

    public static void main(String[] args) throws Exception {
        int clusters = Integer.getInteger("bench.clusters", 200);
        Duration poll = Duration.ofSeconds(Long.getLong("bench.poll", 20));
        int polls = Integer.getInteger("bench.polls", 3);
        try (TestApiServer apiServer = TestApiServer.start()) {
            readyLatency(apiServer);
            steadyState(apiServer, clusters, poll, polls);
        }
        System.exit(0);
    }

    /** kindserver Ready to KindCluster Ready=True, as a user watching the KindCluster sees it. */
    private static void readyLatency(TestApiServer apiServer) throws InterruptedException {
        FakeKindServer kindserver = new FakeKindServer();
        ProviderSettings settings = ProviderSettings.defaults();
        List<Double> millis = new ArrayList<>();
        Map<String, Long> readyAt = new ConcurrentHashMap<>();
        try (ProviderHarness harness = ProviderHarness.on(apiServer).start(settings, c -> kindserver)) {
            harness.applyProviderConfig("default", null);
            Watch watch = harness.client().resources(KindCluster.class).watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, KindCluster cluster) {
                    boolean ready = Conditions.find(cluster, Conditions.READY)
                            .map(c -> c.isTrue())
                            .orElse(false);
                    if (ready) {
                        readyAt.putIfAbsent(cluster.getMetadata().getName(), System.nanoTime());
                    }
                }

                @Override
                public void onClose(WatcherException cause) {}
            });
            for (int i = 0; i < READY_SAMPLES; i++) {
                String name = "latency-" + i;
                harness.apply(cluster(name, null));
                waitUpTo(Duration.ofSeconds(30), name + " is being created")
                        .until(() -> kindserver.phase(name) != null
                                && harness.get(name).atProvider().phase() != null);
                // an arbitrary offset into the busy poll, as a real create would end at any moment
                Thread.sleep((long) (Math.random() * settings.busyPoll().toMillis()));
                long kindserverReady = System.nanoTime();
                kindserver.ready(name);
                waitUpTo(Duration.ofSeconds(30), name + " is Ready").until(() -> readyAt.containsKey(name));
                millis.add((readyAt.get(name) - kindserverReady) / 1e6);
            }
            watch.close();
        }
        Collections.sort(millis);
        System.out.printf(
                "%nkindserver Ready -> KindCluster Ready=True (busy poll %d ms, %d samples): "
                        + "p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                settings.busyPoll().toMillis(),
                millis.size(),
                percentile(millis, 50),
                percentile(millis, 95),
                millis.get(millis.size() - 1));
    }

    /** An unchanged fleet: what each poll costs the API server and kindserver. */
    private static void steadyState(TestApiServer apiServer, int clusters, Duration poll, int polls)
            throws InterruptedException {
        FakeKindServer kindserver = new FakeKindServer();
        ProviderSettings settings = ProviderSettings.defaults()
                .withPoll(poll)
                .withMaxReconcileRate(Math.max(10, clusters / (int) Math.max(1, poll.toSeconds() / 2)));
        try (ProviderHarness harness = ProviderHarness.on(apiServer).start(settings, c -> kindserver)) {
            harness.applyProviderConfig("default", null);
            long started = System.nanoTime();
            for (int i = 0; i < clusters; i++) {
                String name = "fleet-" + i;
                harness.apply(cluster(name, new SecretReference(name + "-conn", "default")));
            }
            waitUpTo(Duration.ofMinutes(5), "all " + clusters + " are being created")
                    .until(() -> countPhase(harness, clusters, "Creating") == clusters);
            for (int i = 0; i < clusters; i++) {
                kindserver.ready("fleet-" + i);
            }
            waitUpTo(Duration.ofMinutes(5), "all " + clusters + " are Ready")
                    .until(() -> countReady(harness, clusters) == clusters);
            System.out.printf(
                    "%n%d KindClusters created and Ready in %.1f s (max reconcile rate %d/s)%n",
                    clusters, (System.nanoTime() - started) / 1e9, settings.maxReconcileRate());

            // a whole poll period for the last Ready writes to land, then the fleet is measured over whole polls
            Thread.sleep(poll.toMillis() + 2000);
            long writes = harness.apiWrites();
            double reads = requests(harness, "GET");
            int calls = kindserver.calls();
            Thread.sleep(poll.toMillis() * polls);
            double perPoll = clusters * (double) polls;
            System.out.printf(
                    "steady state, %d KindClusters, poll %d s, %d polls: %d API writes (%.3f per cluster "
                            + "per poll), %.0f API reads (%.2f per cluster per poll), %d kindserver calls (%.2f per "
                            + "cluster per poll)%n",
                    clusters,
                    poll.toSeconds(),
                    polls,
                    harness.apiWrites() - writes,
                    (harness.apiWrites() - writes) / perPoll,
                    requests(harness, "GET") - reads,
                    (requests(harness, "GET") - reads) / perPoll,
                    kindserver.calls() - calls,
                    (kindserver.calls() - calls) / perPoll);
        }
    }

    private static long countPhase(ProviderHarness harness, int clusters, String phase) {
        return harness.client().resources(KindCluster.class).list().getItems().stream()
                .filter(c -> c.getMetadata().getName().startsWith("fleet-"))
                .filter(c -> phase.equals(c.atProvider().phase()))
                .count();
    }

    private static long countReady(ProviderHarness harness, int clusters) {
        return harness.client().resources(KindCluster.class).list().getItems().stream()
                .filter(c -> c.getMetadata().getName().startsWith("fleet-"))
                .filter(c -> Conditions.find(c, Conditions.READY)
                        .map(r -> r.isTrue())
                        .orElse(false))
                .count();
    }

    private static double requests(ProviderHarness harness, String method) {
        var counter = harness.registry()
                .find("rest_client_requests")
                .tag("method", method)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static KindCluster cluster(String name, SecretReference connection) {
        KindCluster cluster = TestKindClusters.applied(
                name, TestKindClusters.SEED_CONFIG, connection, DeletionPolicy.Delete, List.of(ManagementAction.All));
        cluster.setSpec(new KindClusterSpec(cluster.getSpec().forProvider(), null, connection, null, null));
        return cluster;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
