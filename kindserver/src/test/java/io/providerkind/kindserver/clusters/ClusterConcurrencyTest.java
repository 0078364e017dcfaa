package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.net.PortRange;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.testsupport.wait.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One operation per cluster, idempotent and conflicting creates, parallel creates up to the limit, ports. */
class ClusterConcurrencyTest {

    private static final String OTHER_CONFIG = KindDoubleFixture.CONFIG + "name: other\n";

    @TempDir
    Path workDir;

    private KindDoubleFixture fixture;

    @BeforeEach
    void createFixture() throws Exception {
        fixture = new KindDoubleFixture(workDir, new PortRange(36740, 36759), 0.3);
    }

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void repeatedCreateIsAcceptedWhileCreatingAndExistsWhenReady() throws Exception {
        KindClusterService service = fixture.start(2);
        String name = fixture.name("idem");

        assertInstanceOf(ClusterService.CreateOutcome.Accepted.class, service.create(name, KindDoubleFixture.CONFIG));
        ClusterService.CreateOutcome again = service.create(name, KindDoubleFixture.CONFIG);
        assertInstanceOf(ClusterService.CreateOutcome.Accepted.class, again);
        assertEquals(ClusterPhase.Creating, again.cluster().phase());

        fixture.awaitPhase(service, name, ClusterPhase.Ready);
        ClusterService.CreateOutcome exists = service.create(name, KindDoubleFixture.CONFIG);
        assertInstanceOf(ClusterService.CreateOutcome.Exists.class, exists);
        assertEquals(ClusterPhase.Ready, exists.cluster().phase());
        assertEquals(1, fixture.containers(name).size(), "created once");
    }

    @Test
    void createWithAnotherConfigConflictsWhileCreatingAndWhenReady() throws Exception {
        KindClusterService service = fixture.start(2);
        String name = fixture.name("conflict");
        service.create(name, KindDoubleFixture.CONFIG);

        ClusterConflictException creating =
                assertThrows(ClusterConflictException.class, () -> service.create(name, OTHER_CONFIG));
        assertTrue(creating.getMessage().contains("another config"), creating.getMessage());

        ClusterInfo ready = fixture.awaitPhase(service, name, ClusterPhase.Ready);
        assertThrows(ClusterConflictException.class, () -> service.create(name, OTHER_CONFIG));
        assertEquals(ready.configHash(), service.get(name).orElseThrow().configHash(), "the cluster is untouched");
    }

