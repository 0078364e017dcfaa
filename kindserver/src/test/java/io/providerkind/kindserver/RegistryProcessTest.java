package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.config.RegistrySettings;
import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerProcess;
import io.providerkind.kindserver.testing.TestRegistry;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.testsupport.realparts.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kindserver started as operators start it, with the registry flags as environment variables: a registry it cannot run
 * stops the start with one line, and a cluster it cannot wire to the registry is Failed with the node's own error.
 */
@RequiresDocker
class RegistryProcessTest {

    private static final String CLUSTER = "ksh-reg-unwired";

    @TempDir
    Path dir;

    private RegistrySettings registry;
    private KindServerProcess kindserver;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (kindserver != null) {
            kindserver.close();
        }
        KindContainers.removeAll(CLUSTER);
        if (registry != null) {
            TestRegistry.remove(registry.containerName());
        }
    }

    private KindServerProcess withRegistry(RegistrySettings settings) {
        registry = settings;
        TestRegistry.remove(settings.containerName());
        return new KindServerProcess(dir.resolve("state"))
                .withEnvironment("KINDSERVER_REGISTRY", settings.hostAddress())
                .withEnvironment("KINDSERVER_REGISTRY_IMAGE", settings.image())
                .withEnvironment("KINDSERVER_REGISTRY_CONTAINER", settings.containerName());
    }

    @Test
    void aMissingRegistryImageStopsTheStartWithOneLineAndExitStatus1() throws Exception {
        RegistrySettings named =
                TestRegistry.settings("noimage-" + ProcessHandle.current().pid());
        kindserver = withRegistry(
                new RegistrySettings(named.published(), "provider-kind-test/absent-registry:1", named.containerName()));

        RuntimeException failed = assertThrows(RuntimeException.class, kindserver::start);

        assertTrue(failed.getMessage().contains("the process exited (1)"), failed.getMessage());
        String line = "kindserver: failed to start: the registry image provider-kind-test/absent-registry:1 is not on"
                + " this Docker host, and kindserver never pulls: docker pull provider-kind-test/absent-registry:1,"
                + " or name an image the host has with --registry-image";
        assertEquals(line, kindserver.log().strip(), "one line, no stack trace");
    }

    @Test
    void aClusterTheRegistryCannotBeWiredToIsFailedWithTheNodesError() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path docker = Files.writeString(bin.resolve("docker"), """
                #!/bin/sh
                # the real docker, but kubectl in a node answers as an API server refusing the client
                for arg in "$@"; do
                  if [ "$arg" = kubectl ]; then
                    echo 'error: You must be logged in to the server (Unauthorized)' >&2
                    exit 1
                  fi
                done
                exec '%s' "$@"
                """.formatted(realDocker()));
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwx------"));
        kindserver = withRegistry(TestRegistry.settings(
                        "unwired-" + ProcessHandle.current().pid()))
                .withEnvironment("PATH", bin + ":" + System.getenv("PATH"))
                .start();

        kindserver.client().create(CLUSTER, KindServerEndToEndTest.CONFIG);
        ClusterInfo failed = KindServerEndToEndTest.awaitPhase(kindserver.client(), CLUSTER, ClusterPhase.Failed);

        assertEquals(ClusterPhase.Failed, failed.phase());
        assertTrue(
                failed.message()
                        .startsWith("kind created the cluster but wiring it to the local registry failed: docker"
                                + " exec " + CLUSTER
                                + "-control-plane kubectl failed (exit code 1): error: You must be logged"
                                + " in to the server (Unauthorized)"),
                failed.message());
    }

    private static Path realDocker() {
        return Arrays.stream(System.getenv("PATH").split(":"))
                .map(entry -> Path.of(entry, "docker"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no docker on PATH"));
    }
}
