package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindDouble;
import io.providerkind.kindserver.testing.KindServerProcess;
import io.providerkind.kindserver.testing.KindWrapper;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.testsupport.realparts.RequiresDocker;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kindserver stopped with SIGTERM (as systemd stops it) while kind works, then started again on the same state dir:
 * what README.md and the Shutdown class promise. A delete still running after the grace period is stopped and stays
 * Deleting, and the next start finishes it; a create still running is stopped and recorded Failed.
 */
@RequiresDocker
class KindServerShutdownTest {

    private static final String DELETED = "stop-mid-delete";
    private static final String CREATED = "stop-mid-create";
    // ports of this test's own: other kindservers on the same Docker engine take theirs from the default range's start
    private static final String PORTS = "36960-36969";
    // kindserver's --shutdown-grace here: what the test shows needs kind still running when it ends, not 30 s of it
    private static final String GRACE_SECONDS = "5";

    @TempDir
    Path workDir;

    @AfterEach
    void cleanUp() {
        KindContainers.removeAll(DELETED, CREATED);
    }

    @Test
    void sigtermDuringADeleteLeavesItDeletingAndTheNextStartFinishesItWhileAStoppedCreateIsFailed() throws Exception {
        KindWrapper kind = KindWrapper.in(workDir.resolve("kind"));
        Path stateDir = workDir.resolve("state");
        try (KindServerProcess kindserver = new KindServerProcess(stateDir)
                .withKind(kind.executable())
                .withEnvironment("KINDSERVER_API_PORT_RANGE", PORTS)
                .withEnvironment("KINDSERVER_SHUTDOWN_GRACE", GRACE_SECONDS)
                // the first create is only the cluster to delete; the second is slowed below
                .withEnvironment(KindDouble.STEP_SECONDS, KindDouble.QUICK_STEPS)
                .start()) {
            KindServerClient client = kindserver.client();
            client.create(DELETED, KindServerEndToEndTest.CONFIG);
            ClusterInfo ready = KindServerEndToEndTest.awaitPhase(client, DELETED, ClusterPhase.Ready);
            assertEquals(ClusterPhase.Ready, ready.phase(), ready + "\n" + kindserver.log());
            // the delete outlasts the shutdown's grace period; the create's 20 s steps do too
            kind.holdNextDelete();
            kind.slowNextCreate(Duration.ofSeconds(20));
            client.create(CREATED, KindServerEndToEndTest.CONFIG);
            assertTrue(client.delete(DELETED));
            Waits.await("kind delete and kind create to be running")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> kind.deleteHeld() && kind.slowCreateStarted());

            kindserver.terminate();

            assertEquals("Deleting", phaseOnDisk(stateDir, DELETED), kindserver.log());
            assertEquals("Failed", phaseOnDisk(stateDir, CREATED), kindserver.log());
            assertFalse(KindContainers.of(DELETED).isEmpty(), "kind was stopped before it removed a node");

            kind.holdNextDelete();
            kindserver.start();
            KindServerClient after = kindserver.client();
            Waits.await("the resumed kind delete to run")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(kind::deleteHeld);
            assertEquals(ClusterPhase.Deleting, after.get(DELETED).phase(), "resumed, not Failed");
            ClusterInfo stoppedCreate = after.get(CREATED);
            assertEquals(ClusterPhase.Failed, stoppedCreate.phase());
            assertTrue(stoppedCreate.message().startsWith("kindserver stopped during create"), stoppedCreate.message());

            kind.releaseDelete();
            KindServerEndToEndTest.awaitGone(after, DELETED);
            assertTrue(KindContainers.of(DELETED).isEmpty(), "the resumed delete removed every node");
            assertTrue(after.delete(CREATED));
            KindServerEndToEndTest.awaitGone(after, CREATED);
            assertTrue(KindContainers.of(CREATED).isEmpty(), "the stopped create left nothing behind");
            assertFalse(
                    kindserver.log().contains("delete of cluster " + DELETED + " failed"),
                    "the stopped delete was taken for a failure:\n" + kindserver.log());
        }
    }

    private static String phaseOnDisk(Path stateDir, String name) throws IOException {
        return new ObjectMapper()
                .readTree(stateDir.resolve("clusters").resolve(name + ".json").toFile())
                .path("phase")
                .asText();
    }
}
