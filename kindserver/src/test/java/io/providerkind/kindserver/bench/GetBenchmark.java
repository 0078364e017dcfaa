package io.providerkind.kindserver.bench;

import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerProcess;
import io.providerkind.kindserver.testing.ServiceUnit;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.testsupport.process.ProcessUsage;
import io.providerkind.testsupport.wait.Waits;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * GET /api/v1/kindserver/{name} near the machine's ceiling, each figure beside nginx serving the same bytes over
 * TLS 1.3 in the same run ({@link Nginx}): throughput with wrk at 100 keep-alive connections, latency of an open-loop
 * 1,000 req/s over 100 connections in rounds that alternate the two servers ({@link PacedRounds}), the CPU time each
 * server spent per GET under wrk ({@link ProcessUsage}), and the bytes kindserver's JVM allocates per GET
 * ({@link AttachedJvm}). kindserver runs in its own JVM with the options of its systemd unit ({@link ServiceUnit}),
 * as operators run it, and knows one cluster made by the kind test double. About two minutes; needs
 * {@code make bench-setup} (wrk, nginx-light).
 *
 * <p>Not a test: it prints figures. Run with {@code mvn -pl kindserver -am verify -Pbench-get -DskipTests}.
 */
public final class GetBenchmark {

    static final String CLUSTER = "bench-get-1";
    static final String PATH = "/api/v1/kindserver/" + CLUSTER;
    private static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";
    private static final int MAX_WARM_UP_ROUNDS = 20;

    /** Javalin's name for Jetty's request thread pool. */
    private static final String REQUEST_THREADS = "JettyServerThreadPool";

    private static final Duration WRK_TIME = Duration.ofSeconds(10);
    private static final OpenLoop PACED = new OpenLoop(100, 1_000, Duration.ofSeconds(1), Duration.ofSeconds(6));
    private static final PacedRounds ROUNDS = new PacedRounds(PACED, 5);

    private GetBenchmark() {}

