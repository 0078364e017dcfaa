package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import io.providerkind.kindserver.docker.DockerClients;
import io.providerkind.kindserver.net.PortRange;
import io.providerkind.kindserver.testing.DockerProxy;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.testsupport.wait.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What kindserver makes of its records when Docker does not answer at start, and once it does. */
class DockerOutageRecoveryTest {

    @TempDir
    Path workDir;

    private KindDoubleFixture fixture;

    @BeforeEach
    void createFixture() throws Exception {
        fixture = new KindDoubleFixture(workDir, new PortRange(36790, 36799), 0.2);
    }

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void recordsWaitForDockersFirstAnswerInsteadOfBeingDecidedOnAListingOfNothing() throws Exception {
        String name = fixture.name("waits");
        KindClusterService first = fixture.start(2);
        first.create(name, KindDoubleFixture.CONFIG);
        ClusterInfo ready = fixture.awaitPhase(first, name, ClusterPhase.Ready);
        first.close();
        fixture.recordCreateInterruptedAfterKindFinished(name);

        try (DockerProxy docker = new DockerProxy();
                DockerClient calls = DockerClients.connect(Optional.of(docker.dockerHost()));
                DockerClient events = DockerClients.connectForEvents(Optional.of(docker.dockerHost()))) {
            KindClusterService restarted = fixture.start(fixture.config(2, calls, events));

            assertFalse(restarted.ready());
            ServiceUnavailableException refused =
                    assertThrows(ServiceUnavailableException.class, () -> restarted.get(name));
            assertTrue(refused.getMessage().startsWith("Docker has not answered kindserver yet"), refused.getMessage());
            assertThrows(ServiceUnavailableException.class, () -> restarted.create(name, KindDoubleFixture.CONFIG));
            assertEquals(ClusterPhase.Creating, fixture.recordedPhase(name), "nothing is decided without Docker");

            docker.forward();

            ClusterInfo adopted = Waits.await(name + " to be recovered once Docker answers")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(ServiceUnavailableException.class)
                    .until(() -> restarted.get(name).orElseThrow(), c -> c.phase() != ClusterPhase.Creating);
            assertEquals(ClusterPhase.Ready, adopted.phase(), adopted.toString());
            assertEquals(ready.endpoint(), adopted.endpoint());
            assertNotNull(adopted.kubeconfig());
            assertEquals(ClusterPhase.Ready, fixture.recordedPhase(name));
            assertTrue(restarted.ready());
            assertEquals(1, fixture.containers(name).size(), "never created twice");
        }
    }
}
