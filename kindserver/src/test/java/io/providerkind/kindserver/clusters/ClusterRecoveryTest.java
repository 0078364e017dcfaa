package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import io.providerkind.kindserver.net.PortRange;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.Progress;
import io.providerkind.testsupport.wait.Waits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What kindserver makes of the state dir and of Docker after a crash, a shutdown, or changes behind its back. */
class ClusterRecoveryTest {

    @TempDir
    Path workDir;

    private KindDoubleFixture fixture;

    @BeforeEach
    void createFixture() throws Exception {
        fixture = new KindDoubleFixture(workDir, new PortRange(36770, 36789), 0.4);
    }

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void createInterruptedByACrashEndsFailedAndIsCreatedOnceOnRetry() throws Exception {
        String name = fixture.name("crash");
        Process kindserver = new ProcessBuilder(javaCommand(
                        ServiceProcessMain.class.getName(),
                        fixture.kind.toString(),
                        fixture.stateDir.toString(),
                        fixture.ports.toString(),
                        name))
                .redirectErrorStream(true)
                .start();
        try {
            kindserver.getOutputStream().write(KindDoubleFixture.CONFIG.getBytes(StandardCharsets.UTF_8));
            kindserver.getOutputStream().close();
            awaitLine(kindserver, "ACCEPTED");
            awaitRecordedStep(name, 3);
        } finally {
            kindserver.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no close()
        }

        KindClusterService restarted = fixture.start(2);
        ClusterInfo failed = restarted.get(name).orElseThrow();
        assertEquals(ClusterPhase.Failed, failed.phase());
        assertTrue(failed.message().startsWith("kindserver stopped during create, at step"), failed.message());
        assertTrue(KindClusterServiceTest.kindProcesses(name).isEmpty(), "the orphaned kind was stopped");

        restarted.create(name, KindDoubleFixture.CONFIG);
        fixture.awaitPhase(restarted, name, ClusterPhase.Ready);
        assertEquals(1, fixture.containers(name).size(), "never created twice");
    }

    @Test
    void createWhoseKindHadFinishedBeforeTheCrashIsReady() throws Exception {
        String name = fixture.name("finished");
        KindClusterService first = fixture.start(2);
        first.create(name, KindDoubleFixture.CONFIG);
        ClusterInfo ready = fixture.awaitPhase(first, name, ClusterPhase.Ready);
        first.close();
        // the crash came after kind ended its last step and before the record said Ready
        fixture.recordCreateInterruptedAfterKindFinished(name);

        KindClusterService restarted = fixture.start(2);

        ClusterInfo adopted = restarted.get(name).orElseThrow();
        assertEquals(ClusterPhase.Ready, adopted.phase());
        assertEquals(ready.endpoint(), adopted.endpoint());
        assertNotNull(adopted.kubeconfig());
        assertEquals(1, fixture.containers(name).size());
    }

    @Test
    void closeDuringCreateStopsKindAndRecordsFailed() throws Exception {
        KindClusterService service = fixture.start(2);
        String name = fixture.name("shutdown");
        service.create(name, KindDoubleFixture.CONFIG);
        fixture.await(
                service,
                name,
                Duration.ofSeconds(30),
                c -> c.map(ClusterInfo::progress).map(Progress::step).orElse(0) >= 2);

        service.close();

        assertTrue(KindClusterServiceTest.kindProcesses(name).isEmpty(), "no kind process is orphaned");
        assertThrows(
                ServiceUnavailableException.class,
                () -> service.create(fixture.name("late"), KindDoubleFixture.CONFIG));
        KindClusterService restarted = fixture.start(2);
        ClusterInfo failed = restarted.get(name).orElseThrow();
        assertEquals(ClusterPhase.Failed, failed.phase());
        assertTrue(failed.message().startsWith("kindserver stopped during create"), failed.message());
    }