    public static void main(String[] args) throws Exception {
        for (Path tool : new Path[] {Wrk.BINARY, Nginx.BINARY}) {
            if (!Files.isExecutable(tool)) {
                System.err.println(tool + " is missing: run `make bench-setup` (apt-get install wrk nginx-light)");
                System.exit(2);
            }
        }
        Path work = Files.createTempDirectory("kindserver-get-bench");
        KindServerProcess kindserver = new KindServerProcess(work.resolve("state"))
                .withJvmOptions(ServiceUnit.jvmOptions())
                // the API server ports this benchmark's clusters may take, apart from other runs on this engine
                .withEnvironment("KINDSERVER_API_PORT_RANGE", "38000-38099")
                .start();
        try {
            KindServerClient client = kindserver.client();
            client.create(CLUSTER, CONFIG);
            Waits.await(CLUSTER + " Ready")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> client.get(CLUSTER), c -> c.phase() == ClusterPhase.Ready);
            measure(kindserver, work);
            client.delete(CLUSTER);
            Waits.await(CLUSTER + " gone")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> client.find(CLUSTER), java.util.Optional::isEmpty);
        } finally {
            kindserver.close();
            KindContainers.removeAll(CLUSTER);
        }
        System.exit(0);
    }

    private static void measure(KindServerProcess kindserver, Path work) throws Exception {
        String ca = kindserver.caPem();
        String password = kindserver.password();
        byte[] body;
        try (KeepAliveConnection connection = KeepAliveConnection.open(ca, kindserver.port(), PATH, password)) {
            body = connection.get().body();
        }
        Path tls = kindserver.stateDir().resolve("tls");
        try (Nginx nginx = Nginx.serve(
                        Files.createTempDirectory("kindserver-get-nginx"),
                        tls.resolve("kindserver.crt"),
                        tls.resolve("kindserver.key"),
                        PATH,
                        body,
                        password);
                AttachedJvm jvm = AttachedJvm.attach(kindserver.pid())) {
            try (KeepAliveConnection connection = KeepAliveConnection.open(ca, nginx.port(), PATH, password)) {
                if (!Arrays.equals(body, connection.get().body())) {
                    throw new IllegalStateException("nginx does not serve kindserver's bytes");
                }
            }
            Wrk wrk = new Wrk(100, work);
            String loadBefore = loadAverage();
            try (Connections toKindserver = new Connections(
                            () -> KeepAliveConnection.open(ca, kindserver.port(), PATH, password),
                            PACED.connections());
                    Connections toNginx = new Connections(
                            () -> KeepAliveConnection.open(ca, nginx.port(), PATH, password), PACED.connections())) {
                warmUp("kindserver's", toKindserver, jvm::compilationMillis);
                warmUp("the generator's", toNginx, ManagementFactory.getCompilationMXBean()::getTotalCompilationTime);
                // the rounds first, on the JIT the warm-up settled: wrk's new connections set it compiling again
                PacedRounds.Result paced = ROUNDS.run(toKindserver, toNginx, jvm);
                Throughput nginxWrk = throughput(wrk, nginx.port(), password, nginx.pid());
                AttachedJvm.Spent before = jvm.spent(REQUEST_THREADS);
                Throughput kindserverWrk = throughput(wrk, kindserver.port(), password, kindserver.pid());
                AttachedJvm.Spent spent = jvm.spent(REQUEST_THREADS).minus(before);
                print(body.length, nginxWrk.wrk(), kindserverWrk.wrk(), paced);
                long served = Math.max(1, kindserverWrk.wrk().requests());
                row(
                        "CPU per GET during wrk, whole process (microseconds)",
                        kindserverWrk.cpuMicrosPerGet(),
                        nginxWrk.cpuMicrosPerGet(),
                        "");
                row(
                        "CPU per GET during wrk, kindserver's request threads (us)",
                        spent.cpuNanos() / 1e3 / served,
                        nginxWrk.cpuMicrosPerGet(),
                        "");
                System.out.printf(
                        Locale.ROOT,
                        "%-58s %12.0f%n",
                        "allocated per GET by kindserver's request threads (bytes)",
                        (double) spent.allocatedBytes() / served);
            }
            System.out.println("load average before / after: " + loadBefore + " / " + loadAverage()
                    + " (other work on the machine lowers both servers' rates; CPU per GET is what each spent)");
        }
    }

    /** One server's wrk run, and the CPU its process (with its children, nginx's workers) spent meanwhile. */
    private record Throughput(Wrk.Result wrk, long cpuNanos) {

        double cpuMicrosPerGet() {
            return cpuNanos / 1e3 / Math.max(1, wrk.requests());
        }
    }

    private static Throughput throughput(Wrk wrk, int port, String password, long pid) throws Exception {
        long cpu = ProcessUsage.cpuNanosWithDescendants(pid);
        Wrk.Result result = wrk.run("https://127.0.0.1:" + port + PATH, password, WRK_TIME);
        return new Throughput(result, ProcessUsage.cpuNanosWithDescendants(pid) - cpu);
    }

    /**
     * Runs the open-loop generator, uncounted, against {@code pool}'s server until a JIT's total compile time
     * ({@code compileMillis}) grows by under 2% of a 3 s round, at most {@value #MAX_WARM_UP_ROUNDS} rounds, so that no
     * figure measures a JIT at work: a GET served by interpreted or C1 code (AES-GCM's GHASH without its intrinsic)
     * costs several times a compiled one. Paced rather than with wrk: under wrk the compiler threads get too little of
     * the two cores, and kindserver was still compiling its request path 90 s into a run. The generator's own JIT is
     * warmed the same way: its TLS runs in this JVM, and cold it charged whichever server it measured first.
     */
    private static void warmUp(String whose, Connections pool, LongSupplier compileMillis) throws InterruptedException {
        Duration round = Duration.ofSeconds(3);
        OpenLoop warming = new OpenLoop(PACED.connections(), PACED.rate(), Duration.ZERO, round);
        for (int i = 1; i <= MAX_WARM_UP_ROUNDS; i++) {
            long compiled = compileMillis.getAsLong();
            warming.run(pool);
            if (compileMillis.getAsLong() - compiled < round.toMillis() / 50) {
                System.out.printf(Locale.ROOT, "warm-up: %s JIT settled after %d s%n", whose, i * 3);
                return;
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: %s JIT still compiling after %d s%n", whose, MAX_WARM_UP_ROUNDS * 3);
    }

    private static String loadAverage() throws java.io.IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static void print(int bytes, Wrk.Result nginxWrk, Wrk.Result kindserverWrk, PacedRounds.Result paced) {
        System.out.println();
        printRounds(paced);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "GET %s: %d bytes of JSON; reference: nginx serving the same bytes over TLS 1.3 in the same run (%d"
                        + " cores)%n",
                PATH,
                bytes,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-58s %12s %12s %8s %8s%n", "figure", "kindserver", "nginx", "ratio", "target");
        row(
                "throughput, wrk -t2 -c100 " + WRK_TIME.toSeconds() + " s (req/s)",
                kindserverWrk.perSecond(),
                nginxWrk.perSecond(),
                ">= 0.33");
        System.out.printf(
                Locale.ROOT,
                "at 1,000 req/s open loop, 100 connections: medians of %d rounds, ratio the median of the rounds'%n",
                paced.rounds().size());
        paced("  p99 (ms)", paced, OpenLoop.Result::p99, "<= 2");
        paced("  p50 (ms)", paced, OpenLoop.Result::p50, "");
        paced("  p99.9 (ms)", paced, OpenLoop.Result::p999, "");
        paced("  max (ms)", paced, OpenLoop.Result::max, "");
        System.out.printf(
                Locale.ROOT,
                "requests: wrk %d / %d (failed %d / %d)%n",
                kindserverWrk.requests(),
                nginxWrk.requests(),
                kindserverWrk.failures(),
                nginxWrk.failures());
    }

    /** Each round's figures, kindserver / nginx, so that a reader sees how far the rounds agree. */
    private static void printRounds(PacedRounds.Result paced) {
        int i = 0;
        for (PacedRounds.Round round : paced.rounds()) {
            OpenLoop.Result k = round.kindserver();
            OpenLoop.Result n = round.nginx();
            System.out.printf(
                    Locale.ROOT,
                    "round %d (%s first): p99 %.2f / %.2f ms (%.2f), p50 %.2f / %.2f ms, %d / %d requests at %.0f / %.0f"
                            + " req/s, failed %d / %d; kindserver's JVM: JIT %d ms, %d GCs %d ms%n",
                    ++i,
                    round.nginxFirst() ? "nginx" : "kindserver",
                    k.p99() / 1e6,
                    n.p99() / 1e6,
                    (double) k.p99() / n.p99(),
                    k.p50() / 1e6,
                    n.p50() / 1e6,
                    k.requests(),
                    n.requests(),
                    k.perSecond(),
                    n.perSecond(),
                    k.failures(),
                    n.failures(),
                    round.jvm().jitMillis(),
                    round.jvm().collections(),
                    round.jvm().gcMillis());
        }
    }

    private static void paced(
            String figure, PacedRounds.Result paced, ToLongFunction<OpenLoop.Result> value, String target) {
        System.out.printf(
                Locale.ROOT,
                "%-58s %12.2f %12.2f %8.2f %8s%n",
                figure,
                paced.median(round -> value.applyAsLong(round.kindserver())) / 1e6,
                paced.median(round -> value.applyAsLong(round.nginx())) / 1e6,
                paced.medianRatio(result -> value.applyAsLong(result)),
                target);
    }

    private static void row(String figure, double kindserver, double nginx, String target) {
        System.out.printf(
                Locale.ROOT,
                "%-58s %12.2f %12.2f %8.2f %8s%n",
                figure,
                kindserver,
                nginx,
                nginx == 0 ? 0.0 : kindserver / nginx,
                target);
    }
}
