package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.providerkind.kindserver.kind.Kubeconfigs;
import io.providerkind.kindserver.net.PortRange;
import io.providerkind.kindserver.testing.KubeconfigClients;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.NodeInfo;
import io.providerkind.sdk.Progress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Create, progress, failure and delete of clusters on the real Docker engine with the kind test double. */
class KindClusterServiceTest {

    @TempDir
    Path workDir;

    private KindDoubleFixture fixture;
    private KindClusterService service;

    @BeforeEach
    void startService() throws Exception {
        fixture = new KindDoubleFixture(workDir, new PortRange(36700, 36719), 0.05);
        service = fixture.start(2);
    }

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void createdClusterIsReadyWithAKubeconfigThatReachesItsApiServer() throws Exception {
        String name = fixture.name("ready");
        ClusterService.CreateOutcome outcome = service.create(name, KindDoubleFixture.CONFIG);
        assertInstanceOf(ClusterService.CreateOutcome.Accepted.class, outcome);
        assertEquals(ClusterPhase.Creating, outcome.cluster().phase());

        ClusterInfo ready = fixture.awaitPhase(service, name, ClusterPhase.Ready);

        int port = Integer.parseInt(ready.endpoint().substring(ready.endpoint().lastIndexOf(':') + 1));
        assertTrue(fixture.ports.contains(port), ready.endpoint());
        assertEquals("https://127.0.0.1:" + port, ready.endpoint());
        assertEquals(ready.endpoint(), Kubeconfigs.server(ready.kubeconfig()).orElseThrow());
        assertEquals(
                "https://" + name + "-control-plane:6443",
                Kubeconfigs.server(ready.internalKubeconfig()).orElseThrow());
        assertEquals("v1.31.0", ready.kubernetesVersion());
        assertNotNull(ready.internalIP());
        assertEquals(
                List.of(new NodeInfo(name + "-control-plane", "control-plane", "running", ready.internalIP())),
                ready.nodes());
        assertEquals(
                HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(KindDoubleFixture.CONFIG.getBytes(StandardCharsets.UTF_8))),
                ready.configHash());
        assertNull(ready.progress());

