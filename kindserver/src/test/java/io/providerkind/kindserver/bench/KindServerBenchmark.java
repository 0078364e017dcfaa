package io.providerkind.kindserver.bench;

import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerProcess;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Latency of kindserver's reads as provider-kind sees them: GET one cluster and the list, through the SDK
 * over HTTPS on loopback, at 1, 10 and 100 concurrent clients (each its own SDK client and connection),
 * against a kindserver in its own JVM that knows a few clusters made by the kind test double. Beside it,
 * the baseline of the earlier design: exec {@code kind get clusters} per request.
 *
 * <p>Not a test: it prints figures. Bounded: each level runs at most {@value #LEVEL_SECONDS} s (plus warm-up)
 * and {@value #MAX_CALLS} calls. Run with {@code mvn -pl kindserver -am verify -Pbench -DskipTests}.
 */
public final class KindServerBenchmark {

    static final int LEVEL_SECONDS = 5;
    static final int MAX_CALLS = 200_000;
    private static final int[] CLIENTS = {1, 10, 100};
    private static final List<String> CLUSTERS = List.of("bench-1", "bench-2", "bench-3");
    private static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    private KindServerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path stateDir = Files.createTempDirectory("kindserver-bench").resolve("state");
        List<LatencyRun.Result> results = new ArrayList<>();
        KindServerProcess kindserver = new KindServerProcess(stateDir).start();
        try {
            KindServerClient setup = kindserver.client();
            for (String name : CLUSTERS) {
                setup.create(name, CONFIG);
            }
            for (String name : CLUSTERS) {
                ClusterInfo ready = Waits.await(name + " Ready")
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> setup.get(name), c -> c.phase() != ClusterPhase.Creating);
                System.out.println("cluster " + name + ": " + ready.phase() + " " + ready.endpoint());
            }
            List<KindServerClient> clients = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                clients.add(kindserver.client());
            }
            // both JVMs compile the request paths first, so that no level measures the JIT at work
            level("warm-up", 10, MAX_CALLS).run(i -> () -> {
                clients.get(i).find(CLUSTERS.get(i % CLUSTERS.size()));
                clients.get(i).list();
            });
            for (int n : CLIENTS) {
                results.add(level("GET /api/v1/kindserver/{name}", n, MAX_CALLS).run(i -> () -> {
                    if (clients.get(i).find(CLUSTERS.get(i % CLUSTERS.size())).isEmpty()) {
                        throw new IllegalStateException("cluster vanished");
                    }
                }));
            }
            for (int n : CLIENTS) {
                results.add(level("GET /api/v1/kindserver (list)", n, MAX_CALLS)
                        .run(i -> () -> clients.get(i).list()));
            }
            results.add(paced("GET /{name}, each client 10/s", 100, Duration.ofMillis(100))
                    .run(i -> () -> clients.get(i).find(CLUSTERS.get(i % CLUSTERS.size()))));
            results.add(paced("GET list, each client 10/s", 100, Duration.ofMillis(100))
                    .run(i -> () -> clients.get(i).list()));
            Path kind = RealKind.path();
            for (int n : CLIENTS) {
                results.add(level("exec kind get clusters (baseline)", n, 2_000)
                        .run(i -> () -> RealKind.getClusters(kind)));
            }
            print(results);
            for (String name : CLUSTERS) {
                setup.delete(name);
            }
            for (String name : CLUSTERS) {
                Waits.await(name + " gone")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> setup.find(name), java.util.Optional::isEmpty);
            }
        } finally {
            kindserver.close();
            KindContainers.removeAll(CLUSTERS.toArray(String[]::new));
        }
        System.exit(0);
    }

    /** Closed loop: as fast as the server answers. */
    private static LatencyRun level(String name, int clients, int maxCalls) {
        return new LatencyRun(
                name,
                clients,
                Duration.ZERO,
                Duration.ofSeconds(clients == 1 ? 2 : 1),
                Duration.ofSeconds(LEVEL_SECONDS),
                maxCalls);
    }

    /** Open loop: each client polls at a fixed pace, as provider-kind's reconcilers do. */
    private static LatencyRun paced(String name, int clients, Duration pace) {
        return new LatencyRun(name, clients, pace, Duration.ofSeconds(1), Duration.ofSeconds(LEVEL_SECONDS), MAX_CALLS);
    }

    private static void print(List<LatencyRun.Result> results) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-36s %7s %8s %9s %9s %9s %9s %9s %6s%n",
                "request",
                "clients",
                "calls",
                "req/s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "failed");
        for (LatencyRun.Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %7d %8d %9.0f %9.2f %9.2f %9.2f %9.2f %6d%n",
                    r.name(),
                    r.clients(),
                    r.calls(),
                    r.perSecond(),
                    r.p50() / 1e6,
                    r.p90() / 1e6,
                    r.p99() / 1e6,
                    r.max() / 1e6,
                    r.failures());
        }
        System.out.println(
                "closed loop: each client calls again at once (capacity; latency is queueing once saturated);"
                        + " paced: latency counted from when each call was due");
        results.stream()
                .filter(r -> r.name().startsWith("GET /{name}, each client") && r.clients() == 100)
                .findFirst()
                .ifPresent(r -> System.out.printf(
                        Locale.ROOT,
                        "Goal GET p99 <= 5 ms at 100 clients (paced, %.0f req/s): %s (%.2f ms)%n",
                        r.perSecond(),
                        r.p99() <= 5_000_000 ? "met" : "NOT met",
                        r.p99() / 1e6));
    }

    /** The baseline: what a server that shells out to kind per request pays. */
    static final class RealKind {
        private RealKind() {}

        static Path path() {
            return io.providerkind.kindserver.testing.KindDouble.executable();
        }

        static void getClusters(Path kind) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(kind.toString(), "get", "clusters")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("kind get clusters failed");
            }
        }
    }
}
