package io.providerkind.kindserver.bench;

import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerProcess;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.testsupport.process.ProcessUsage;
import io.providerkind.testsupport.wait.Waits;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * GET /api/v1/kindserver/{name} near the machine's ceiling, each figure beside nginx serving the same bytes over
 * TLS 1.3 in the same run ({@link Nginx}): throughput with wrk at 100 keep-alive connections, p99 latency of an
 * open-loop 1,000 req/s over 100 connections ({@link OpenLoop}), the CPU time each server spent per GET under wrk
 * ({@link ProcessUsage}), and the bytes kindserver's JVM allocates per GET ({@link JvmAllocation}). kindserver runs in its own JVM, as operators start it, and knows one cluster made by the
 * kind test double. About a minute; needs {@code make bench-setup} (wrk, nginx-light).
 *
 * <p>Not a test: it prints figures. Run with {@code mvn -pl kindserver -am verify -Pbench-get -DskipTests}.
 */
public final class GetBenchmark {

    static final String CLUSTER = "bench-get-1";
    static final String PATH = "/api/v1/kindserver/" + CLUSTER;
    private static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";
    private static final int MAX_WARM_UP_ROUNDS = 10;

    /** Javalin's name for Jetty's request thread pool. */
    private static final String REQUEST_THREADS = "JettyServerThreadPool";

