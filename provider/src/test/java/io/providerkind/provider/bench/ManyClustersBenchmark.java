package io.providerkind.provider.bench;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.kindcluster.KindClusterController;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.TestApiServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Many KindClusters applied at once, until all are Ready=True: on a real API server, kindserver in memory with each
 * cluster Ready a fixed time after its create ({@link ReadyAfterKindServer}), the provider in-process at default
 * flags. Printed next to two references measured in the same run: the same with a higher
 * {@code --max-reconcile-rate}, and the lower bound the rate limiter allows.
 *
 * <p>The bound: a cluster needs at least two reconciles (the one that creates it, and one that finds it Ready), each
 * taking a token from a bucket of {@code 10 x rate} refilled at {@code rate} per second; so all are Ready no sooner
 * than {@code (2 N - 10 rate) / rate} seconds, and no sooner than kind's own time.
 *
 * <p>A benchmark, not a test: it prints figures and asserts nothing. Run it with
 * {@code mvn -pl provider -am verify -Pprovider-bench-many -DskipTests}; {@code -Dbench.clusters} (default 500),
 * {@code -Dbench.readyAfterMs} (default 2000) and {@code -Dbench.referenceRate} (default 50) change it.
 */
public final class ManyClustersBenchmark {

    private static final int APPLIERS = 8;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);
    private static final int RECONCILES_PER_CREATE_AT_LEAST = 2;

    public static void main(String[] args) throws Exception {
        int clusters = Integer.getInteger("bench.clusters", 500);
        Duration readyAfter = Duration.ofMillis(Long.getLong("bench.readyAfterMs", 2000));
        int referenceRate = Integer.getInteger("bench.referenceRate", 50);
        ProviderSettings defaults = ProviderSettings.defaults();

        Figures atDefaults = run(clusters, readyAfter, defaults);
        Figures atReference = run(clusters, readyAfter, defaults.withMaxReconcileRate(referenceRate));

        System.out.printf(
                "%n%d KindClusters applied at once, kind Ready %d ms after each create%n",
                clusters, readyAfter.toMillis());
        atDefaults.print("default flags");
        atReference.print("--max-reconcile-rate " + referenceRate);
        System.out.printf(
                "default flags vs --max-reconcile-rate %d: all Ready %.1f s vs %.1f s, ratio %.2f%n",
                referenceRate,
                atDefaults.allReadySeconds(),
                atReference.allReadySeconds(),
                atDefaults.allReadySeconds() / atReference.allReadySeconds());
        System.exit(0);
    }

    /** One run on its own API server, so that nothing of another run is reconciled in it. */
    private static Figures run(int clusters, Duration readyAfter, ProviderSettings settings) throws Exception {
        TestApiServer apiServer = TestApiServer.start();
        ReadyAfterKindServer kindserver = new ReadyAfterKindServer(readyAfter);
        ProviderHarness harness = ProviderHarness.on(apiServer).start(settings, c -> kindserver);
        try {
            harness.applyProviderConfig("default", null);
            Map<String, Long> readyAt = new ConcurrentHashMap<>();
            SharedIndexInformer<KindCluster> informer =
                    harness.client().resources(KindCluster.class).inform(new ReadyRecorder(readyAt));
            Map<String, Long> appliedAt = applyAll(harness, clusters);
            long started = Collections.min(appliedAt.values());
            long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
            while (readyAt.size() < clusters && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            informer.close();
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return Figures.of(clusters, settings.maxReconcileRate(), readyAfter, started, appliedAt, readyAt)
                    .withLoad(load)
                    .withCosts(
                            reconciles(harness),
                            results(harness) - reconciles(harness),
                            harness.apiWrites(),
                            kindserver.calls());
        } finally {
            harness.stopProvider();
            harness.client().close();
            apiServer.close();
        }
    }

    /** Applies every cluster from a few threads, as fast as the API server takes them; when each was applied. */
    private static Map<String, Long> applyAll(ProviderHarness harness, int clusters) throws InterruptedException {
        Map<String, Long> appliedAt = new ConcurrentHashMap<>();
        ExecutorService appliers = Executors.newFixedThreadPool(APPLIERS);
        for (int i = 0; i < clusters; i++) {
            String name = "many-" + i;
            appliers.execute(() -> {
                appliedAt.put(name, System.nanoTime());
                harness.apply(TestKindClusters.applied(name, TestKindClusters.SEED_CONFIG));
            });
        }
        appliers.shutdown();
        appliers.awaitTermination(5, TimeUnit.MINUTES);
        return appliedAt;
    }

    /** Reconciles of the KindCluster controller that ran the managed reconciler. */
    private static long reconciles(ProviderHarness harness) {
        Timer timer = harness.registry()
                .find("controller_runtime_reconcile_time")
                .tag("controller", KindClusterController.NAME)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    /** Every result the KindCluster controller counted, rate-limited requeues included, as controller-runtime does. */
    private static long results(ProviderHarness harness) {
        return (long) harness
                .registry()
                .find("controller_runtime_reconcile")
                .tag("controller", KindClusterController.NAME)
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** When each KindCluster was first seen Ready=True, as a user watching them sees it. */
    private record ReadyRecorder(Map<String, Long> readyAt) implements ResourceEventHandler<KindCluster> {

        @Override
        public void onAdd(KindCluster cluster) {
            record(cluster);
        }

        @Override
        public void onUpdate(KindCluster before, KindCluster cluster) {
            record(cluster);
        }

        @Override
        public void onDelete(KindCluster cluster, boolean deletedFinalStateUnknown) {}

        private void record(KindCluster cluster) {
            if (Conditions.find(cluster, Conditions.READY).map(c -> c.isTrue()).orElse(false)) {
                readyAt.putIfAbsent(cluster.getMetadata().getName(), System.nanoTime());
            }
        }
    }

    /** What one run measured. */
    private record Figures(
            int clusters,
            int rate,
            Duration readyAfter,
            int ready,
            double allReadySeconds,
            List<Double> perClusterSeconds,
            long reconciles,
            long rateLimited,
            long apiWrites,
            long kindserverCalls,
            double applySeconds,
            double loadAverage) {

        static Figures of(
                int clusters,
                int rate,
                Duration readyAfter,
                long started,
                Map<String, Long> appliedAt,
                Map<String, Long> readyAt) {
            List<Double> perCluster = new ArrayList<>();
            readyAt.forEach((name, at) -> perCluster.add((at - appliedAt.get(name)) / 1e9));
            Collections.sort(perCluster);
            double all = readyAt.isEmpty() ? Double.NaN : (Collections.max(readyAt.values()) - started) / 1e9;
            double apply = (Collections.max(appliedAt.values()) - started) / 1e9;
            return new Figures(clusters, rate, readyAfter, readyAt.size(), all, perCluster, 0, 0, 0, 0, apply, 0);
        }

        /** The machine's load average at the end of the run: other work on it slows the API server and provider. */
        Figures withLoad(double load) {
            return new Figures(
                    clusters,
                    rate,
                    readyAfter,
                    ready,
                    allReadySeconds,
                    perClusterSeconds,
                    reconciles,
                    rateLimited,
                    apiWrites,
                    kindserverCalls,
                    applySeconds,
                    load);
        }

        Figures withCosts(long reconcileCount, long rateLimitedCount, long writes, long calls) {
            return new Figures(
                    clusters,
                    rate,
                    readyAfter,
                    ready,
                    allReadySeconds,
                    perClusterSeconds,
                    reconcileCount,
                    rateLimitedCount,
                    writes,
                    calls,
                    applySeconds,
                    loadAverage);
        }

        /** What the limiter allows at best: two tokens per cluster, a burst of ten times the rate. */
        double lowerBoundSeconds() {
            double tokens = (double) RECONCILES_PER_CREATE_AT_LEAST * clusters - 10.0 * rate;
            return Math.max(tokens / rate, readyAfter.toMillis() / 1000.0);
        }

        void print(String flags) {
            System.out.printf(
                    "%s (max reconcile rate %d/s): %d of %d Ready=True in %.1f s; lower bound (%d x %d - 10 x %d) / %d"
                            + " = %.1f s; ratio %.2f%n",
                    flags,
                    rate,
                    ready,
                    clusters,
                    allReadySeconds,
                    RECONCILES_PER_CREATE_AT_LEAST,
                    clusters,
                    rate,
                    rate,
                    lowerBoundSeconds(),
                    allReadySeconds / lowerBoundSeconds());
            System.out.printf(
                    "  apply -> Ready=True per cluster: p50 %.1f s, p99 %.1f s; per cluster: %.2f reconciles (at least"
                            + " %d), %.2f rate-limited requeues, %.2f API writes, %.2f kindserver calls%n",
                    percentile(50),
                    percentile(99),
                    reconciles / (double) clusters,
                    RECONCILES_PER_CREATE_AT_LEAST,
                    rateLimited / (double) clusters,
                    apiWrites / (double) clusters,
                    kindserverCalls / (double) clusters);
            System.out.printf(
                    "  the last apply was sent %.1f s after the first; load average at the end %.1f%n",
                    applySeconds, loadAverage);
        }

        private double percentile(int p) {
            if (perClusterSeconds.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * perClusterSeconds.size()) - 1;
            return perClusterSeconds.get(Math.max(0, Math.min(index, perClusterSeconds.size() - 1)));
        }
    }
}
