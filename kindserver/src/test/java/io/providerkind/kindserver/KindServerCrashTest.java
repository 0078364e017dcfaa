package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindDouble;
import io.providerkind.kindserver.testing.KindServerProcess;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.testsupport.wait.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kindserver killed with SIGKILL while kind is creating a cluster, then started again on the same state
 * dir, as after a host crash or an OOM kill: the cluster settles (Ready, or Failed with a message), is never
 * created twice, and can be deleted without leaving a container behind.
 */
class KindServerCrashTest {

    private static final String NAME = "crash-one";

    @TempDir
    Path stateDir;

    @AfterEach
    void cleanUp() {
        KindContainers.removeAll(NAME);
    }

    @Test
    void aCreateInterruptedByACrashSettlesAfterRestartAndIsNeverDuplicated() throws Exception {
        // the double's steps take 2 s here, so there is a create in progress to interrupt
        try (KindServerProcess kindserver = new KindServerProcess(stateDir)
                .withEnvironment(KindDouble.STEP_SECONDS, "2")
                .start()) {
            KindServerClient client = kindserver.client();
            client.create(NAME, KindServerEndToEndTest.CONFIG);
            ClusterInfo midCreate = Waits.await("kind to be creating nodes")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () -> client.get(NAME),
                            c -> c.phase() != ClusterPhase.Creating
                                    || (c.progress() != null && c.progress().step() >= 1)
                                    || !KindContainers.of(NAME).isEmpty());
            assertEquals(
                    ClusterPhase.Creating, midCreate.phase(), "the create finished before the crash: " + midCreate);

            kindserver.kill();
            kindserver.start();

            KindServerClient after = kindserver.client();
            ClusterInfo settled = Waits.await(NAME + " to settle after the restart")
                    .atMost(KindServerEndToEndTest.READY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> after.get(NAME), c -> c.phase() != ClusterPhase.Creating);
            assertTrue(
                    settled.phase() == ClusterPhase.Ready
                            || (settled.phase() == ClusterPhase.Failed
                                    && settled.message() != null
                                    && !settled.message().isBlank()),
                    "settled as " + settled);
            List<Container> containers = KindContainers.of(NAME);
            assertEquals(
                    settled.nodes().size(), containers.size(), "every container is known, none twice: " + containers);
            assertTrue(containers.size() <= 1, "one control-plane, never a second one: " + containers.size());

            assertTrue(after.delete(NAME));
            KindServerEndToEndTest.awaitGone(after, NAME);
            assertTrue(KindContainers.of(NAME).isEmpty(), "no container is left");
            assertFalse(kindserver.log().contains("Exception in thread"), kindserver.log());
        }
    }
}
