package io.providerkind.kindserver.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import io.providerkind.kindserver.testing.DockerEngine;
import io.providerkind.kindserver.testing.TestImages;
import io.providerkind.testsupport.realparts.RequiresDocker;
import io.providerkind.testsupport.wait.Waits;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NodeInspector} and {@link NodeWatcher} on the real Docker engine, with containers that carry kind's
 * labels. They are only created, never started: what is inspected here does not need a running node.
 */
@RequiresDocker
class NodeInspectorTest {

    private static final String WITH_VERSION = "kindserver-test/node-files:with-version";
    private static final String WITHOUT_VERSION = "kindserver-test/node-files:v1.28.0";

    private static DockerClient docker;
    private final String cluster = "nit" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> containers = new ArrayList<>();

    @BeforeAll
    static void importImages() throws IOException {
        docker = DockerEngine.client();
        TestImages.importImage(WITH_VERSION, Map.of("kind/version", "v1.29.9\n"));
        TestImages.importImage(WITHOUT_VERSION, Map.of("etc/hostname", "node\n"));
    }

    @AfterAll
    static void removeImages() throws IOException {
        if (docker != null) {
            for (String image : List.of(WITH_VERSION, WITHOUT_VERSION)) {
                docker.removeImageCmd(image).withForce(true).exec();
            }
            docker.close();
        }
    }

    @AfterEach
    void removeContainers() {
        containers.forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
    }

    @Test
    void listsNodesByKindsLabelsWithTheirRoleAndState() {
        String id = node(cluster + "-control-plane", "control-plane", WITH_VERSION);
        node(cluster + "-worker", "worker", WITH_VERSION);

        List<NodeContainer> nodes = new NodeInspector(docker)
                .listNodes().stream().filter(n -> cluster.equals(n.cluster())).toList();

        assertEquals(2, nodes.size());
        NodeContainer controlPlane =
                nodes.stream().filter(NodeContainer::controlPlane).findFirst().orElseThrow();
        assertEquals(id, controlPlane.id());
        assertEquals(cluster + "-control-plane", controlPlane.name());
        assertEquals("created", controlPlane.state());
        assertEquals(WITH_VERSION, controlPlane.image());
        assertTrue(nodes.stream().anyMatch(n -> "worker".equals(n.role())));
    }

    @Test
    void readsTheKubernetesVersionFromKindVersionInTheNode() {
        node(cluster + "-control-plane", "control-plane", WITH_VERSION);
        NodeInspector inspector = new NodeInspector(docker);
        NodeContainer node = inspector.listNodes().stream()
                .filter(n -> cluster.equals(n.cluster()))
                .findFirst()
                .orElseThrow();

        assertEquals(Optional.of("v1.29.9"), inspector.kubernetesVersion(node));
    }

    @Test
    void fallsBackToTheImageTagWithoutKindVersion() {
        node(cluster + "-control-plane", "control-plane", WITHOUT_VERSION);
        NodeInspector inspector = new NodeInspector(docker);
        NodeContainer node = inspector.listNodes().stream()
                .filter(n -> cluster.equals(n.cluster()))
                .findFirst()
                .orElseThrow();

        assertEquals(Optional.of("v1.28.0"), inspector.kubernetesVersion(node));
    }

    @Test
    void aNodeDockerCannotCopyFromFallsBackToItsImageTagInsteadOfFailingTheListing() {
        node(cluster + "-control-plane", "control-plane", WITH_VERSION);
        NodeInspector inspector = new NodeInspector(failingCopies(docker));
        NodeContainer node = inspector.listNodes().stream()
                .filter(n -> cluster.equals(n.cluster()))
                .findFirst()
                .orElseThrow();

        assertEquals(
                Optional.of("with-version"), inspector.kubernetesVersion(node), "the image tag, not a failed listing");
    }