        HttpResponse<String> version = KubeconfigClients.get(ready.kubeconfig(), "/version");
        assertEquals(200, version.statusCode());
        assertTrue(version.body().contains("\"gitVersion\": \"v1.31.0\""), version.body());
    }

    @Test
    void createAndDeleteNeverTouchTheOperatorsKubeconfig() throws Exception {
        Path operatorKubeconfig = Path.of(System.getProperty("user.home"), ".kube", "config");
        Optional<String> before =
                Files.exists(operatorKubeconfig) ? Optional.of(Files.readString(operatorKubeconfig)) : Optional.empty();
        String name = fixture.name("homeless");

        service.create(name, KindDoubleFixture.CONFIG);
        fixture.awaitPhase(service, name, ClusterPhase.Ready);
        service.delete(name);
        fixture.awaitGone(service, name);

        Optional<String> after =
                Files.exists(operatorKubeconfig) ? Optional.of(Files.readString(operatorKubeconfig)) : Optional.empty();
        assertEquals(before, after);
        assertTrue(after.map(k -> !k.contains(name)).orElse(true));
    }

    @Test
    void clustersByPhaseGaugeCountsWhatListShows() throws Exception {
        String name = fixture.name("gauge");
        service.create(name, KindDoubleFixture.CONFIG);
        fixture.awaitPhase(service, name, ClusterPhase.Ready);

        double ready = fixture.meters
                .get("kindserver.clusters")
                .tag("phase", "Ready")
                .gauge()
                .value();
        long listed = service.list().stream()
                .filter(c -> c.phase() == ClusterPhase.Ready)
                .count();
        assertTrue(ready >= 1, "the new cluster is counted");
        assertEquals(listed, (long) ready);
        assertEquals(
                1,
                fixture.meters
                        .get("kindserver.cluster.create")
                        .tag("outcome", "ready")
                        .timer()
                        .count());
    }

    @Test
    void listShowsClustersWithoutKubeconfigs() throws Exception {
        String name = fixture.name("listed");
        service.create(name, KindDoubleFixture.CONFIG);
        fixture.awaitPhase(service, name, ClusterPhase.Ready);

        ClusterInfo listed = service.list().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertEquals(ClusterPhase.Ready, listed.phase());
        assertNull(listed.kubeconfig());
        assertNull(listed.internalKubeconfig());
        assertNotNull(listed.endpoint());
    }

    @Test
    void progressFollowsKindsStepsWhileCreating() throws Exception {
        try (KindDoubleFixture slow =
                new KindDoubleFixture(workDir.resolve("slow"), new PortRange(36720, 36729), 0.4)) {
            KindClusterService slowService = slow.start(2);
            String name = slow.name("progress");
            slowService.create(name, KindDoubleFixture.CONFIG);

            List<Progress> seen = new ArrayList<>();
            slow.await(slowService, name, Duration.ofSeconds(90), c -> {
                c.map(ClusterInfo::progress)
                        .filter(p ->
                                seen.isEmpty() || !seen.get(seen.size() - 1).equals(p))
                        .ifPresent(seen::add);
                return c.map(ClusterInfo::phase).orElse(null) == ClusterPhase.Ready;
            });

            List<Integer> steps = seen.stream().map(Progress::step).distinct().toList();
            assertTrue(steps.containsAll(List.of(1, 2, 3, 4, 5, 6)), "steps seen: " + seen);
            assertEquals(steps.stream().sorted().toList(), steps, "steps only go forward: " + seen);
            assertTrue(seen.stream().allMatch(p -> p.total() == 6), seen.toString());
            assertTrue(seen.stream().anyMatch(p -> p.text().startsWith("Ensuring node image")), seen.toString());
        }
    }

    @Test
    void failedCreateIsFailedWithKindsOwnErrorText() throws Exception {
        String name = fixture.name("noimage");
        service.create(
                name, KindDoubleFixture.CONFIG + "nodes:\n- role: control-plane\n  image: kindest/node:v0.0.404\n");

        ClusterInfo failed = fixture.awaitPhase(service, name, ClusterPhase.Failed);

        assertTrue(failed.message().startsWith("ERROR: failed to create cluster"), failed.message());
        assertTrue(failed.message().contains("kindest/node:v0.0.404"), failed.message());
        assertTrue(fixture.containers(name).isEmpty(), "kind removes what a failed create made");
        Timer failures = fixture.meters
                .find("kindserver.cluster.create")
                .tag("outcome", "failed")
                .timer();
        assertEquals(1, failures.count());
    }

    @Test
    void deleteRemovesTheClusterAndReleasesItsPort() throws Exception {
        String name = fixture.name("deleted");
        service.create(name, KindDoubleFixture.CONFIG);
        String endpoint = fixture.awaitPhase(service, name, ClusterPhase.Ready).endpoint();

        ClusterService.DeleteOutcome outcome = service.delete(name);
        assertInstanceOf(ClusterService.DeleteOutcome.Deleting.class, outcome);
        assertEquals(
                ClusterPhase.Deleting,
                ((ClusterService.DeleteOutcome.Deleting) outcome).cluster().phase());
        fixture.awaitGone(service, name);

        assertTrue(fixture.containers(name).isEmpty());
        assertTrue(Files.notExists(fixture.stateDir.resolve("clusters").resolve(name + ".json")));
        assertInstanceOf(ClusterService.DeleteOutcome.NotFound.class, service.delete(name), "a second delete");
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        assertTrue(service.list().stream().noneMatch(c -> endpoint.equals(c.endpoint())));
        assertEquals(
                1,
                fixture.meters
                        .find("kindserver.cluster.delete")
                        .tag("outcome", "deleted")
                        .timer()
                        .count());
        assertTrue(fixture.ports.contains(port));
    }

    @Test
    void repeatedDeleteWhileDeletingAnswersDeleting() throws Exception {
        String name = fixture.name("twice");
        service.create(name, KindDoubleFixture.CONFIG);
        fixture.awaitPhase(service, name, ClusterPhase.Ready);

        service.delete(name);
        ClusterService.DeleteOutcome again = service.delete(name);

        assertTrue(
                again instanceof ClusterService.DeleteOutcome.Deleting
                        || again instanceof ClusterService.DeleteOutcome.NotFound,
                again.toString());
        fixture.awaitGone(service, name);
    }

    @Test
    void deleteDuringCreateStopsKindAndLeavesNothing() throws Exception {
        try (KindDoubleFixture slow =
                new KindDoubleFixture(workDir.resolve("slow"), new PortRange(36730, 36739), 0.5)) {
            KindClusterService slowService = slow.start(2);
            String name = slow.name("cancelled");
            slowService.create(name, KindDoubleFixture.CONFIG);
            slow.await(
                    slowService,
                    name,
                    Duration.ofSeconds(60),
                    c -> c.map(ClusterInfo::progress).map(Progress::step).orElse(0) >= 3);
            List<Long> kindProcesses = kindProcesses(name);
            assertTrue(!kindProcesses.isEmpty(), "kind runs");

            slowService.delete(name);
            slow.awaitGone(slowService, name);

            assertTrue(slow.containers(name).isEmpty(), "no container left");
            assertTrue(
                    kindProcesses.stream()
                            .noneMatch(pid -> ProcessHandle.of(pid)
                                    .map(ProcessHandle::isAlive)
                                    .orElse(false)),
                    "no kind process left");
            assertEquals(Optional.empty(), slowService.get(name));
            assertEquals(
                    1,
                    slow.meters
                            .find("kindserver.cluster.create")
                            .tag("outcome", "cancelled")
                            .timer()
                            .count());
        }
    }

    /** Every process on the host running {@code kind create cluster} for the cluster, whoever started it. */
    static List<Long> kindProcesses(String cluster) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("create cluster --name " + cluster + " "))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }
}