    @Test
    void concurrentCreatesOfOneClusterStartKindOnce() throws Exception {
        KindClusterService service = fixture.start(2);
        String name = fixture.name("race");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ClusterService.CreateOutcome>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> service.create(name, KindDoubleFixture.CONFIG));
            }
            for (Future<ClusterService.CreateOutcome> answer : callers.invokeAll(calls)) {
                assertInstanceOf(ClusterService.CreateOutcome.Accepted.class, answer.get());
            }
        } finally {
            callers.shutdownNow();
        }
        fixture.awaitPhase(service, name, ClusterPhase.Ready);
        assertEquals(1, fixture.containers(name).size());
        assertEquals(
                1,
                fixture.meters
                        .find("kindserver.cluster.create")
                        .tag("outcome", "ready")
                        .timer()
                        .count());
    }

    @Test
    void createsBeyondTheLimitWaitThenAllBecomeReadyOnDistinctPorts() throws Exception {
        KindClusterService service = fixture.start(2);
        List<String> names = List.of(fixture.name("p1"), fixture.name("p2"), fixture.name("p3"));
        names.forEach(name -> service.create(name, KindDoubleFixture.CONFIG));

        // two run at once and the third waits for a slot. The third is read first: a slot is freed only after its
        // create is Ready, so while the first two still run the third read before them cannot have one, however
        // slowly this machine runs the three
        Moment twoRunning = Waits.await("the first two creates to run at the same time")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> new Moment(
                                service.get(names.get(2)).orElseThrow(),
                                step(service.get(names.get(0)).orElseThrow()),
                                step(service.get(names.get(1)).orElseThrow())),
                        Moment::firstTwoRunning);
        ClusterInfo third = twoRunning.third();
        assertEquals(ClusterPhase.Creating, third.phase());
        assertEquals(0, third.progress().step());
        assertTrue(third.progress().text().contains("waiting"), third.progress().text());

        Set<String> endpoints = new HashSet<>();
        for (String name : names) {
            endpoints.add(fixture.awaitPhase(service, name, ClusterPhase.Ready).endpoint());
        }
        assertEquals(3, endpoints.size(), "every cluster has a port of its own: " + endpoints);
    }

    @Test
    void portsHeldByClustersAreNeverHandedOutAgain() throws Exception {
        try (KindDoubleFixture tiny =
                new KindDoubleFixture(workDir.resolve("tiny"), new PortRange(36760, 36761), 0.02)) {
            KindClusterService service = tiny.start(2);
            String a = tiny.name("a");
            String b = tiny.name("b");
            String c = tiny.name("c");
            service.create(a, KindDoubleFixture.CONFIG);
            service.create(b, KindDoubleFixture.CONFIG);
            String endpointA = tiny.awaitPhase(service, a, ClusterPhase.Ready).endpoint();
            String endpointB = tiny.awaitPhase(service, b, ClusterPhase.Ready).endpoint();

            service.create(c, KindDoubleFixture.CONFIG);
            ClusterInfo noPort = tiny.awaitPhase(service, c, ClusterPhase.Failed);
            assertTrue(noPort.message().contains("no free API server port"), noPort.message());
            assertTrue(tiny.containers(c).isEmpty());

            service.delete(a);
            tiny.awaitGone(service, a);
            service.delete(c);
            tiny.awaitGone(service, c);
            service.create(c, KindDoubleFixture.CONFIG);
            assertEquals(
                    endpointA,
                    tiny.awaitPhase(service, c, ClusterPhase.Ready).endpoint(),
                    "the released port is the only free one");
            assertEquals(endpointB, service.get(b).orElseThrow().endpoint());
        }
    }

    @Test
    void failedCreateIsRetriedWithTheSameConfig() throws Exception {
        KindClusterService service = fixture.start(2);
        String name = fixture.name("retry");
        String badImage = KindDoubleFixture.CONFIG + "nodes:\n- role: control-plane\n  image: kindest/node:v0.0.404\n";
        service.create(name, badImage);
        fixture.awaitPhase(service, name, ClusterPhase.Failed);

        assertThrows(
                ClusterConflictException.class,
                () -> service.create(name, KindDoubleFixture.CONFIG),
                "another config on a Failed cluster needs a delete first");
        ClusterService.CreateOutcome retry = service.create(name, badImage);
        assertInstanceOf(ClusterService.CreateOutcome.Accepted.class, retry);
        assertEquals(ClusterPhase.Creating, retry.cluster().phase());
        fixture.awaitPhase(service, name, ClusterPhase.Failed);
        assertEquals(
                2,
                fixture.meters
                        .find("kindserver.cluster.create")
                        .tag("outcome", "failed")
                        .timer()
                        .count());
    }

    /** The waiting third create, read before the steps of the first two. */
    private record Moment(ClusterInfo third, int firstStep, int secondStep) {
        boolean firstTwoRunning() {
            return running(firstStep) && running(secondStep);
        }

        private static boolean running(int step) {
            return step >= 1 && step < READY;
        }
    }

    private static final int READY = Integer.MAX_VALUE;

    /** How far a create has come; any phase but Creating counts as past the end: its slot may be free. */
    private static int step(ClusterInfo cluster) {
        if (cluster.phase() != ClusterPhase.Creating) {
            return READY;
        }
        return cluster.progress() == null ? 0 : cluster.progress().step();
    }
}
