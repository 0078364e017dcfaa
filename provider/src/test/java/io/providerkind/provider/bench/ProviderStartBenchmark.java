package io.providerkind.provider.bench;

import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.SecretReference;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.TestApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures the provider's start as the image starts it ({@link ImageLaunch}: the Dockerfile's JAVA_TOOL_OPTIONS and
 * entrypoint, in the equivalent of a 1 GiB pod), as its own process against a real API server, kindserver served in
 * memory over HTTPS ({@link HttpsKindServer}) so that only the provider is timed:
 * <ol>
 *   <li>process start to the first reconcile, with one KindCluster (an otherwise empty cluster) and with a fleet of
 *       500 that are all Ready;</li>
 *   <li>process start to the whole fleet reconciled once; then, over a steady window of one poll interval, the CPU
 *       per reconcile, and resident memory at its end and at its peak.</li>
 * </ol>
 * Each figure is printed next to its references from the same run ({@link Variant#of}; for start times also
 * {@code java -version} with the same JVM and flags, the floor of any start), and the ratio. A benchmark, not a
 * test: it prints figures and asserts nothing. Run it with {@code mvn -pl provider -am verify -Pprovider-start-bench
 * -DskipTests}; {@code -Dbench.fleet}, {@code -Dbench.rounds} and {@code -Dbench.steady} (seconds) change the fleet,
 * the starts per variant and how long each start with the fleet runs on after reconciling it; {@code -Dbench.reference}
 * a directory holding another build's provider.jar and Dockerfile to measure beside this one.
 */
public final class ProviderStartBenchmark {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar"));
        Path dockerfile = Path.of(System.getProperty("bench.dockerfile"));
        int fleet = Integer.getInteger("bench.fleet", 500);
        int rounds = Integer.getInteger("bench.rounds", 3);
        long steadyMillis = Long.getLong("bench.steady", 60) * 1000;
        // -Dbench.reference=<dir>: a provider.jar and its Dockerfile built from another commit, measured beside this
        // one
        String reference = System.getProperty("bench.reference", "");
        Optional<ImageLaunch> before = reference.isBlank()
                ? Optional.empty()
                : Optional.of(ImageLaunch.of(Path.of(reference, "Dockerfile"), Path.of(reference)));
        List<Variant> variants = Variant.of(ImageLaunch.of(dockerfile, jar.getParent()), before);
        Path work = Files.createTempDirectory("provider-start-bench");
        // the full-JIT reference shares the image's jar and archive: each distinct build is run once
        Set<List<List<String>>> built = new HashSet<>();
        for (Variant variant : variants) {
            if (built.add(variant.launch().buildSteps())) {
                variant.launch().build(work.resolve(variant.name() + "-build.log"));
            }
        }
        // the harness is not closed: the API server goes with everything in it
        try (TestApiServer apiServer = TestApiServer.start();
                HttpsKindServer kindserver = new HttpsKindServer(new FakeKindServer())) {
            ProviderHarness harness = ProviderHarness.on(apiServer);
            Map<String, String> pod =
                    PodCredentials.environment(harness.client(), Files.createDirectory(work.resolve("serviceaccount")));
            harness.applyProviderConfig("default", kindserver.endpoint(), ProviderHarness.PASSWORD, null);
            Bench bench = new Bench(pod, kindserver, harness, work);
            System.out.printf(
                    "%nprovider start, JAVA_TOOL_OPTIONS=%s; each start's log in %s%n",
                    variants.get(0).launch().javaToolOptions(), work);
            List<Double> floor = bench.floor(variants.get(0).launch(), rounds);
            Results one = bench.startsWith(1, 0, variants, rounds);
            Results many = bench.startsWith(fleet, steadyMillis, variants, rounds);
            Report report = new Report(variants, floor);
            report.firstReconcile(1, one);
            report.firstReconcile(fleet, many);
            report.fleet(fleet, steadyMillis / 1000, many);
        }
        System.exit(0);
    }

    /** The parts every start runs against. */
    private record Bench(Map<String, String> pod, HttpsKindServer kindserver, ProviderHarness harness, Path work) {

        /** {@code java -version} with the image's JVM flags: process start to exit, in ms. */
        List<Double> floor(ImageLaunch launch, int rounds) throws IOException, InterruptedException {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                try (ProviderProcess version =
                        ProviderProcess.start(launch.versionOnly(), List.of(), Map.of(), log("version"))) {
                    millis.add((version.awaitExit(30) - version.startedNanos()) / 1e6);
                }
            }
            return millis;
        }

        /**
         * Brings the fleet to {@code clusters} KindClusters, all Ready, then starts each variant {@code rounds}
         * times, interleaved so that a change in the machine's load meets every variant alike.
         */
        Results startsWith(int clusters, long steadyMillis, List<Variant> variants, int rounds)
                throws IOException, InterruptedException {
            for (int i = count(); i < clusters; i++) {
                harness.apply(cluster("start-" + i));
            }
            settle(variants.get(0).launch(), clusters);
            Results results = new Results(variants.size());
            for (int round = 0; round < rounds; round++) {
                for (int v = 0; v < variants.size(); v++) {
                    Path log = log(variants.get(v).name() + "-" + clusters + "-" + round);
                    results.add(
                            v,
                            StartRun.measure(variants.get(v).launch(), pod, kindserver, clusters, steadyMillis, log));
                }
            }
            return results;
        }

        /** A first start creates whatever is new and reports it Ready; the measured ones then find it all done. */
        private void settle(ImageLaunch launch, int clusters) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + 300_000_000_000L;
            try (ProviderProcess provider = StartRun.start(launch, pod, log("settle-" + clusters))) {
                while (ready() < clusters) {
                    if (!provider.alive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                ready() + " of " + clusters + " KindClusters Ready while settling:\n" + provider.log());
                    }
                    Thread.sleep(1000);
                }
            }
        }

        private long ready() {
            return harness.client().resources(KindCluster.class).list().getItems().stream()
                    .filter(c -> Conditions.find(c, Conditions.READY)
                            .map(r -> r.isTrue())
                            .orElse(false))
                    .count();
        }

        private int count() {
            return harness.client()
                    .resources(KindCluster.class)
                    .list()
                    .getItems()
                    .size();
        }

        private Path log(String name) {
            return work.resolve(name + ".log");
        }

        private static KindCluster cluster(String name) {
            return TestKindClusters.applied(
                    name,
                    TestKindClusters.SEED_CONFIG,
                    new SecretReference(name + "-conn", "default"),
                    DeletionPolicy.Delete,
                    List.of(ManagementAction.All));
        }
    }
}
