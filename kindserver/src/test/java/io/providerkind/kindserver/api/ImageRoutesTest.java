package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.providerkind.kindserver.testing.InMemoryClusterService;
import io.providerkind.kindserver.testing.InMemoryClusterService.Call;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.LocalRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The image route and the list's registry, over HTTPS against a cluster service in memory. */
class ImageRoutesTest {

    private static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    private ApiTestServer server;

    @BeforeEach
    void start() {
        server = ApiTestServer.start();
        server.clusters.with(cluster("dev", ClusterPhase.Ready), CONFIG);
        server.clusters.with(InMemoryClusterService.creatingAtStep("busy", 2), CONFIG);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ClusterInfo cluster(String name, ClusterPhase phase) {
        return new ClusterInfo(name, phase, null, null, null, null, null, null, List.of(), "abc", null, Instant.EPOCH);
    }

    @Test
    void queuesEachImageOnceAndAnswers202WithTheClusterAndItsGetEtag() {
        assertFalse(
                server.json(server.call("GET", "/api/v1/kindserver/dev", null)).has("images"),
                "a cluster no image was asked for has no images field");

        HttpResponse<String> answer = server.call(
                "POST", "/api/v1/kindserver/dev/images", "{\"images\":[\"app:1\",\"127.0.0.1:5001/api:2\",\"app:1\"]}");

        assertEquals(202, answer.statusCode(), answer.body());
        JsonNode images = server.json(answer).path("images");
        assertEquals("app:1", images.path(0).path("image").asText());
        assertEquals("Pending", images.path(0).path("state").asText());
        assertEquals("127.0.0.1:5001/api:2", images.path(1).path("image").asText());
        assertEquals(2, images.size(), "an image named twice is asked once");
        assertEquals(List.of(new Call("LOAD", "dev", "app:1,127.0.0.1:5001/api:2")), loads());
        HttpResponse<String> get = server.call("GET", "/api/v1/kindserver/dev", null);
        assertEquals(get.headers().firstValue("ETag"), answer.headers().firstValue("ETag"));
    }

    @Test
    void aClusterNotReadyIs409AndAnUnknownOne404() {
        HttpResponse<String> busy = server.call("POST", "/api/v1/kindserver/busy/images", "{\"images\":[\"app:1\"]}");
        HttpResponse<String> gone = server.call("POST", "/api/v1/kindserver/gone/images", "{\"images\":[\"app:1\"]}");

        assertEquals(409, busy.statusCode());
        assertEquals("conflict", server.json(busy).path("error").asText());
        assertTrue(server.json(busy).path("message").asText().contains("Creating"), busy.body());
        assertEquals(404, gone.statusCode());
        assertEquals("cluster_not_found", server.json(gone).path("error").asText());
    }

    @Test
    void aBadListIsRefusedBeforeTheServiceSeesIt() {
        for (String body : List.of(
                "{\"images\":[]}", "{}", "{\"images\":[\"Bad\"]}", "{\"images\":\"app:1\"}", "", "[\"app:1\"]")) {
            HttpResponse<String> answer = server.call("POST", "/api/v1/kindserver/dev/images", body);
            assertEquals(400, answer.statusCode(), body + " -> " + answer.body());
            assertEquals("bad_request", server.json(answer).path("error").asText(), body);
        }
        assertEquals(List.of(), loads(), "nothing reached the service");
    }

    @Test
    void theListNamesTheRegistryOnlyWhenKindServerRunsOne() {
        assertFalse(server.json(server.call("GET", "/api/v1/kindserver", null)).has("registry"));

        server.clusters.withRegistry(new LocalRegistry("127.0.0.1:5001", "kindserver-registry:5000"));
        JsonNode registry =
                server.json(server.call("GET", "/api/v1/kindserver", null)).path("registry");

        assertEquals("127.0.0.1:5001", registry.path("hostAddress").asText());
        assertEquals("kindserver-registry:5000", registry.path("clusterAddress").asText());
    }

    private List<Call> loads() {
        return server.clusters.calls().stream()
                .filter(call -> call.method().equals("LOAD"))
                .toList();
    }
}
