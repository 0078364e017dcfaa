package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerProcess;
import io.providerkind.kindserver.testing.KindWrapper;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.testsupport.realparts.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kindserver holds root-equivalent power on its Docker host through its password; the kind processes it runs (and
 * the docker commands they run) must not get it, while they keep what they need to reach Docker.
 */
@RequiresDocker
class KindServerChildEnvironmentTest {

    private static final String NAME = "child-env";
    private static final String DOCKER_HOST = "unix:///var/run/docker.sock";
    // ports of this test's own: other kindservers on the same Docker engine take theirs from the default range's start
    private static final String PORTS = "36970-36979";

    @TempDir
    Path workDir;

    @AfterEach
    void cleanUp() {
        KindContainers.removeAll(NAME);
    }

    @Test
    void kindRunsWithoutThePasswordButWithDockerHostAndPath() throws Exception {
        KindWrapper kind = KindWrapper.in(workDir.resolve("kind"));
        try (KindServerProcess kindserver = new KindServerProcess(workDir.resolve("state"))
                .withKind(kind.executable())
                .withEnvironment("DOCKER_HOST", DOCKER_HOST)
                .withEnvironment("KINDSERVER_API_PORT_RANGE", PORTS)
                .start()) {
            KindServerClient client = kindserver.client();
            client.create(NAME, KindServerEndToEndTest.CONFIG);
            ClusterInfo ready = KindServerEndToEndTest.awaitPhase(client, NAME, ClusterPhase.Ready);
            assertEquals(ClusterPhase.Ready, ready.phase(), ready + "\n" + kindserver.log());
            assertTrue(client.delete(NAME));
            KindServerEndToEndTest.awaitGone(client, NAME);

            List<Path> runs = kind.environments();
            assertTrue(
                    runs.stream().anyMatch(run -> run.getFileName().toString().startsWith("create-")), "" + runs);
            assertTrue(
                    runs.stream().anyMatch(run -> run.getFileName().toString().startsWith("delete-")), "" + runs);
            for (Path run : runs) {
                String environment = Files.readString(run);
                assertFalse(environment.contains(kindserver.password()), run + " holds kindserver's password");
                List<String> variables = environment.lines().toList();
                assertTrue(variables.stream().noneMatch(v -> v.startsWith("KINDSERVER_")), run + ":\n" + environment);
                assertTrue(variables.contains("DOCKER_HOST=" + DOCKER_HOST), run + ":\n" + environment);
                assertTrue(variables.contains("PATH=" + System.getenv("PATH")), run + ":\n" + environment);
            }
        }
    }
}
