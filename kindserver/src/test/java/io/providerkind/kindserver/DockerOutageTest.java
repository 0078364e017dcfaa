package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.providerkind.kindserver.testing.DockerProxy;
import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindDouble;
import io.providerkind.kindserver.testing.KindServerProcess;
import io.providerkind.kindserver.testing.KindWrapper;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kindserver as operators start it, its Docker engine (DOCKER_HOST, for kindserver and the kind it runs) behind a
 * {@link DockerProxy}: down (nothing listens), back, or hung (accepts, never answers). Until Docker has answered
 * once every cluster call is refused with 503 {@code not_ready}, never a 404 for a cluster that exists or a
 * create that would be decided on nothing; once it answers everything works without a restart; a hung engine
 * bounds the start, the shutdown, and a create or delete it stops answering under.
 */
class DockerOutageTest {

    private static final String BY_HAND = "outage-by-hand";
    private static final String CREATED = "outage-created";
    private static final String HUNG = "outage-hung";
    private static final String CREATE_BODY =
            "{\"kindConfig\":\"kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\n\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * kindserver's --docker-timeout here: the outages below are noticed after it (twice it for a running create or
     * delete) instead of the default 15 s, and the engine under a test's load answers listings well within it.
     */
    private static final int DOCKER_TIMEOUT_SECONDS = 5;

    @TempDir
    Path work;

    @AfterEach
    void cleanUp() {
        KindContainers.removeAll(BY_HAND, CREATED, HUNG);
    }

    @Test
    void clusterCallsAnswerNotReadyUntilDockerFirstAnswersThenWorkWithoutARestart() throws Exception {
        Path stateDir = work.resolve("state");
        try (DockerProxy docker = new DockerProxy();
                KindServerProcess kindserver = new KindServerProcess(stateDir)
                        .withEnvironment("DOCKER_HOST", docker.dockerHost())
                        .withEnvironment("KINDSERVER_DOCKER_TIMEOUT", Integer.toString(DOCKER_TIMEOUT_SECONDS))
                        .withEnvironment(KindDouble.STEP_SECONDS, KindDouble.QUICK_STEPS)
                        .start()) {
            assertEquals(503, kindserver.send("GET", "/readyz", null).statusCode());
            for (HttpResponse<String> refused : List.of(
                    kindserver.send("GET", "/api/v1/kindserver", null),
                    kindserver.send("GET", "/api/v1/kindserver/" + BY_HAND, null),
                    kindserver.send("POST", "/api/v1/kindserver/" + BY_HAND, CREATE_BODY),
                    kindserver.send("DELETE", "/api/v1/kindserver/" + BY_HAND, null))) {
                assertNotReady(refused, "Docker has not answered kindserver yet");
            }
            assertEquals(List.of(), records(stateDir), "a refused call records nothing");

            createByHand(BY_HAND);
            docker.forward();

            KindServerClient client = kindserver.client();
            ClusterInfo byHand = Waits.await("kindserver to show the cluster made by hand once Docker answers")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> client.get(BY_HAND), c -> c.phase() == ClusterPhase.Ready);
            assertEquals(KindContainers.of(BY_HAND).size(), byHand.nodes().size(), byHand.toString());
            assertNull(byHand.configHash(), "kindserver did not make it, so it knows no config: " + byHand);
            assertNotNull(byHand.kubeconfig());
            assertTrue(client.list().stream().anyMatch(c -> c.name().equals(BY_HAND)));
            assertEquals(200, kindserver.send("GET", "/readyz", null).statusCode());
            assertEquals(
                    409,
                    kindserver
                            .send("POST", "/api/v1/kindserver/" + BY_HAND, CREATE_BODY)
                            .statusCode(),
                    "a create of the cluster made by hand is refused, not taken over");

            client.create(CREATED, KindServerEndToEndTest.CONFIG);
            Waits.await(CREATED + " to be Ready")
                    .atMost(KindServerEndToEndTest.READY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> client.get(CREATED).phase(), phase -> phase == ClusterPhase.Ready);
            assertTrue(client.delete(CREATED));
            KindServerEndToEndTest.awaitGone(client, CREATED);
            assertEquals(1, KindContainers.of(BY_HAND).size(), "the cluster made by hand is left alone");
        }
    }

    @Test
    void aHungDockerOnItsUnixSocketBoundsTheStartAndTheShutdown() throws Exception {
        Path stateDir = work.resolve("state");
        // a unix socket as Docker's default: docker-java's socket timeouts do not work on one
        try (DockerProxy docker =
                        DockerProxy.onUnixSocket(work.resolve("docker.sock")).hang();
                KindServerProcess kindserver = new KindServerProcess(stateDir)
                        .withEnvironment("DOCKER_HOST", docker.dockerHost())
                        .withEnvironment("KINDSERVER_DOCKER_TIMEOUT", Integer.toString(DOCKER_TIMEOUT_SECONDS))
                        .start()) {
            assertEquals(503, kindserver.send("GET", "/readyz", null).statusCode());
            HttpResponse<String> list = kindserver.send("GET", "/api/v1/kindserver", null);
            assertNotReady(
                    list, "Docker has not answered kindserver yet (no answer within " + DOCKER_TIMEOUT_SECONDS + " s)");
            assertNotReady(
                    kindserver.send("POST", "/api/v1/kindserver/" + HUNG, CREATE_BODY),
                    "Docker has not answered kindserver yet");

            kindserver.terminate(); // fails when kindserver is still running after the stop timeout
            assertFalse(kindserver.log().contains("Exception in thread"), kindserver.log());
        }
    }

    @Test
    void aCreateDockerStopsAnsweringUnderEndsFailedNamingDocker() throws Exception {
        Path stateDir = work.resolve("state");
        try (DockerProxy docker = new DockerProxy().forward();
                KindServerProcess kindserver = new KindServerProcess(stateDir)
                        .withEnvironment("DOCKER_HOST", docker.dockerHost())
                        .withEnvironment("KINDSERVER_DOCKER_TIMEOUT", Integer.toString(DOCKER_TIMEOUT_SECONDS))
                        .withEnvironment(KindDouble.STEP_SECONDS, "3")
                        .start()) {
            KindServerClient client = kindserver.client();
            awaitReady(kindserver, Duration.ofSeconds(30));
            client.create(HUNG, KindServerEndToEndTest.CONFIG);
            Waits.await("kind to be creating " + HUNG)
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> client.get(HUNG),
                            c -> c.progress() != null && c.progress().step() >= 1);

            docker.hang();

            ClusterInfo failed = Waits.await(HUNG + " to end once Docker stopped answering")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> client.get(HUNG), c -> c.phase() != ClusterPhase.Creating);
            assertEquals(ClusterPhase.Failed, failed.phase(), failed.toString());
            assertTrue(failed.message().startsWith("Docker stopped answering kindserver"), failed.message());
            assertEquals(503, kindserver.send("GET", "/readyz", null).statusCode());
            assertNotReady(
                    kindserver.send("POST", "/api/v1/kindserver/" + CREATED, CREATE_BODY),
                    "Docker does not answer kindserver");
            assertNotReady(
                    kindserver.send("DELETE", "/api/v1/kindserver/" + HUNG, null), "Docker does not answer kindserver");

            kindserver.terminate();
            assertFalse(kindserver.log().contains("Exception in thread"), kindserver.log());
        }
    }

    @Test
    void aDeleteDockerStopsAnsweringUnderEndsFailedNamingDockerAndDeletingAgainFinishesIt() throws Exception {
        KindWrapper kind = KindWrapper.in(work.resolve("kind"));
        try (DockerProxy docker = new DockerProxy().forward();
                KindServerProcess kindserver = new KindServerProcess(work.resolve("state"))
                        .withKind(kind.executable())
                        .withEnvironment("DOCKER_HOST", docker.dockerHost())
                        .withEnvironment("KINDSERVER_DOCKER_TIMEOUT", Integer.toString(DOCKER_TIMEOUT_SECONDS))
                        .withEnvironment(KindDouble.STEP_SECONDS, KindDouble.QUICK_STEPS)
                        .start()) {
            KindServerClient client = kindserver.client();
            awaitReady(kindserver, Duration.ofSeconds(30));
            client.create(HUNG, KindServerEndToEndTest.CONFIG);
            ClusterInfo ready = KindServerEndToEndTest.awaitPhase(client, HUNG, ClusterPhase.Ready);
            assertEquals(ClusterPhase.Ready, ready.phase(), ready + "\n" + kindserver.log());
            kind.holdNextDelete();
            assertTrue(client.delete(HUNG));
            Waits.await("kind delete to be running")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(kind::deleteHeld);

            docker.hang();
            kind.releaseDelete(); // kind now waits on a Docker that never answers

            ClusterInfo failed = Waits.await(HUNG + "'s delete to end once Docker stopped answering")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> client.get(HUNG), c -> c.phase() != ClusterPhase.Deleting);
            assertEquals(ClusterPhase.Failed, failed.phase(), failed.toString());
            assertTrue(
                    failed.message().startsWith("Docker stopped answering kindserver while kind was deleting"),
                    failed.message());
            assertFalse(KindContainers.of(HUNG).isEmpty(), "nothing was forgotten that Docker did not confirm");

            docker.forward();
            awaitReady(kindserver, Duration.ofMinutes(1));
            assertTrue(client.delete(HUNG), "deleting again retries it");
            Waits.await(HUNG + " to be gone")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> client.find(HUNG).isEmpty()
                            && KindContainers.of(HUNG).isEmpty());
            kindserver.terminate();
            assertFalse(kindserver.log().contains("Exception in thread"), kindserver.log());
        }
    }

    private static void awaitReady(KindServerProcess kindserver, Duration limit) {
        Waits.await("kindserver to be ready")
                .atMost(limit)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> kindserver.send("GET", "/readyz", null).statusCode() == 200);
    }

    private static void assertNotReady(HttpResponse<String> response, String message) throws IOException {
        assertEquals(503, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("not_ready", body.path("error").asText(), response.body());
        assertTrue(body.path("message").asText().contains(message), response.body());
    }

    private static List<Path> records(Path stateDir) throws IOException {
        Path clusters = stateDir.resolve("clusters");
        if (!Files.isDirectory(clusters)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(clusters)) {
            return files.toList();
        }
    }

    /** A cluster made with kind directly, on the real engine, as a user of the host would. */
    private void createByHand(String name) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        KindDouble.executable().toString(),
                        "create",
                        "cluster",
                        "--name",
                        name,
                        "--kubeconfig",
                        work.resolve(name + ".kubeconfig").toString())
                .redirectErrorStream(true);
        builder.environment().put(KindDouble.STEP_SECONDS, KindDouble.QUICK_STEPS);
        Process kind = builder.start();
        kind.getOutputStream().close();
        String output = new String(kind.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(kind.waitFor(3, TimeUnit.MINUTES), output);
        assertEquals(0, kind.exitValue(), output);
    }
}