    /** The real engine, but copying out of a container fails as Docker answers it for a node being removed. */
    private static DockerClient failingCopies(DockerClient real) {
        return (DockerClient) Proxy.newProxyInstance(
                DockerClient.class.getClassLoader(), new Class<?>[] {DockerClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("copyArchiveFromContainerCmd")) {
                        throw new InternalServerErrorException(
                                "{\"message\":\"remount /var/lib/docker/overlay2/x/merged/var,"
                                        + " flags: 0x44000: invalid argument\"}");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void watcherSeesNodesComeAndGoWithinSeconds() throws Exception {
        List<DockerSnapshot> snapshots = new CopyOnWriteArrayList<>();
        try (DockerClient events = DockerClients.connectForEvents(Optional.empty());
                NodeWatcher watcher = new NodeWatcher(
                        new NodeInspector(docker, events),
                        Duration.ofSeconds(30),
                        DockerClients.DEFAULT_RESPONSE_TIMEOUT,
                        snapshots::add)) {
            watcher.refreshNow();
            watcher.start();
            assertTrue(watcher.current().nodes(cluster).isEmpty());

            String id = node(cluster + "-control-plane", "control-plane", WITH_VERSION);
            awaitSnapshot(watcher, s -> s.nodes(cluster).size() == 1);
            assertEquals(Optional.of("v1.29.9"), watcher.current().version(cluster));

            docker.removeContainerCmd(id).withForce(true).exec();
            containers.remove(id);
            awaitSnapshot(watcher, s -> s.nodes(cluster).isEmpty());
            assertTrue(watcher.healthy(Duration.ofSeconds(30)));
        }
    }

    @Test
    void eventsThatChangeNoListingAreNotFollowed() throws Exception {
        AtomicInteger events = new AtomicInteger();
        AtomicBoolean open = new AtomicBoolean();
        try (DockerClient eventsClient = DockerClients.connectForEvents(Optional.empty());
                Closeable following = new NodeInspector(docker, eventsClient)
                        .followEvents(() -> open.set(true), events::incrementAndGet, error -> {})) {
            // a container made before Docker answered the events request sends its create to no one
            Waits.await("Docker to answer the events request")
                    .atMost(Duration.ofSeconds(5))
                    .until(open::get);
            String id = node(cluster + "-control-plane", "control-plane", WITH_VERSION);
            Waits.await("the create event").atMost(Duration.ofSeconds(5)).until(() -> events.get() == 1);

            // kindserver's own read of /kind/version: an archive-path event, as kind's docker execs bring exec_*
            assertEquals(Optional.of("v1.29.9"), new NodeInspector(docker).kubernetesVersion(nodeOf(id)));
            docker.removeContainerCmd(id).withForce(true).exec();
            containers.remove(id);

            // Docker sends a container's events in order: the destroy comes after the copy's event, had it come
            Waits.await("the destroy event").atMost(Duration.ofSeconds(5)).until(() -> events.get() >= 2);
            assertEquals(2, events.get());
        }
    }

    private NodeContainer nodeOf(String id) {
        return new NodeInspector(docker)
                .listNodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void imageTagsAreReadLikeDockerWritesThem() {
        assertEquals(Optional.of("v1.31.0"), NodeInspector.imageTag("kindest/node:v1.31.0"));
        assertEquals(Optional.of("v1.31.0"), NodeInspector.imageTag("kindest/node:v1.31.0@sha256:abc"));
        assertEquals(Optional.of("v1"), NodeInspector.imageTag("localhost:5000/node:v1"));
        assertEquals(Optional.empty(), NodeInspector.imageTag("localhost:5000/node"));
        assertEquals(Optional.empty(), NodeInspector.imageTag("sha256:0123abcd"));
    }

    private void awaitSnapshot(NodeWatcher watcher, java.util.function.Predicate<DockerSnapshot> until) {
        // events make this sub-second; the periodic listing is 30 s, so passing in 5 s proves events work
        Waits.await("the watcher to notice")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(watcher::current, until);
    }

    private String node(String name, String role, String image) {
        String id = docker.createContainerCmd(image)
                .withName(name)
                .withCmd("/none")
                .withLabels(Map.of(NodeInspector.CLUSTER_LABEL, cluster, NodeInspector.ROLE_LABEL, role))
                .exec()
                .getId();
        containers.add(id);
        return id;
    }
}
