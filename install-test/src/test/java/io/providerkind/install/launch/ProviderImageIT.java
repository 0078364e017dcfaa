package io.providerkind.install.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubeapitest.junit.KubeConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.providerkind.install.RepositoryPaths;
import io.providerkind.install.launch.ProviderContainer.ProcessOwner;
import io.providerkind.testsupport.FreePort;
import io.providerkind.testsupport.process.DockerCli;
import io.providerkind.testsupport.realparts.KubeApiServerBinaries;
import io.providerkind.testsupport.realparts.RealParts;
import io.providerkind.testsupport.realparts.RequiresDocker;
import io.providerkind.testsupport.realparts.RequiresKubeApiServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider image as `make image` builds it from images/provider/Dockerfile, on a local stand-in for its
 * JRE base (eclipse-temurin:17-jre cannot be pulled here), run as a container against a real API server with
 * the package's CRDs: it runs as uid and gid 2000 like a Crossplane provider pod, answers its probes, serves
 * Prometheus metrics, and stops on SIGTERM; its start maps nearly every class from the class-data archive the image
 * build dumps, rather than parsing it from the jar.
 */
@RequiresDocker
@RequiresKubeApiServer
@EnableKubeAPIServer(kubeAPIVersion = KubeApiServerBinaries.VERSION)
class ProviderImageIT {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();
    /** Made by testing/jre-image/build-jre-image.sh (`make setup`). */
    private static final String JRE_IMAGE = "provider-kind-test/jre:17";

    private static final String IMAGE = "provider-kind-test/provider:it-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static final DockerCli DOCKER = new DockerCli(Duration.ofMinutes(3));
    private static final ObjectMapper JSON = new ObjectMapper();

    static KubernetesClient client;

    @KubeConfig
    static String kubeconfig;

    @BeforeAll
    static void buildTheImageOnTheStandInJre() throws Exception {
        RealParts.require(
                DOCKER.hasImage(JRE_IMAGE),
                JRE_IMAGE + ", the stand-in for the image's JRE base, is "
                        + "missing; build it with testing/jre-image/build-jre-image.sh (or make setup)");
        Path jar = PATHS.providerJar();
        assertTrue(Files.isRegularFile(jar), jar + " is missing: it is built by `make build` (mvn package)");
        DOCKER.check(
                "build",
                "--tag",
                IMAGE,
                "--build-arg",
                "JRE_IMAGE=" + JRE_IMAGE,
                "--file",
                PATHS.root().resolve("images/provider/Dockerfile").toString(),
                jar.getParent().toString());
        PackageCrds.install(PATHS.packageCrds(), client);
        CrossplaneNamespace.create(client);
    }

    @AfterAll
    static void removeTheImage() throws Exception {
        if (DOCKER.engineAnswers()) {
            DOCKER.run("rmi", "--force", IMAGE);
        }
    }

    @Test
    void imageRunsAsUid2000AndExposesTheMetricsPort() throws Exception {
        JsonNode config = JSON.readTree(DOCKER.check("image", "inspect", "--format", "{{json .Config}}", IMAGE));

        assertEquals("2000:2000", config.path("User").asText(), "Crossplane runs provider pods as uid and gid 2000");
        assertTrue(config.path("ExposedPorts").has("8080/tcp"), "the metrics port Crossplane names: " + config);
    }

    @Test
    void containerRunsAsUid2000AnswersItsProbesAndServesMetricsFromTheApiServerItReaches(@TempDir Path tmp)
            throws Exception {
        Path config = mountableKubeconfig(tmp);
        int port = FreePort.onLoopback();
        String base = "http://127.0.0.1:" + port;
        Http http = Http.plain();
        try (ProviderContainer provider = ProviderContainer.start(DOCKER, IMAGE, config, port)) {
            provider.await("/healthz 200", Duration.ofSeconds(90), () -> http.ok(base + "/healthz"));
            provider.await("/readyz 200", Duration.ofSeconds(60), () -> http.ok(base + "/readyz"));
            HttpResponse<String> metrics = http.get(base + "/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("# TYPE"), "Prometheus text format:\n" + metrics.body());
            assertTrue(
                    metrics.body().contains("rest_client_requests_total{method=\"GET\"}"),
                    "requests to the API server of the mounted kubeconfig:\n" + metrics.body());

            List<ProcessOwner> processes = provider.processes();
            assertFalse(processes.isEmpty(), "docker top lists the provider's java process");
            assertTrue(
                    processes.stream().allMatch(p -> p.uid() == 2000 && p.gid() == 2000),
                    "every process of the container runs as 2000:2000: " + processes);

            int exit = provider.stop(Duration.ofSeconds(30));
            assertTrue(exit == 0 || exit == 143, "a clean stop on SIGTERM, got " + exit + ":\n" + provider.log());
        }
    }

    @Test
    void theProviderStartsFromTheImagesClassDataArchive(@TempDir Path tmp) throws Exception {
        Path config = mountableKubeconfig(tmp);
        // -Xshare:on: the JVM refuses to start rather than run without the archive it was given
        String options = toolOptions() + " -Xshare:on -Xlog:class+load=info:stdout";
        int port = FreePort.onLoopback();
        String base = "http://127.0.0.1:" + port;
        Http http = Http.plain();
        try (ProviderContainer provider =
                ProviderContainer.start(DOCKER, IMAGE, config, port, List.of("JAVA_TOOL_OPTIONS=" + options))) {
            provider.await("/readyz 200", Duration.ofSeconds(90), () -> http.ok(base + "/readyz"));
            ClassSources sources = ClassSources.of(provider.log().lines().toList());

            assertTrue(
                    sources.archivedShare() >= 0.95,
                    String.format(
                            "%d classes came from the archive and %d were parsed from files, most from %s: the start"
                                    + " loads classes provider.classlist lacks; record it again with `make"
                                    + " provider-classlist`",
                            sources.archived(), sources.parsed(), sources.mostParsed(8)));
        }
    }

    /** The API server's kubeconfig in a file the container mounts, readable inside by uid 2000, not only its owner. */
    private static Path mountableKubeconfig(Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("kubeconfig"), InlineKubeconfig.of(kubeconfig));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        return config;
    }

    /** The image's own JAVA_TOOL_OPTIONS. */
    private static String toolOptions() throws Exception {
        JsonNode env = JSON.readTree(DOCKER.check("image", "inspect", "--format", "{{json .Config.Env}}", IMAGE));
        for (JsonNode variable : env) {
            if (variable.asText().startsWith("JAVA_TOOL_OPTIONS=")) {
                return variable.asText().substring("JAVA_TOOL_OPTIONS=".length());
            }
        }
        throw new AssertionError("the image sets no JAVA_TOOL_OPTIONS: " + env);
    }
}
