package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.InMemoryClusterService;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.testsupport.wait.Waits;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET with ?waitForChange on the real HTTP server: held until the cluster's answer changes, it is gone, or time. */
class WaitForChangeRoutesTest {

    private static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";
    private static final String PATH = ApiPaths.CLUSTERS + "/push-wait";

    private ApiTestServer server;

    @BeforeEach
    void start() {
        server = ApiTestServer.start();
        server.clusters.with(creating(1), CONFIG);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyAnswerHasAnEtagThatChangesWithTheAnswerOnly() {
        String first = etag(server.call("GET", PATH, null));
        assertTrue(first.matches("\"[A-Za-z0-9_-]{22}\""), first);
        assertEquals(first, etag(server.call("GET", PATH, null)));

        server.clusters.with(creating(2), CONFIG);

        assertNotEquals(first, etag(server.call("GET", PATH, null)));
    }

    @Test
    void createAndDeleteAnswerWithTheEtagOfTheClustersGetAnswer() {
        HttpResponse<String> created = server.call(
                "POST",
                ApiPaths.CLUSTERS + "/push-new",
                "{\"kindConfig\":\"kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\n\"}");
        assertEquals(202, created.statusCode(), created.body());
        assertEquals(etag(server.call("GET", ApiPaths.CLUSTERS + "/push-new", null)), etag(created));

        HttpResponse<String> deleted = server.call("DELETE", PATH, null);
        assertEquals(202, deleted.statusCode(), deleted.body());
        assertEquals("Deleting", server.json(deleted).path("phase").asText());
        assertTrue(etag(deleted).matches("\"[A-Za-z0-9_-]{22}\""), etag(deleted));
    }

    @Test
    void aWaitIsAnsweredWithTheNewAnswerOnceTheClusterChanges() throws Exception {
        String etag = etag(server.call("GET", PATH, null));
        CompletableFuture<HttpResponse<String>> waiting = waitFor(etag, 20);
        server.awaitWaiting(1);
        server.clusters.touch("push-wait"); // told of a change that changed nothing: the wait goes on

        server.clusters.with(creating(2), CONFIG);

        HttpResponse<String> changed = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(2, server.json(changed).path("progress").path("step").asInt());
        assertEquals(etag(server.call("GET", PATH, null)), etag(changed));
        assertEquals(0, server.waiting());
    }

    @Test
    void aWaitOnAnOlderEtagIsAnsweredAtOnce() {
        String old = etag(server.call("GET", PATH, null));
        server.clusters.with(creating(2), CONFIG);

        HttpResponse<String> response = server.call("GET", PATH + ApiTestServer.waitQuery(old, 20), null);

        assertEquals(200, response.statusCode());
        assertEquals(2, server.json(response).path("progress").path("step").asInt());
    }

    @Test
    void aWaitWithoutChangeEndsAfterItsTimeoutWithNotModified() throws Exception {
        String etag = etag(server.call("GET", PATH, null));

        HttpResponse<String> response = waitFor(etag, 1).get(10, TimeUnit.SECONDS);

        assertEquals(304, response.statusCode());
        assertEquals(etag, etag(response));
        assertEquals("", response.body());
    }

    @Test
    void aWaitOnAClusterThatIsDeletedEndsWithClusterNotFound() throws Exception {
        String etag = etag(server.call("GET", PATH, null));
        CompletableFuture<HttpResponse<String>> waiting = waitFor(etag, 20);
        server.awaitWaiting(1);

        server.clusters.forget("push-wait");

        HttpResponse<String> gone = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(404, gone.statusCode());
        assertEquals("cluster_not_found", server.json(gone).path("error").asText());
    }

    @Test
    void badParametersAreBadRequests() {
        String etag = etag(server.call("GET", PATH, null));
        for (String query : List.of(
                "?waitForChange=not%20an%20etag",
                "?waitForChange=",
                ApiTestServer.waitQuery(etag, 0),
                ApiTestServer.waitQuery(etag, 26),
                "?waitForChange=" + URLEncoder.encode(etag, StandardCharsets.UTF_8) + "&timeoutSeconds=soon",
                "?timeoutSeconds=5")) {
            HttpResponse<String> response = server.call("GET", PATH + query, null);
            assertEquals(400, response.statusCode(), query);
            assertEquals("bad_request", server.json(response).path("error").asText(), query);
        }
    }

    @Test
    void stoppingKindserverAnswersWaitingRequestsAtOnce() throws Exception {
        server.close();
        server = ApiTestServer.startStoppingGracefully();
        server.clusters.with(creating(1), CONFIG);
        String etag = etag(server.call("GET", PATH, null));
        CompletableFuture<HttpResponse<String>> waiting = waitFor(etag, 25);
        server.awaitWaiting(1);

        server.api.stop();

        HttpResponse<String> stopped = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(503, stopped.statusCode());
        assertEquals("not_ready", server.json(stopped).path("error").asText());
        assertTrue(stopped.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void waitsAreCountedInMetrics() throws Exception {
        holdAGetUntilTheClusterChanges();
        server.awaitWaiting(0);

        String metrics = server.call("GET", ApiPaths.METRICS, null).body();

        assertTrue(metrics.contains("kindserver_cluster_waits 0.0"), metrics);
        assertTrue(metrics.contains("kindserver_cluster_waits_ended_total{outcome=\"changed\"} 1.0"), metrics);
    }

    @Test
    void aHeldGetIsTimedApartFromThePlainGetsOfItsRoute() throws Exception {
        holdAGetUntilTheClusterChanges();
        String series = "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",route=";
        String held = series + "\"/api/v1/kindserver/{name}?waitForChange\",status=\"200\"} 1";
        String plain = series + "\"/api/v1/kindserver/{name}\",status=\"200\"} 1";

        // Javalin times a request once its answer is written: after the client may have read it
        List<String> counts = Waits.await("the held GET timed")
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> server.call("GET", ApiPaths.METRICS, null)
                                .body()
                                .lines()
                                .filter(line -> line.startsWith(series + "\"/api/v1/kindserver/"))
                                .toList(),
                        lines -> lines.contains(held));
        assertTrue(counts.contains(plain), counts.toString());
    }

    /** A plain GET for the ETag, then a GET held on it until the cluster's answer changes. */
    private void holdAGetUntilTheClusterChanges() throws Exception {
        String etag = etag(server.call("GET", PATH, null));
        CompletableFuture<HttpResponse<String>> waiting = waitFor(etag, 20);
        server.awaitWaiting(1);
        server.clusters.with(creating(2), CONFIG);
        waiting.get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> waitFor(String etag, int seconds) {
        return server.waitForChange(PATH, etag, seconds);
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response));
    }

    private static ClusterInfo creating(int step) {
        return InMemoryClusterService.creatingAtStep("push-wait", step);
    }
}
