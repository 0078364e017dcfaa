package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerFixture;
import io.providerkind.kindserver.testing.TestImages;
import io.providerkind.kindserver.testing.TrustingClients;
import io.providerkind.sdk.ClusterChange;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.ImageLoad;
import io.providerkind.sdk.ImageLoadState;
import io.providerkind.sdk.ObservedCluster;
import io.providerkind.testsupport.process.DockerCli;
import io.providerkind.testsupport.realparts.RequiresDocker;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/kindserver/{name}/images} on the real Docker engine with the kind test double: images of the
 * host end up in every node's containerd (as {@code crictl images} shows), one missing on the host fails alone with
 * kind's message, progress reaches the cluster's GET and its waiters, and bad requests are clear 4xx answers.
 */
@RequiresDocker
class ImagePreloadEndToEndTest {

    private static final String CLUSTER = "ksh-preload";
    private static final String TAG = "ksh-" + ProcessHandle.current().pid();
    private static final String TINY = "ksh/tiny:" + TAG;
    private static final String OTHER = "ksh/other:" + TAG;
    private static final String ABSENT = "ksh/absent:" + TAG;
    private static final DockerCli DOCKER = new DockerCli(Duration.ofMinutes(2));

    @TempDir
    static Path stateDir;

    private static KindServerFixture kindserver;

    @BeforeAll
    static void startAndMakeACluster() throws IOException {
        TestImages.importImage(TINY, Map.of("tiny.txt", "tiny\n"));
        TestImages.importImage(OTHER, Map.of("other.txt", "other\n"));
        kindserver = KindServerFixture.start(stateDir);
        kindserver.client().create(CLUSTER, LocalRegistryEndToEndTest.CONFIG);
        ClusterInfo ready = KindServerEndToEndTest.awaitPhase(kindserver.client(), CLUSTER, ClusterPhase.Ready);
        assertEquals(ClusterPhase.Ready, ready.phase(), "message: " + ready.message());
    }

    @AfterAll
    static void removeEverything() throws IOException {
        if (kindserver != null) {
            kindserver.close();
        }
        KindContainers.removeAll(CLUSTER);
        DOCKER.run("image", "rm", "-f", TINY, OTHER);
    }

    @Test
    void loadsEachImageIntoEveryNodeAndAnImageMissingOnTheHostFailsAlone() throws Exception {
        ObservedCluster asked = kindserver.client().loadImages(CLUSTER, List.of(TINY, ABSENT, OTHER, TINY));

        assertEquals(List.of(TINY, ABSENT, OTHER), images(asked.cluster()), "in the order asked, each once");
        assertTrue(
                asked.cluster().images().stream().allMatch(load -> load.state() == ImageLoadState.Pending),
                "answered as queued: " + asked.cluster().images());
        ClusterChange change = kindserver
                .client()
                .awaitChange(CLUSTER, asked.etag().orElseThrow(), Duration.ofSeconds(20))
                .get(30, TimeUnit.SECONDS);
        assertInstanceOf(ClusterChange.Changed.class, change, "a waiter is told of the loads' progress");

        List<ImageLoad> ended = awaitLoadsEnded();

        assertEquals(ImageLoadState.Loaded, ended.get(0).state(), ended.toString());
        assertEquals(ImageLoadState.Failed, ended.get(1).state(), ended.toString());
        assertTrue(
                ended.get(1).message().contains("image: \"" + ABSENT + "\" not present locally"),
                ended.get(1).message());
        assertEquals(ImageLoadState.Loaded, ended.get(2).state(), ended.toString());
        for (String node : KindContainers.names(CLUSTER)) {
            for (String image : List.of(TINY, OTHER)) {
                assertFalse(
                        DOCKER.check("exec", node, "crictl", "images", "-q", "docker.io/" + image)
                                .isEmpty(),
                        image + " is in " + node + "'s containerd");
            }
            assertTrue(DOCKER.check("exec", node, "crictl", "images", "-q", "docker.io/" + ABSENT)
                    .isEmpty());
        }

        ClusterInfo again =
                kindserver.client().loadImages(CLUSTER, List.of(TINY, ABSENT)).cluster();
        assertEquals(ImageLoadState.Loaded, again.images().get(0).state(), "a loaded image is not loaded again");
        assertEquals(
                ImageLoadState.Pending,
                again.images().get(1).state(),
                "a failed image is tried again when asked again");
        assertEquals(ImageLoadState.Failed, awaitLoadsEnded().get(1).state());
        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("kindserver_image_load_seconds_count{outcome=\"loaded\"} 2\n"), metrics);
        assertTrue(metrics.contains("kindserver_image_load_seconds_count{outcome=\"failed\"} 2\n"), metrics);
    }

    @Test
    void badListsAndUnknownClustersAreClear4xxAndLoadNothing() throws Exception {
        String images = "/api/v1/kindserver/" + CLUSTER + "/images";
        String fiftyOne = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> "\"app:" + i + "\"")
                .collect(Collectors.joining(",", "{\"images\":[", "]}"));

        assertError(post(images, "{\"images\":[\"Team/App:1\"]}"), 400, "bad_request", "must be lowercase");
        assertError(post(images, "{\"images\":[\"app:1\",\"app name\"]}"), 400, "bad_request", "\"app name\"");
        assertError(post(images, "{\"images\":[]}"), 400, "bad_request", "images is empty");
        assertError(post(images, "{\"images\":[null]}"), 400, "bad_request", "empty");
        assertError(post(images, fiftyOne), 400, "bad_request", "at most 50");
        assertError(post(images, "{\"images\":"), 400, "bad_request", "not valid JSON");
        assertError(
                post("/api/v1/kindserver/ksh-nowhere/images", "{\"images\":[\"app:1\"]}"),
                404,
                "cluster_not_found",
                "cluster ksh-nowhere not found");
        assertError(post("/api/v1/kindserver/Bad_Name/images", "{\"images\":[\"app:1\"]}"), 400, "bad_request", "");
        List<String> asked = images(kindserver.client().get(CLUSTER));
        assertFalse(asked.contains("app:1"), "nothing of a refused request was queued: " + asked);
    }

    private static List<ImageLoad> awaitLoadsEnded() {
        return Waits.await("the loads to end")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> kindserver.client().get(CLUSTER).images(),
                        loads -> loads.stream()
                                .allMatch(load -> load.state() == ImageLoadState.Loaded
                                        || load.state() == ImageLoadState.Failed));
    }

    private static List<String> images(ClusterInfo cluster) {
        return cluster.images().stream().map(ImageLoad::image).toList();
    }

    private static void assertError(HttpResponse<String> answer, int status, String code, String says)
            throws IOException {
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(code, body.path("error").asText(), answer.body());
        assertTrue(body.path("message").asText().contains(says), answer.body());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(kindserver.serverUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(kindserver.serverUrl() + path))
                .GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return TrustingClients.httpClient(kindserver.caPem())
                .send(
                        request.header("Authorization", "Bearer " + kindserver.password())
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
