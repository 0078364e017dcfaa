package io.providerkind.provider.bench;

import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.sdk.ClusterChange;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.ObservedCluster;
import io.providerkind.sdk.WaitForChange;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * One KindCluster from apply to Ready=True, the moments in between in epoch milliseconds: the provider's first write
 * (its finalizer), kindserver's record of the create (the POST), kind's create run, kind's kubeconfig runs after it,
 * kindserver answering Ready, and the KindCluster's Ready=True; beside it, kind alone making the same cluster.
 * kindserver is followed by long-poll, so that the measurement itself asks nothing of kindserver while kind runs.
 */
record ApplyToReady(
        long applied,
        long firstWrite,
        long posted,
        long kindStarted,
        long kindEnded,
        long kubeconfigMillis,
        long kindserverReady,
        long ready,
        long kindAlone) {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 20;

    ApplyToReady withKindAlone(long millis) {
        return new ApplyToReady(
                applied, firstWrite, posted, kindStarted, kindEnded, kubeconfigMillis, kindserverReady, ready, millis);
    }

    /** Applies the KindCluster {@code name} and follows it to Ready=True, kindserver polled every 20 ms. */
    static ApplyToReady measure(ProviderHarness harness, KindServerClient kindserver, TimedKind kind, String name)
            throws InterruptedException {
        AtomicLong firstWrite = new AtomicLong();
        AtomicLong ready = new AtomicLong();
        Watch watch = harness.client()
                .resources(KindCluster.class)
                .withName(name)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, KindCluster cluster) {
                        long now = System.currentTimeMillis();
                        if (!cluster.getMetadata().getFinalizers().isEmpty()) {
                            firstWrite.compareAndSet(0, now);
                        }
                        if (Conditions.find(cluster, Conditions.READY)
                                .map(c -> c.isTrue())
                                .orElse(false)) {
                            ready.compareAndSet(0, now);
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                });
        long applied = System.currentTimeMillis();
        harness.apply(TestKindClusters.applied(name, TestKindClusters.SEED_CONFIG));
        long deadline = applied + LIMIT.toMillis();
        ObservedCluster seen = recorded(kindserver, name, deadline);
        // kindserver's changes are followed by long-poll: the benchmark adds no GETs while kind runs
        while (seen.cluster().phase() != ClusterPhase.Ready) {
            seen = next(kindserver, name, seen, deadline);
        }
        long kindserverReady = System.currentTimeMillis();
        ClusterInfo info = seen.cluster();
        while (ready.get() == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(name + " not Ready within " + LIMIT);
            }
            Thread.sleep(POLL_MILLIS);
        }
        watch.close();
        TimedKind.Run create = kind.first("create cluster", name).orElseThrow();
        long kubeconfigs = kind.all("get kubeconfig", name).stream()
                .mapToLong(TimedKind.Run::millis)
                .sum();
        return new ApplyToReady(
                applied,
                firstWrite.get(),
                info.createdAt().toEpochMilli(),
                create.startMillis(),
                create.endMillis(),
                kubeconfigs,
                kindserverReady,
                ready.get(),
                0);
    }

    /** The cluster once kindserver has recorded the provider's create; looked for every 20 ms until then. */
    private static ObservedCluster recorded(KindServerClient kindserver, String name, long deadline)
            throws InterruptedException {
        while (System.currentTimeMillis() <= deadline) {
            Optional<ObservedCluster> seen = kindserver.observe(name);
            if (seen.isPresent()) {
                return seen.get();
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException(name + " not created within " + LIMIT);
    }

    /** kindserver's next answer for the cluster, once it differs from {@code seen}. */
    private static ObservedCluster next(KindServerClient kindserver, String name, ObservedCluster seen, long deadline)
            throws InterruptedException {
        while (System.currentTimeMillis() <= deadline) {
            ClusterChange change;
            try {
                change = kindserver
                        .awaitChange(name, seen.etag().orElseThrow(), WaitForChange.MAX_TIMEOUT)
                        .get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("kindserver failed while " + name + " was made", e.getCause());
            }
            if (change instanceof ClusterChange.Changed changed) {
                return changed.now();
            }
            if (change instanceof ClusterChange.Gone) {
                throw new IllegalStateException(name + " is gone from kindserver before it was Ready");
            }
        }
        throw new IllegalStateException(name + " not Ready at kindserver within " + LIMIT);
    }

    /** Medians of each part over the samples, with the total next to kind alone and their ratio. */
    static String report(String title, List<ApplyToReady> samples) {
        StringBuilder out = new StringBuilder();
        double alone = median(samples, ApplyToReady::kindAlone);
        double total = median(samples, s -> s.ready - s.applied);
        out.append(String.format(
                Locale.ROOT,
                "%napply -> Ready=True over kind alone, %s, %d samples (medians):%n",
                title,
                samples.size()));
        out.append(line("kind create alone (reference)", alone));
        out.append(String.format(
                Locale.ROOT,
                "  %-44s %7.2f s   %.2fx kind alone, +%.2f s%n",
                "kubectl apply -> KindCluster Ready=True",
                total / 1000,
                total / alone,
                (total - alone) / 1000));
        out.append(line("  apply -> provider's first write", median(samples, s -> s.firstWrite - s.applied)));
        out.append(
                line("  first write -> create recorded by kindserver", median(samples, s -> s.posted - s.firstWrite)));
        out.append(line("  recorded -> kind create starts", median(samples, s -> s.kindStarted - s.posted)));
        out.append(line("  kind create runs", median(samples, s -> s.kindEnded - s.kindStarted)));
        out.append(line(
                "  kind exits -> kindserver answers Ready", median(samples, s -> s.kindserverReady - s.kindEnded)));
        out.append(line("    of which kind get kubeconfig runs", median(samples, ApplyToReady::kubeconfigMillis)));
        out.append(line(
                "  kindserver Ready -> KindCluster Ready=True", median(samples, s -> s.ready - s.kindserverReady)));
        return out.toString();
    }

    private static String line(String what, double millis) {
        return String.format(Locale.ROOT, "  %-44s %7.2f s%n", what, millis / 1000);
    }

    private static double median(List<ApplyToReady> samples, ToLongFunction<ApplyToReady> part) {
        long[] values = samples.stream().mapToLong(part).sorted().toArray();
        return values.length % 2 == 1
                ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2.0;
    }
}
