package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.InMemoryClusterService;
import io.providerkind.sdk.ClusterChange;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.KindServerClients;
import io.providerkind.sdk.ObservedCluster;
import io.providerkind.testsupport.wait.Waits;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK's observe and awaitChange against kindserver's real HTTP server. */
class SdkAwaitChangeTest {

    private static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    private ApiTestServer server;
    private KindServerClient client;

    @BeforeEach
    void start() {
        server = ApiTestServer.start();
        server.clusters.with(creating(1), CONFIG);
        client = KindServerClients.builder()
                .endpoint("https://127.0.0.1:" + server.api.port() + ApiPaths.CLUSTERS)
                .password(ApiTestServer.PASSWORD)
                .caBundlePem(server.tls.certificatePem())
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void awaitChangeCompletesWithTheNewAnswerAndItsEtag() throws Exception {
        ObservedCluster first = client.observe("push-sdk").orElseThrow();
        String etag = first.etag().orElseThrow();

        CompletableFuture<ClusterChange> change = client.awaitChange("push-sdk", etag, Duration.ofSeconds(20));
        Waits.await("the GET to wait")
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        server.registry.get("kindserver.cluster.waits").gauge().value() == 1);
        assertFalse(change.isDone());
        server.clusters.with(creating(2), CONFIG);

        ClusterChange.Changed changed = assertInstanceOf(ClusterChange.Changed.class, change.get(10, TimeUnit.SECONDS));
        assertEquals(2, changed.now().cluster().progress().step());
        assertNotEquals(first.etag(), changed.now().etag());
        assertEquals(
                client.observe("push-sdk").orElseThrow().etag(), changed.now().etag());
    }

    @Test
    void aCreatesAnswerCarriesTheEtagToWaitOn() {
        ObservedCluster created = client.createObserved("push-sdk-new", CONFIG, null);

        assertEquals(ClusterPhase.Creating, created.cluster().phase());
        assertEquals(client.observe("push-sdk-new").orElseThrow().etag(), created.etag());
        assertTrue(created.etag().isPresent());
    }

    @Test
    void awaitChangeTellsOfNoChangeWhenItsTimeoutPasses() throws Exception {
        String etag = client.observe("push-sdk").orElseThrow().etag().orElseThrow();

        ClusterChange change =
                client.awaitChange("push-sdk", etag, Duration.ofSeconds(1)).get(10, TimeUnit.SECONDS);

        assertInstanceOf(ClusterChange.Unchanged.class, change);
    }

    @Test
    void awaitChangeTellsOfAClusterThatIsGone() throws Exception {
        String etag = client.observe("push-sdk").orElseThrow().etag().orElseThrow();
        CompletableFuture<ClusterChange> change = client.awaitChange("push-sdk", etag, Duration.ofSeconds(20));

        server.clusters.forget("push-sdk");

        assertInstanceOf(ClusterChange.Gone.class, change.get(10, TimeUnit.SECONDS));
    }

    private static ClusterInfo creating(int step) {
        return InMemoryClusterService.creatingAtStep("push-sdk", step);
    }
}
