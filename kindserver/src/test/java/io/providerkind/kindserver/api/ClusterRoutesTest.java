package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.providerkind.kindserver.clusters.ServiceUnavailableException;
import io.providerkind.kindserver.kind.InvalidRequestException;
import io.providerkind.kindserver.testing.InMemoryClusterService.Call;
import io.providerkind.kindserver.testing.LogCapture;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerJson;
import io.providerkind.sdk.NodeInfo;
import io.providerkind.sdk.Progress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterRoutesTest {

    private static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";
    private static final String BODY = "{\"kindConfig\":\"kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\n\"}";
    private static final ClusterInfo READY = new ClusterInfo(
            "dev",
            ClusterPhase.Ready,
            null,
            "https://127.0.0.1:36443",
            "apiVersion: v1\nkind: Config\n",
            "apiVersion: v1\nkind: Config # internal\n",
            "v1.31.0",
            "127.0.0.5",
            List.of(new NodeInfo("dev-control-plane", "control-plane", "running", "127.0.0.5")),
            "abc123",
            null,
            Instant.parse("2025-03-31T10:15:30Z"));

    private ApiTestServer server;

    @BeforeEach
    void start() {
        server = ApiTestServer.start();
        server.clusters.with(READY, CONFIG);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsClustersWithoutKubeconfigs() {
        HttpResponse<String> response = server.call("GET", "/api/v1/kindserver", null);

        assertEquals(200, response.statusCode());
        JsonNode cluster = server.json(response).path("clusters").path(0);
        assertEquals("dev", cluster.path("name").asText());
        assertFalse(cluster.has("kubeconfig"));
        assertFalse(cluster.has("internalKubeconfig"));
    }

    @Test
    void getsOneClusterWithItsKubeconfigsAndIsoTimesAndNoNulls() {
        HttpResponse<String> response = server.call("GET", "/api/v1/kindserver/dev", null);

        assertEquals(200, response.statusCode());
        JsonNode cluster = server.json(response);
        assertEquals("Ready", cluster.path("phase").asText());
        assertEquals(
                "apiVersion: v1\nkind: Config\n", cluster.path("kubeconfig").asText());
        assertEquals("2025-03-31T10:15:30Z", cluster.path("createdAt").asText());
        assertEquals("127.0.0.5", cluster.path("internalIP").asText());
        assertEquals("control-plane", cluster.path("nodes").path(0).path("role").asText());
        assertFalse(cluster.has("message") || cluster.has("progress"), "nulls are omitted: " + cluster);
    }

    @Test
    void getAnswersWithTheBytesJacksonWritesAndAChangeOfTheClusterAtOnce() throws Exception {
        ObjectMapper mapper = KindServerJson.newObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        ClusterInfo failed = new ClusterInfo(
                "dev",
                ClusterPhase.Failed,
                null,
                null,
                null,
                null,
                "v1.31.0",
                null,
                List.of(),
                "abc123",
                "kind a échoué → réessayez",
                Instant.parse("2025-03-31T10:15:30Z"),
                "owner-1");

        HttpResponse<byte[]> ready = getBytes("/api/v1/kindserver/dev");
        server.clusters.with(failed, CONFIG);
        HttpResponse<byte[]> changed = getBytes("/api/v1/kindserver/dev");

        assertEquals(200, ready.statusCode());
        assertEquals(
                "application/json", ready.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(mapper.writeValueAsString(READY).getBytes(StandardCharsets.UTF_8), ready.body());
        assertArrayEquals(mapper.writeValueAsString(failed).getBytes(StandardCharsets.UTF_8), changed.body());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        return server.http.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Authorization", "Bearer " + ApiTestServer.PASSWORD)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void answersAnUnknownClusterWith404Json() {
        HttpResponse<String> response = server.call("GET", "/api/v1/kindserver/nope", null);

        assertEquals(404, response.statusCode());
        assertEquals("cluster_not_found", server.json(response).path("error").asText(), "not a route's not_found");
        assertTrue(server.json(response).path("message").asText().contains("nope"));
    }

    @Test
    void acceptsANewClusterWith202AndPassesTheConfigAsGiven() {
        HttpResponse<String> response = server.call("POST", "/api/v1/kindserver/new", BODY);

        assertEquals(202, response.statusCode(), response.body());
        assertEquals("Creating", server.json(response).path("phase").asText());
        assertTrue(
                server.clusters.calls().contains(new Call("create", "new", CONFIG)),
                server.clusters.calls().toString());
    }

    @Test
    void answersAnExistingClusterWithTheSameConfigWith200() {
        HttpResponse<String> response = server.call("POST", "/api/v1/kindserver/dev", BODY);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Ready", server.json(response).path("phase").asText());
    }

    @Test
    void answersAnExistingClusterWithAnotherConfigWith409() {
        String other = "{\"kindConfig\":\"kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\nname: other\\n\"}";

        HttpResponse<String> response = server.call("POST", "/api/v1/kindserver/dev", other);

        assertEquals(409, response.statusCode());
        assertEquals("conflict", server.json(response).path("error").asText());
        assertTrue(server.json(response).path("message").asText().contains("another kind config"));
    }

    @Test
    void deletesAKnownClusterWith202AndAnUnknownOneWith404() {
        HttpResponse<String> deleting = server.call("DELETE", "/api/v1/kindserver/dev", null);
        HttpResponse<String> gone = server.call("DELETE", "/api/v1/kindserver/dev", null);

        assertEquals(202, deleting.statusCode());
        assertEquals("Deleting", server.json(deleting).path("phase").asText());
        assertEquals(404, gone.statusCode());
        assertEquals("cluster_not_found", server.json(gone).path("error").asText());
    }

    @Test
    void translatesTheServicesInvalidRequestTo400() {
        server.clusters.failWith(name -> new InvalidRequestException("cluster " + name + " is not acceptable"));

        HttpResponse<String> response = server.call("DELETE", "/api/v1/kindserver/dev", null);

        assertEquals(400, response.statusCode());
        assertEquals(
                "cluster dev is not acceptable",
                server.json(response).path("message").asText());
    }

    @Test
    void answersAnUnexpectedFailureWithAGeneric500AndOneLogLineWithContext() {
        server.clusters.failWith(name -> new IllegalStateException("disk on fire at /var/lib/secret-path"));

        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = server.call("GET", "/api/v1/kindserver/dev", null);

            assertEquals(500, response.statusCode());
            assertEquals("internal_error", server.json(response).path("error").asText());
            assertFalse(
                    response.body().contains("disk on fire") || response.body().contains("IllegalStateException"),
                    "no internal detail leaks: " + response.body());
            long errors = logs.events().stream()
                    .filter(e -> e.getLevel().toString().equals("ERROR"))
                    .count();
            assertEquals(1, errors, logs.text());
            assertTrue(
                    logs.text().contains("GET /api/v1/kindserver/dev")
                            && logs.text().contains("disk on fire"),
                    logs.text());
        }
    }

    @Test
    void answersCreateDuringShutdownWith503AndRetryAfterSoClientsRetry() {
        server.clusters.failWith(name -> new ServiceUnavailableException("kindserver is shutting down"));

        HttpResponse<String> response = server.call("POST", "/api/v1/kindserver/late", BODY);

        assertEquals(503, response.statusCode());
        assertEquals("not_ready", server.json(response).path("error").asText());
        assertEquals(
                "kindserver is shutting down",
                server.json(response).path("message").asText());
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void servesProgressAsStepTotalAndText() {
        server.clusters.with(
                new ClusterInfo(
                        "busy",
                        ClusterPhase.Creating,
                        new Progress(3, 7, "Writing configuration"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        "h",
                        null,
                        Instant.parse("2025-03-31T10:15:30Z")),
                CONFIG);

        JsonNode progress =
                server.json(server.call("GET", "/api/v1/kindserver/busy", null)).path("progress");

        assertEquals(3, progress.path("step").asInt());
        assertEquals(7, progress.path("total").asInt());
        assertEquals("Writing configuration", progress.path("text").asText());
    }
}
