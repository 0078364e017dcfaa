package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.NodeInfo;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster's answer reaches its client whole, with its length and not compressed, whatever route sends it: the
 * answer of a Ready cluster (its two kubeconfigs, about 12 KB) is larger than the 8 KB that Jetty gathers before
 * it sends, which is where an answer without a length goes out in chunks.
 */
class ClusterAnswerFramingTest {

    private static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";
    private static final String NAME = "framed";
    private static final String PATH = ApiPaths.CLUSTERS + "/" + NAME;

    private ApiTestServer server;

    @BeforeEach
    void start() {
        server = ApiTestServer.start();
        server.clusters.with(ready("v1.31.0"), CONFIG);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aGetIsAnsweredWithTheLengthOfItsWholeBody() {
        HttpResponse<String> response = server.call("GET", PATH, null);

        assertEquals(200, response.statusCode(), response.body());
        assertWholeWithItsLength(response);
        assertEquals("Ready", server.json(response).path("phase").asText());
    }

    @Test
    void aClientThatAcceptsGzipGetsTheSameBytesUncompressed() {
        String plain = server.call("GET", PATH, null).body();

        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri(PATH))
                .header("Authorization", "Bearer " + ApiTestServer.PASSWORD)
                .header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(10))
                .build());

        assertEquals(200, response.statusCode());
        assertEquals(List.of(), response.headers().allValues("Content-Encoding"));
        assertWholeWithItsLength(response);
        assertEquals(plain, response.body());
    }

    @Test
    void aWaitEndedByAChangeIsAnsweredWithTheLengthOfItsWholeBody() throws Exception {
        String etag =
                server.call("GET", PATH, null).headers().firstValue("ETag").orElseThrow();
        CompletableFuture<HttpResponse<String>> waiting = server.waitForChange(PATH, etag, 20);
        server.awaitWaiting(1);

        server.clusters.with(ready("v1.31.1"), CONFIG);

        HttpResponse<String> changed = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(200, changed.statusCode(), changed.body());
        assertWholeWithItsLength(changed);
        assertEquals("v1.31.1", server.json(changed).path("kubernetesVersion").asText());
    }

    private static void assertWholeWithItsLength(HttpResponse<String> response) {
        int bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
        assertEquals(List.of(), response.headers().allValues("Transfer-Encoding"), "sent in chunks");
        assertEquals(OptionalLong.of(bytes), response.headers().firstValueAsLong("Content-Length"));
    }

    /** A Ready cluster whose answer, like a real one, is larger than what Jetty gathers before sending. */
    private static ClusterInfo ready(String version) {
        String kubeconfig =
                "apiVersion: v1\nkind: Config\nusers:\n- user:\n    client-key-data: " + "QUJD".repeat(1_500);
        ClusterInfo cluster = new ClusterInfo(
                NAME,
                ClusterPhase.Ready,
                null,
                "https://127.0.0.1:36443",
                kubeconfig,
                kubeconfig.replace("Config", "Config # internal"),
                version,
                "192.0.2.5",
                List.of(new NodeInfo(NAME + "-control-plane", "control-plane", "running", "192.0.2.5")),
                "abc123",
                null,
                Instant.parse("2025-03-31T10:15:30Z"),
                "owner-1");
        assertTrue(cluster.kubeconfig().length() > 8 * 1024 / 2, "both kubeconfigs together exceed 8 KB");
        return cluster;
    }
}
