package io.providerkind.provider.bench;

import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindServerEndpoint;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.SecretReference;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.NamespacedApi;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.TestApiServer;
import io.providerkind.testsupport.FreePort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Records {@code images/provider/provider.classlist}, the list of classes the image's class-data archive holds
 * (images/provider/Dockerfile dumps the archive from it): provider.jar started as the image starts it, with its pod's
 * credentials ({@link PodCredentials}), against a real API server and kindserver served from memory
 * ({@link HttpsKindServer}), through what a provider's first minutes do — start, a KindCluster of each API group
 * created, its connection Secret published, observed Ready, its probes and metrics asked, the clusters deleted — and
 * stopped with SIGTERM, with {@code -XX:DumpLoadedClassList}. Run it with {@code make provider-classlist} after a
 * change that loads other classes at start (a new library, another informer); ProviderImageIT fails when too many of a
 * start's classes are missing from the archive.
 */
public final class ClassListRecorder {

    /** The namespace of the namespaced KindCluster and of both connection Secrets. */
    private static final String NAMESPACE = "classlist";
    /** Kind cluster names are global per kindserver: one for each API group. */
    private static final String LEGACY = "classlist-legacy";

    private static final String NAMESPACED = "classlist-namespaced";
    private static final Duration WAIT = Duration.ofMinutes(2);

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("classlist.jar"));
        Path output = Path.of(System.getProperty("classlist.output"));
        Path work = Files.createTempDirectory("provider-classlist");
        Path recorded = work.resolve("provider.classlist");
        // class sharing off: every class is loaded, and listed, whatever archive an earlier build left beside the jar
        ImageLaunch launch = ImageLaunch.of(Path.of(System.getProperty("classlist.dockerfile")), jar.getParent())
                .withToolOptions("-Xshare:off -XX:DumpLoadedClassList=" + recorded);
        try (TestApiServer apiServer = TestApiServer.start();
                HttpsKindServer kindserver = new HttpsKindServer(new FakeKindServer())) {
            ProviderHarness harness = ProviderHarness.on(apiServer);
            NamespacedApi namespaced = new NamespacedApi(harness.client());
            KindServerEndpoint endpoint = kindserver.endpoint();
            harness.applyProviderConfig("default", endpoint, ProviderHarness.PASSWORD, null);
            namespaced.clusterProviderConfig("default", endpoint, ProviderHarness.PASSWORD);
            namespaced.namespace(NAMESPACE);
            Map<String, String> pod =
                    PodCredentials.environment(harness.client(), Files.createDirectory(work.resolve("serviceaccount")));
            int metricsPort = FreePort.onLoopback();
            try (ProviderProcess provider = ProviderProcess.start(
                    launch,
                    List.of("--metrics-bind-address", "127.0.0.1:" + metricsPort),
                    pod,
                    work.resolve("provider.log"))) {
                harness.apply(TestKindClusters.applied(
                        LEGACY,
                        TestKindClusters.SEED_CONFIG,
                        new SecretReference(LEGACY + "-conn", NAMESPACE),
                        DeletionPolicy.Delete,
                        List.of(ManagementAction.All)));
                namespaced.apply(NAMESPACE, NAMESPACED, null);
                try {
                    ProviderHarness.waitUpTo(WAIT, "both KindClusters Ready with their connection Secrets")
                            .until(() -> ready(harness, namespaced));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new IllegalStateException(
                            harness.get(LEGACY).getStatus() + "\n"
                                    + namespaced.get(NAMESPACE, NAMESPACED).getStatus() + "\n" + provider.log(),
                            e);
                }
                // as the kubelet's probes and a Prometheus scrape ask, meanwhile
                HttpClient http = HttpClient.newHttpClient();
                for (String path : List.of("/healthz", "/readyz", "/metrics")) {
                    HttpResponse<String> answer = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + answer.statusCode());
                    }
                }
                harness.client().resources(KindCluster.class).withName(LEGACY).delete();
                harness.client()
                        .resources(io.providerkind.provider.api.m.KindCluster.class)
                        .inNamespace(NAMESPACE)
                        .withName(NAMESPACED)
                        .delete();
                ProviderHarness.waitUpTo(WAIT, "both KindClusters deleted").until(() -> gone(harness));
                if (!provider.alive()) {
                    throw new IllegalStateException("the provider exited during the training:\n" + provider.log());
                }
            }
        }
        Files.copy(recorded, output, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(
                "%d classes recorded into %s (the provider's log: %s)%n",
                Files.readAllLines(output).stream()
                        .filter(line -> !line.startsWith("#") && !line.startsWith("@"))
                        .count(),
                output,
                work.resolve("provider.log"));
        System.exit(0);
    }

    private static boolean ready(ProviderHarness harness, NamespacedApi namespaced) {
        KindCluster legacy = harness.get(LEGACY);
        io.providerkind.provider.api.m.KindCluster current = namespaced.get(NAMESPACE, NAMESPACED);
        return legacy != null
                && current != null
                && Conditions.find(legacy, Conditions.READY)
                        .map(c -> c.isTrue())
                        .orElse(false)
                && Conditions.find(current, Conditions.READY)
                        .map(c -> c.isTrue())
                        .orElse(false)
                && harness.secret(NAMESPACE, LEGACY + "-conn") != null
                && harness.secret(NAMESPACE, NAMESPACED + "-conn") != null;
    }

    private static boolean gone(ProviderHarness harness) {
        return harness.client().resources(KindCluster.class).list().getItems().isEmpty()
                && harness.client()
                        .resources(io.providerkind.provider.api.m.KindCluster.class)
                        .inAnyNamespace()
                        .list()
                        .getItems()
                        .isEmpty();
    }
}