    private static final Duration WRK_TIME = Duration.ofSeconds(10);
    private static final OpenLoop PACED = new OpenLoop(100, 1_000, Duration.ofSeconds(2), Duration.ofSeconds(10));

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
                JvmAllocation allocation = JvmAllocation.attach(kindserver.pid())) {
            try (KeepAliveConnection connection = KeepAliveConnection.open(ca, nginx.port(), PATH, password)) {
                if (!Arrays.equals(body, connection.get().body())) {
                    throw new IllegalStateException("nginx does not serve kindserver's bytes");
                }
            }
            Wrk wrk = new Wrk(100, work);
            String kindserverUrl = "https://127.0.0.1:" + kindserver.port() + PATH;
            String nginxUrl = "https://127.0.0.1:" + nginx.port() + PATH;
            String loadBefore = loadAverage();
            warmUp(wrk, kindserverUrl, password, allocation);
            long nginxCpu = ProcessUsage.cpuNanosWithDescendants(nginx.pid());
            Wrk.Result nginxWrk = wrk.run(nginxUrl, password, WRK_TIME);
            nginxCpu = ProcessUsage.cpuNanosWithDescendants(nginx.pid()) - nginxCpu;
            long kindserverCpu = ProcessUsage.cpuNanosWithDescendants(kindserver.pid());
            JvmAllocation.Spent before = allocation.spent(REQUEST_THREADS);
            Wrk.Result kindserverWrk = wrk.run(kindserverUrl, password, WRK_TIME);
            JvmAllocation.Spent spent = allocation.spent(REQUEST_THREADS).minus(before);
            kindserverCpu = ProcessUsage.cpuNanosWithDescendants(kindserver.pid()) - kindserverCpu;
            OpenLoop.Connector toNginx = () -> KeepAliveConnection.open(ca, nginx.port(), PATH, password);
            warmUpGenerator(toNginx);
            OpenLoop.Result nginxPaced = PACED.run(toNginx);
            OpenLoop.Result kindserverPaced =
                    PACED.run(() -> KeepAliveConnection.open(ca, kindserver.port(), PATH, password));
            print(body.length, nginxWrk, kindserverWrk, nginxPaced, kindserverPaced);
            long served = Math.max(1, kindserverWrk.requests());
            row(
                    "CPU per GET during wrk, whole process (microseconds)",
                    kindserverCpu / 1e3 / served,
                    nginxCpu / 1e3 / Math.max(1, nginxWrk.requests()),
                    "");
            row(
                    "CPU per GET during wrk, kindserver's request threads (us)",
                    spent.cpuNanos() / 1e3 / served,
                    nginxCpu / 1e3 / Math.max(1, nginxWrk.requests()),
                    "");
            System.out.printf(
                    Locale.ROOT,
                    "%-58s %12.0f%n",
                    "allocated per GET by kindserver's request threads (bytes)",
                    (double) spent.allocatedBytes() / served);
            System.out.println("load average before / after: " + loadBefore + " / " + loadAverage()
                    + " (other work on the machine lowers both servers' rates; CPU per GET is what each spent)");
        }
    }

    /**
     * Runs wrk against kindserver until its JIT has settled (under 2% of a round spent compiling), at most
     * {@value #MAX_WARM_UP_ROUNDS} rounds of 3 s, so that no figure measures the JIT at work: a GET served by
     * interpreted or C1 code (AES-GCM's GHASH without its intrinsic) costs several times a compiled one.
     */
    private static void warmUp(Wrk wrk, String url, String password, JvmAllocation jvm) throws Exception {
        Duration round = Duration.ofSeconds(3);
        for (int i = 1; i <= MAX_WARM_UP_ROUNDS; i++) {
            long compiled = jvm.compilationMillis();
            wrk.run(url, password, round);
            long spent = jvm.compilationMillis() - compiled;
            if (spent < round.toMillis() / 50) {
                System.out.printf(Locale.ROOT, "warm-up: JIT settled after %d s of wrk%n", i * round.toSeconds());
                return;
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: JIT still compiling after %d s of wrk%n", MAX_WARM_UP_ROUNDS * 3);
    }

    /**
     * Runs the open-loop generator, uncounted, until this JVM's own JIT has settled, as {@link #warmUp} does for
     * kindserver's: the generator's TLS runs in this JVM, and cold it is slower than either server, so whichever
     * server it measured first was charged for the client's compiling (nginx's p99 read seconds).
     */
    private static void warmUpGenerator(OpenLoop.Connector connector) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        Duration round = Duration.ofSeconds(3);
        OpenLoop warming = new OpenLoop(PACED.connections(), PACED.rate(), Duration.ZERO, round);
        for (int i = 1; i <= MAX_WARM_UP_ROUNDS; i++) {
            long compiled = jit.getTotalCompilationTime();
            warming.run(connector);
            if (jit.getTotalCompilationTime() - compiled < round.toMillis() / 50) {
                System.out.printf(Locale.ROOT, "warm-up: the generator's JIT settled after %d s%n", i * 3);
                return;
            }
        }
        System.out.printf(
                Locale.ROOT, "warm-up: the generator's JIT still compiling after %d s%n", MAX_WARM_UP_ROUNDS * 3);
    }

    private static String loadAverage() throws java.io.IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static void print(
            int bytes,
            Wrk.Result nginxWrk,
            Wrk.Result kindserverWrk,
            OpenLoop.Result nginxPaced,
            OpenLoop.Result kindserverPaced) {
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
        row(
                "p99 at 1,000 req/s open loop, 100 connections (ms)",
                kindserverPaced.p99() / 1e6,
                nginxPaced.p99() / 1e6,
                "<= 2");
        row("p50 at 1,000 req/s (ms)", kindserverPaced.p50() / 1e6, nginxPaced.p50() / 1e6, "");
        row("p99.9 at 1,000 req/s (ms)", kindserverPaced.p999() / 1e6, nginxPaced.p999() / 1e6, "");
        row("max at 1,000 req/s (ms)", kindserverPaced.max() / 1e6, nginxPaced.max() / 1e6, "");
        System.out.printf(
                Locale.ROOT,
                "requests: wrk %d / %d (failed %d / %d); open loop %d / %d at %.0f / %.0f req/s (failed %d / %d)%n",
                kindserverWrk.requests(),
                nginxWrk.requests(),
                kindserverWrk.failures(),
                nginxWrk.failures(),
                kindserverPaced.requests(),
                nginxPaced.requests(),
                kindserverPaced.perSecond(),
                nginxPaced.perSecond(),
                kindserverPaced.failures(),
                nginxPaced.failures());
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
