package io.providerkind.install.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubeapitest.junit.KubeConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.providerkind.install.RepositoryPaths;
import io.providerkind.testsupport.FreePort;
import io.providerkind.testsupport.process.JavaProcess;
import io.providerkind.testsupport.realparts.KubeApiServerBinaries;
import io.providerkind.testsupport.realparts.RequiresKubeApiServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * provider.jar started as `make run-provider` starts it, against the cluster of the current kubeconfig
 * (a real API server with the package's CRDs): it answers /healthz and /readyz and serves metrics on the
 * port Crossplane's runtime exposes, and stops on SIGTERM.
 */
@RequiresKubeApiServer
@EnableKubeAPIServer(kubeAPIVersion = KubeApiServerBinaries.VERSION)
class ProviderJarIT {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();

    static KubernetesClient client;

    @KubeConfig
    static String kubeconfig;

    @TempDir
    Path tmp;

    @BeforeAll
    static void installThePackagesCrdsInACrossplaneCluster() throws Exception {
        PackageCrds.install(PATHS.packageCrds(), client);
        CrossplaneNamespace.create(client);
    }

    @Test
    void answersItsHealthProbesAndServesMetrics() throws Exception {
        Path config = Files.writeString(tmp.resolve("kubeconfig"), kubeconfig);
        int port = FreePort.onLoopback();
        String base = "http://127.0.0.1:" + port;
        Http http = Http.plain();
        try (JavaProcess provider = new PackagedJar(PATHS.providerJar())
                .start(
                        List.of("--metrics-bind-address", "127.0.0.1:" + port),
                        Map.of("KUBECONFIG", config.toString()),
                        List.of(),
                        tmp.resolve("provider.log"))) {
            provider.await("provider health port " + port, Duration.ofSeconds(60), () -> Http.listening(port));
            provider.await("/healthz 200", Duration.ofSeconds(60), () -> http.ok(base + "/healthz"));
            provider.await("/readyz 200", Duration.ofSeconds(60), () -> http.ok(base + "/readyz"));
            assertTrue(
                    provider.log()
                            .lines()
                            .anyMatch(
                                    line -> line.matches(
                                            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"
                                                    + " INFO  ProviderMain starting provider-kind against https://127\\.0\\.0\\.1:.*")),
                    "one line per event: time, level, logger, message:\n" + provider.log());
            HttpResponse<String> metrics = http.get(base + "/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("# TYPE"), "Prometheus text format:\n" + metrics.body());

            assertTrue(
                    client.configMaps()
                                    .inNamespace(CrossplaneNamespace.NAME)
                                    .withName("provider-kind-identity")
                                    .get()
                            != null,
                    "its identity is kept in Crossplane's namespace");

            int exit = provider.stop(Duration.ofSeconds(60));
            assertTrue(exit == 0 || exit == 143, "a clean stop on SIGTERM, got " + exit + ":\n" + provider.log());
        }
    }

    @Test
    void aMetricsPortInUseStopsItWithOneLineSayingSo() throws Exception {
        Path config = Files.writeString(tmp.resolve("kubeconfig"), kubeconfig);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                JavaProcess provider = new PackagedJar(PATHS.providerJar())
                        .start(
                                List.of("--metrics-bind-address", "127.0.0.1:" + taken.getLocalPort()),
                                Map.of("KUBECONFIG", config.toString()),
                                List.of(),
                                tmp.resolve("provider.log"))) {
            assertStopsSayingInOneLine(
                    provider,
                    "ERROR ProviderMain provider-kind cannot start: cannot serve metrics on /127.0.0.1:"
                            + taken.getLocalPort() + " (--metrics-bind-address): Address already in use");
        }
    }

    @Test
    void withoutItsNamespaceItExitsSayingWhatToDoInOneLine() throws Exception {
        Path config = Files.writeString(tmp.resolve("kubeconfig"), kubeconfig);
        int port = FreePort.onLoopback();
        try (JavaProcess provider = new PackagedJar(PATHS.providerJar())
                .start(
                        List.of("--metrics-bind-address", "127.0.0.1:" + port),
                        Map.of("KUBECONFIG", config.toString(), "POD_NAMESPACE", "not-made"),
                        List.of(),
                        tmp.resolve("provider.log"))) {
            assertStopsSayingInOneLine(
                    provider,
                    "provider-kind cannot start: cannot create ConfigMap not-made/provider-kind-identity:"
                            + " namespace not-made does not exist;");
        }
    }

    /** Exit status 1, {@code line} in the log, and no stack trace. */
    private static void assertStopsSayingInOneLine(JavaProcess provider, String line) throws InterruptedException {
        assertEquals(1, provider.exitCode(Duration.ofSeconds(60)), provider.log());
        String log = provider.log();
        assertTrue(log.contains(line), log);
        assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
    }
}
