package io.providerkind.provider.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One start of the provider process, timed from the moment it is forked: to its first reconcile reaching kindserver,
 * and to every KindCluster having been reconciled once. It then runs on for a steady window, in which the CPU it uses
 * per kindserver call (one per reconcile of a Ready cluster) is counted and after which its resident memory is read;
 * the memory is also sampled throughout for its peak.
 *
 * @param firstReconcileMillis   process start to the first reconcile's call to kindserver
 * @param firstReconcileCpu      CPU the process used until then, in ms: the start's work, which a loaded machine
 *                               stretches less than its wall time
 * @param allReconciledMillis    process start to the last KindCluster's first call to kindserver
 * @param rssMiB                 resident memory at the end of the steady window
 * @param peakRssMiB             the most resident memory seen from start until then
 * @param cpuMillisPerReconcile  CPU used in the steady window per kindserver call in it (NaN: no call in it)
 */
record StartRun(
        double firstReconcileMillis,
        double firstReconcileCpu,
        double allReconciledMillis,
        double rssMiB,
        double peakRssMiB,
        double cpuMillisPerReconcile) {

    private static final long TIMEOUT_NANOS = 300_000_000_000L;
    private static final long SAMPLE_MILLIS = 5;
    private static final long RSS_SAMPLE_NANOS = 250_000_000L;

    /**
     * Starts {@code launch} with the pod's environment ({@link PodCredentials}), waits for {@code clusters} KindClusters to be
     * reconciled, then lets it run for {@code steadyMillis}.
     */
    static StartRun measure(
            ImageLaunch launch,
            Map<String, String> pod,
            HttpsKindServer kindserver,
            int clusters,
            long steadyMillis,
            Path log)
            throws IOException, InterruptedException {
        kindserver.resetCalls();
        try (ProviderProcess provider = start(launch, pod, log)) {
            long started = provider.startedNanos();
            double peak = 0;
            long lastSample = 0;
            double startCpu = Double.NaN;
            while (kindserver.clustersCalled() < clusters) {
                check(provider, started, clusters, kindserver);
                if (Double.isNaN(startCpu) && kindserver.firstCall().isPresent()) {
                    startCpu = provider.cpuMillis();
                }
                if (System.nanoTime() - lastSample > RSS_SAMPLE_NANOS) {
                    peak = Math.max(peak, provider.rssMiB());
                    lastSample = System.nanoTime();
                }
                Thread.sleep(SAMPLE_MILLIS);
            }
            long all = System.nanoTime();
            long first = kindserver.firstCall().orElseThrow();
            if (Double.isNaN(startCpu)) {
                startCpu = provider.cpuMillis();
            }
            double cpu = provider.cpuMillis();
            long calls = kindserver.calls();
            while (System.nanoTime() - all < steadyMillis * 1_000_000L) {
                peak = Math.max(peak, provider.rssMiB());
                Thread.sleep(RSS_SAMPLE_NANOS / 1_000_000L);
            }
            double steadyCpu = provider.cpuMillis() - cpu;
            long steadyCalls = kindserver.calls() - calls;
            double rss = provider.rssMiB();
            return new StartRun(
                    millis(first - started),
                    startCpu,
                    millis(all - started),
                    rss,
                    Math.max(peak, rss),
                    steadyCalls == 0 ? Double.NaN : steadyCpu / steadyCalls);
        }
    }

    /** The provider in its pod's environment, with Crossplane's default flags but the metrics port: loopback, a port of the kernel's choice. */
    static ProviderProcess start(ImageLaunch launch, Map<String, String> pod, Path log) throws IOException {
        return ProviderProcess.start(launch, List.of("--metrics-bind-address", "127.0.0.1:0"), pod, log);
    }

    private static void check(ProviderProcess provider, long started, int clusters, HttpsKindServer kindserver) {
        if (!provider.alive()) {
            throw new IllegalStateException("the provider exited before reconciling:\n" + provider.log());
        }
        if (System.nanoTime() - started > TIMEOUT_NANOS) {
            throw new IllegalStateException("only " + kindserver.clustersCalled() + " of " + clusters
                    + " KindClusters reconciled in " + TIMEOUT_NANOS / 1_000_000_000L + " s:\n" + provider.log());
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
