package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.kindserver.docker.NodeContainer;
import io.providerkind.kindserver.kind.Kubeconfigs;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.Progress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterInfosTest {

    private static final Instant CREATED = Instant.parse("2025-03-31T10:00:00Z");
    private static final Kubeconfigs KUBECONFIGS = Kubeconfigs.of(
            "clusters:\n- cluster:\n    server: https://127.0.0.1:36443\n",
            "clusters:\n- cluster:\n    server: https://dev-control-plane:6443\n");

    private final ClusterRecord ready = ClusterRecord.creating(
                    "dev", "kind: Cluster\n", "hash", 36443, null, null, null, CREATED)
            .ready(null, CREATED);

    @Test
    void readyRecordWithRunningNodesIsReadyWithEverythingUsersNeed() {
        ClusterInfo info = ClusterInfos.of(
                ready,
                snapshot(node("dev-control-plane", "control-plane", "running")),
                Optional.of(KUBECONFIGS),
                Optional.of("127.0.0.1"));

        assertEquals(ClusterPhase.Ready, info.phase());
        assertEquals("https://127.0.0.1:36443", info.endpoint());
        assertEquals("v1.31.0", info.kubernetesVersion());
        assertEquals("ip-of-dev-control-plane", info.internalIP());
        assertEquals(KUBECONFIGS.external(), info.kubeconfig());
        assertEquals(KUBECONFIGS.internal(), info.internalKubeconfig());
        assertEquals("hash", info.configHash());
        assertEquals(CREATED, info.createdAt());
    }

    @Test
    void readyRecordWithAStoppedNodeIsStoppedAndSaysWhich() {
        ClusterInfo info = ClusterInfos.of(
                ready,
                snapshot(node("dev-control-plane", "control-plane", "running"), node("dev-worker", "worker", "exited")),
                Optional.empty(),
                Optional.of("127.0.0.1"));

        assertEquals(ClusterPhase.Stopped, info.phase());
        assertEquals("node(s) not running: dev-worker (exited)", info.message());
        assertNull(info.kubeconfig());
    }

    @Test
    void creatingShowsProgressAndOtherPhasesDoNot() {
        ClusterRecord creating = ClusterRecord.creating(
                "dev", "kind: Cluster\n", "hash", 36443, new Progress(2, 6, "Preparing nodes"), null, null, CREATED);
        assertEquals(
                new Progress(2, 6, "Preparing nodes"),
                ClusterInfos.of(creating, snapshot(), Optional.empty(), Optional.empty())
                        .progress());
        assertNull(ClusterInfos.of(creating.failed("boom", CREATED), snapshot(), Optional.empty(), Optional.empty())
                .progress());
        assertNull(
                ClusterInfos.of(creating, snapshot(), Optional.empty(), Optional.empty())
                        .endpoint(),
                "no endpoint before the address is known");
    }

    @Test
    void clusterMadeByHandTakesItsPhaseFromItsNodesAndItsEndpointFromItsKubeconfig() {
        ClusterInfo running = ClusterInfos.discovered(
                "dev", snapshot(node("dev-control-plane", "control-plane", "running")), Optional.of(KUBECONFIGS));
        assertEquals(ClusterPhase.Ready, running.phase());
        assertEquals("https://127.0.0.1:36443", running.endpoint());
        assertNull(running.configHash());
        assertTrue(running.message().contains("not by kindserver"), running.message());

        ClusterInfo unreadable = ClusterInfos.discovered(
                "dev", snapshot(node("dev-control-plane", "control-plane", "running")), Optional.empty());
        assertEquals(ClusterPhase.Creating, unreadable.phase(), "Ready means the kubeconfig is known");

        ClusterInfo stopped = ClusterInfos.discovered(
                "dev", snapshot(node("dev-control-plane", "control-plane", "exited")), Optional.empty());
        assertEquals(ClusterPhase.Stopped, stopped.phase());
    }

    @Test
    void clusterMadeByHandIsReadyWithItsEndpointAlsoWhereItsKubeconfigsAreLeftOut() {
        ClusterInfo whole = ClusterInfos.discovered(
                "dev", snapshot(node("dev-control-plane", "control-plane", "running")), Optional.of(KUBECONFIGS));
        ClusterInfo listed = whole.withoutKubeconfigs();

        assertEquals(ClusterPhase.Ready, listed.phase());
        assertEquals("https://127.0.0.1:36443", listed.endpoint());
        assertEquals(whole.message(), listed.message());
        assertNull(listed.kubeconfig());
        assertNull(listed.internalKubeconfig());
    }

    @Test
    void clusterMadeByHandBeingDeletedKeepsTheEndpointOfItsKubeconfig() {
        ClusterInfo deleting = ClusterInfos.of(
                ClusterRecord.deletingUnmanaged("dev", CREATED),
                snapshot(node("dev-control-plane", "control-plane", "running")),
                Optional.of(KUBECONFIGS),
                Optional.of("127.0.0.1"));

        assertEquals(ClusterPhase.Deleting, deleting.phase());
        assertEquals("https://127.0.0.1:36443", deleting.endpoint());
    }

    private static NodeContainer node(String name, String role, String state) {
        return new NodeContainer(
                "id-" + name, name, "dev", role, state, "ip-of-" + name, "kindest/node:v1.31.0", Set.of(), CREATED);
    }

    private static DockerSnapshot snapshot(NodeContainer... nodes) {
        return new DockerSnapshot(
                1, true, nodes.length == 0 ? Map.of() : Map.of("dev", List.of(nodes)), Map.of("dev", "v1.31.0"));
    }
}