    @Test
    void clusterMadeByHandIsListedAndCanBeDeleted() throws Exception {
        KindClusterService service = fixture.start(2);
        String name = fixture.name("byhand");
        fixture.runKind(
                "create",
                "cluster",
                "--name",
                name,
                "--kubeconfig",
                workDir.resolve("hand-kubeconfig").toString());

        ClusterInfo seen = fixture.await(
                service,
                name,
                Duration.ofSeconds(20),
                c -> c.map(ClusterInfo::kubeconfig).isPresent());
        assertEquals(ClusterPhase.Ready, seen.phase());
        assertNull(seen.configHash(), "its config is unknown");
        assertEquals("v1.31.0", seen.kubernetesVersion());
        assertNotNull(seen.endpoint());
        assertTrue(service.list().stream().anyMatch(c -> c.name().equals(name)));
        assertThrows(ClusterConflictException.class, () -> service.create(name, KindDoubleFixture.CONFIG));

        service.delete(name);
        fixture.awaitGone(service, name);
        assertTrue(fixture.containers(name).isEmpty());
    }

    @Test
    void stoppedNodeMakesTheClusterStoppedAndARestartMakesItReady() throws Exception {
        KindClusterService service = fixture.start(2);
        String name = fixture.name("stopped");
        service.create(name, KindDoubleFixture.CONFIG);
        fixture.awaitPhase(service, name, ClusterPhase.Ready);
        Container node = fixture.containers(name).get(0);

        fixture.docker.stopContainerCmd(node.getId()).withTimeout(1).exec();
        ClusterInfo stopped = fixture.await(
                service,
                name,
                Duration.ofSeconds(10),
                c -> c.map(ClusterInfo::phase).orElse(null) == ClusterPhase.Stopped);
        assertTrue(stopped.message().contains(name + "-control-plane"), stopped.message());

        fixture.docker.startContainerCmd(node.getId()).exec();
        fixture.await(
                service,
                name,
                Duration.ofSeconds(10),
                c -> c.map(ClusterInfo::phase).orElse(null) == ClusterPhase.Ready);
    }

    @Test
    void clusterDeletedBehindKindserversBackIsForgotten() throws Exception {
        KindClusterService service = fixture.start(2);
        String name = fixture.name("vanish");
        service.create(name, KindDoubleFixture.CONFIG);
        fixture.awaitPhase(service, name, ClusterPhase.Ready);

        fixture.runKind(
                "delete",
                "cluster",
                "--name",
                name,
                "--kubeconfig",
                workDir.resolve("hand-kubeconfig").toString());

        fixture.await(service, name, Duration.ofSeconds(10), java.util.Optional::isEmpty);
        assertFalse(Files.exists(fixture.stateDir.resolve("clusters").resolve(name + ".json")));
    }

    @Test
    void readyClustersAreKnownAgainAfterARestart() throws Exception {
        KindClusterService first = fixture.start(2);
        String name = fixture.name("again");
        first.create(name, KindDoubleFixture.CONFIG);
        ClusterInfo ready = fixture.awaitPhase(first, name, ClusterPhase.Ready);
        first.close();

        KindClusterService restarted = fixture.start(2);
        ClusterInfo known = fixture.await(
                restarted,
                name,
                Duration.ofSeconds(20),
                c -> c.map(ClusterInfo::kubeconfig).isPresent());

        assertEquals(ClusterPhase.Ready, known.phase());
        assertEquals(ready.endpoint(), known.endpoint());
        assertEquals(ready.configHash(), known.configHash());
        assertEquals(ready.createdAt(), known.createdAt());
    }

    private void awaitRecordedStep(String name, int step) {
        Path record = fixture.stateDir.resolve("clusters").resolve(name + ".json");
        Waits.await("the create of " + name + " to record step " + step)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(record)
                        && new ObjectMapper()
                                        .readTree(record.toFile())
                                        .path("progress")
                                        .path("step")
                                        .asInt()
                                >= step);
    }

    private static void awaitLine(Process process, String expected) throws Exception {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.equals(expected)) {
                Thread drain = new Thread(() -> {
                    try {
                        lines.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException e) {
                        // the process was killed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
            seen.append(line).append('\n');
        }
        fail("the kindserver process ended without " + expected + ":\n" + seen);
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
