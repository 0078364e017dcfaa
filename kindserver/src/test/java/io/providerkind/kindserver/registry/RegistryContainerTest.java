package io.providerkind.kindserver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.providerkind.kindserver.config.ListenAddress;
import io.providerkind.kindserver.config.RegistrySettings;
import io.providerkind.kindserver.docker.DockerClients;
import io.providerkind.kindserver.docker.KindNetwork;
import io.providerkind.kindserver.testing.DockerEngine;
import io.providerkind.kindserver.testing.TestRegistry;
import io.providerkind.sdk.LocalRegistry;
import io.providerkind.testsupport.FreePort;
import io.providerkind.testsupport.realparts.RequiresDocker;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kindserver's registry container on the real Docker engine: made as kind's recipe runs it, adopted, or refused. */
@RequiresDocker
class RegistryContainerTest {

    @TempDir
    Path dir;

    private final List<String> containers = new ArrayList<>();
    private DockerClient docker;

    @BeforeEach
    void connect() {
        docker = DockerEngine.client();
    }

    @AfterEach
    void removeContainers() throws IOException {
        containers.forEach(TestRegistry::remove);
        docker.close();
    }

    private RegistrySettings registry(String name) {
        RegistrySettings settings =
                TestRegistry.settings(name + "-" + ProcessHandle.current().pid());
        containers.add(settings.containerName());
        TestRegistry.remove(settings.containerName());
        return settings;
    }

    @Test
    void makesTheRegistryAsKindsRecipeRunsItAndItServesTheRegistryApi() throws Exception {
        RegistrySettings settings = registry("make");

        LocalRegistry registry = new RegistryContainer(docker, settings).ensure();

        assertEquals(new LocalRegistry(settings.hostAddress(), settings.containerName() + ":5000"), registry);
        InspectContainerResponse made =
                docker.inspectContainerCmd(settings.containerName()).exec();
        assertTrue(made.getState().getRunning());
        assertEquals("always", made.getHostConfig().getRestartPolicy().getName());
        assertEquals(settings.hostAddress(), made.getConfig().getLabels().get(RegistryContainer.LABEL));
        Ports.Binding binding =
                made.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(5000))[0];
        assertEquals("127.0.0.1", binding.getHostIp());
        assertEquals(String.valueOf(settings.published().port()), binding.getHostPortSpec());
        assertTrue(made.getNetworkSettings().getNetworks().containsKey(KindNetwork.NAME), "on the kind network");
        assertEquals(
                200,
                Waits.await("the registry to answer /v2/")
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> TestRegistry.get(settings, "/v2/").statusCode(), status -> status == 200));
    }

    @Test
    void adoptsItsOwnRegistryAndStartsItWhenStopped() {
        RegistrySettings settings = registry("adopt");
        new RegistryContainer(docker, settings).ensure();
        String id = docker.inspectContainerCmd(settings.containerName()).exec().getId();
        docker.stopContainerCmd(id).withTimeout(5).exec();

        new RegistryContainer(docker, settings).ensure();

        InspectContainerResponse adopted =
                docker.inspectContainerCmd(settings.containerName()).exec();
        assertEquals(id, adopted.getId(), "the same container, with the images pushed to it");
        assertTrue(adopted.getState().getRunning());
    }

    @Test
    void refusesAContainerOfThatNameThatIsNotKindserversAndLeavesItAlone() {
        RegistrySettings settings = registry("foreign");
        String id = docker.createContainerCmd(TestRegistry.IMAGE)
                .withName(settings.containerName())
                .exec()
                .getId();

        RegistryStartException refused =
                assertThrows(RegistryStartException.class, () -> new RegistryContainer(docker, settings).ensure());

        assertTrue(refused.getMessage().contains("exists and is not kindserver's registry"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--registry-container"), refused.getMessage());
        InspectContainerResponse untouched =
                docker.inspectContainerCmd(settings.containerName()).exec();
        assertEquals(id, untouched.getId());
        assertFalse(untouched.getState().getRunning(), "not started");
        assertFalse(untouched.getNetworkSettings().getNetworks().containsKey(KindNetwork.NAME), "not connected");
    }

    @Test
    void aMissingImageIsAClearErrorAndNothingIsPulledOrMade() {
        RegistrySettings named = registry("noimage");
        RegistrySettings settings = new RegistrySettings(
                named.published(),
                "provider-kind-test/absent-registry:" + ProcessHandle.current().pid(),
                named.containerName());

        RegistryStartException refused =
                assertThrows(RegistryStartException.class, () -> new RegistryContainer(docker, settings).ensure());

        assertEquals(
                "the registry image " + settings.image() + " is not on this Docker host, and kindserver never pulls:"
                        + " docker pull " + settings.image() + ", or name an image the host has with --registry-image",
                refused.getMessage());
        assertThrows(
                NotFoundException.class,
                () -> docker.inspectImageCmd(settings.image()).exec(),
                "not pulled");
        assertThrows(
                NotFoundException.class,
                () -> docker.inspectContainerCmd(settings.containerName()).exec(),
                "no container made");
    }

    @Test
    void itsRegistryOnAnotherPortIsAnErrorNamingBothNotARecreate() {
        RegistrySettings settings = registry("port");
        new RegistryContainer(docker, settings).ensure();
        RegistrySettings moved = new RegistrySettings(
                new ListenAddress("127.0.0.1", FreePort.onLoopback()), settings.image(), settings.containerName());

        RegistryStartException refused =
                assertThrows(RegistryStartException.class, () -> new RegistryContainer(docker, moved).ensure());

        assertTrue(refused.getMessage().contains("publishes " + settings.hostAddress()), refused.getMessage());
        assertTrue(refused.getMessage().contains("not " + moved.hostAddress()), refused.getMessage());
        assertEquals(
                settings.hostAddress(),
                docker.inspectContainerCmd(settings.containerName())
                        .exec()
                        .getConfig()
                        .getLabels()
                        .get(RegistryContainer.LABEL),
                "the registry is kept as it is");
    }

    @Test
    void anEngineThatDoesNotAnswerIsAStartErrorSayingSo() throws IOException {
        RegistrySettings settings = registry("noengine");
        try (DockerClient silent = DockerClients.connect(Optional.of("unix://" + dir.resolve("no-docker.sock")))) {

            RegistryStartException refused =
                    assertThrows(RegistryStartException.class, () -> new RegistryContainer(silent, settings).ensure());

            assertTrue(
                    refused.getMessage()
                            .startsWith("cannot run the local registry container " + settings.containerName()
                                    + ": Docker does not answer"),
                    refused.getMessage());
        }
    }
}
