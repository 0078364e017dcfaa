package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerFixture;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.testsupport.realparts.RequiresDocker;
import io.providerkind.testsupport.wait.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kindserver as a whole, over HTTPS through the SDK, on the real Docker engine with the kind test double:
 * what a provider-kind user sees.
 */
@RequiresDocker
class KindServerEndToEndTest {

    static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> CLUSTERS = List.of("e2e-one", "e2e-par-a", "e2e-par-b", "e2e-par-c");

    @TempDir
    static Path stateDir;

    private static KindServerFixture kindserver;

    @BeforeAll
    static void start() {
        kindserver = KindServerFixture.start(stateDir, 3);
    }

    @AfterAll
    static void stop() {
        if (kindserver != null) {
            kindserver.close();
        }
        KindContainers.removeAll(CLUSTERS.toArray(String[]::new));
    }

    static ClusterInfo awaitPhase(KindServerClient client, String name, ClusterPhase phase) {
        return Waits.await(name + " to be " + phase)
                .atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> client.find(name).orElse(null),
                        cluster -> cluster != null
                                && (cluster.phase() == phase || cluster.phase() == ClusterPhase.Failed));
    }

    static void awaitGone(KindServerClient client, String name) {
        Waits.await(name + " to be gone")
                .atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> client.find(name), Optional::isEmpty);
    }

    @Test
    void createsAClusterThatBecomesReadyWithBothKubeconfigsSurvivesARestartAndIsDeleted() {
        KindServerClient client = kindserver.client();

        ClusterInfo accepted = client.create("e2e-one", CONFIG);
        assertEquals(ClusterPhase.Creating, accepted.phase());
        ClusterInfo ready = awaitPhase(client, "e2e-one", ClusterPhase.Ready);

        assertEquals(ClusterPhase.Ready, ready.phase(), "message: " + ready.message());
        assertTrue(ready.endpoint().startsWith("https://127.0.0.1:"), ready.endpoint());
        assertTrue(ready.kubeconfig().contains("server: " + ready.endpoint()), ready.kubeconfig());
        assertTrue(
                ready.internalKubeconfig().contains("https://e2e-one-control-plane:6443"), ready.internalKubeconfig());
        assertFalse(ready.nodes().isEmpty());
        assertTrue(
                ready.nodes().stream().allMatch(node -> node.running()),
                ready.nodes().toString());
        ClusterInfo listed = client.list().stream()
                .filter(c -> c.name().equals("e2e-one"))
                .findFirst()
                .orElseThrow();
        assertNull(listed.kubeconfig(), "list answers carry no kubeconfigs");
        assertEquals(
                ClusterPhase.Ready,
                client.create("e2e-one", CONFIG).phase(),
                "a repeated create is answered, not rerun");

        kindserver.restart();
        KindServerClient afterRestart = kindserver.client();
        ClusterInfo again = afterRestart.get("e2e-one");
        assertEquals(ClusterPhase.Ready, again.phase());
        assertEquals(ready.endpoint(), again.endpoint(), "the API server port is remembered");

        assertTrue(afterRestart.delete("e2e-one"));
        awaitGone(afterRestart, "e2e-one");
        assertTrue(KindContainers.of("e2e-one").isEmpty(), "no node container is left");
        assertFalse(afterRestart.delete("e2e-one"), "deleting a gone cluster is a 404, which the SDK reports as false");
    }

    @Test
    void createsClustersConcurrentlyEachWithItsOwnApiServerPort() throws Exception {
        List<String> names = List.of("e2e-par-a", "e2e-par-b", "e2e-par-c");
        KindServerClient client = kindserver.client();
        ExecutorService callers = Executors.newFixedThreadPool(names.size());
        try {
            List<CompletableFuture<ClusterInfo>> creates = names.stream()
                    .map(name -> CompletableFuture.supplyAsync(() -> client.create(name, CONFIG), callers))
                    .toList();
            for (CompletableFuture<ClusterInfo> create : creates) {
                assertEquals(ClusterPhase.Creating, create.get().phase());
            }
        } finally {
            callers.shutdown();
        }

        List<ClusterInfo> ready = names.stream()
                .map(name -> awaitPhase(client, name, ClusterPhase.Ready))
                .toList();

        ready.forEach(cluster ->
                assertEquals(ClusterPhase.Ready, cluster.phase(), cluster.name() + ": " + cluster.message()));
        Set<String> endpoints = ready.stream().map(ClusterInfo::endpoint).collect(Collectors.toSet());
        assertEquals(names.size(), endpoints.size(), "every cluster has its own API server port: " + endpoints);
        names.forEach(name -> assertTrue(client.delete(name)));
        names.forEach(name -> awaitGone(client, name));
        names.forEach(name -> assertTrue(KindContainers.of(name).isEmpty(), name + " left containers"));
    }
}
