package io.providerkind.kindserver.registry;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import io.providerkind.kindserver.config.RegistrySettings;
import io.providerkind.kindserver.docker.KindNetwork;
import io.providerkind.sdk.LocalRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry container, made as kind's local-registry recipe runs it ({@code docker run -d --restart=always -p
 * HOST:PORT:5000 registry:2}, then {@code docker network connect kind}) and labelled as kindserver's, or adopted as it
 * is when a kindserver made it before: it outlives kindserver and every cluster, and with it the images pushed to it.
 * A container of that name without kindserver's label is someone else's and never touched; an image missing on the
 * Docker host is never pulled. Both stop the start with a {@link RegistryStartException} saying what to do.
 */
public final class RegistryContainer {

    /** Marks the container as kindserver's registry; its value is the host address it was made for. */
    public static final String LABEL = "io.providerkind.kindserver.registry";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryContainer.class);
    private static final ExposedPort REGISTRY_PORT = ExposedPort.tcp(RegistrySettings.CONTAINER_PORT);

    private final DockerClient docker;
    private final RegistrySettings settings;

    public RegistryContainer(DockerClient docker, RegistrySettings settings) {
        this.docker = docker;
        this.settings = settings;
    }

    /** Makes or adopts the registry, runs it and puts it on the {@code kind} network; answers where it is. */
    public LocalRegistry ensure() {
        try {
            InspectContainerResponse container = inspect().orElseGet(this::create);
            requireOurs(container);
            requirePublishedAsAsked(container);
            start(container);
            connectToKindNetwork(container);
            LOG.info(
                    "local registry {} runs as container {} (image {}); clusters reach it as {}",
                    settings.hostAddress(),
                    settings.containerName(),
                    container.getConfig().getImage(),
                    settings.clusterAddress());
            return settings.toLocalRegistry();
        } catch (DockerException e) {
            throw new RegistryStartException(
                    "cannot run the local registry container " + settings.containerName() + ": Docker answered "
                            + e.getHttpStatus() + " " + firstLine(e.getMessage()),
                    e);
        } catch (RegistryStartException e) {
            throw e;
        } catch (RuntimeException e) {
            // the registry must run before the first create, so kindserver does not start without Docker here
            throw new RegistryStartException(
                    "cannot run the local registry container " + settings.containerName() + ": Docker does not answer ("
                            + firstLine(e.getMessage()) + ")",
                    e);
        }
    }

    private Optional<InspectContainerResponse> inspect() {
        try {
            return Optional.of(
                    docker.inspectContainerCmd(settings.containerName()).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private InspectContainerResponse create() {
        requireImage();
        HostConfig host = HostConfig.newHostConfig()
                .withRestartPolicy(RestartPolicy.alwaysRestart())
                .withPortBindings(new PortBinding(
                        Ports.Binding.bindIpAndPort(
                                settings.published().host(),
                                settings.published().port()),
                        REGISTRY_PORT));
        try {
            docker.createContainerCmd(settings.image())
                    .withName(settings.containerName())
                    .withLabels(Map.of(LABEL, settings.hostAddress()))
                    .withExposedPorts(REGISTRY_PORT)
                    .withHostConfig(host)
                    .exec();
            LOG.info("made the local registry container {} from {}", settings.containerName(), settings.image());
        } catch (ConflictException e) {
            // another kindserver made it at the same moment: what it made is inspected and judged below
        }
        return inspect()
                .orElseThrow(() -> new RegistryStartException("the registry container " + settings.containerName()
                        + " vanished right after it was made; start kindserver again"));
    }

    private void requireImage() {
        try {
            docker.inspectImageCmd(settings.image()).exec();
        } catch (NotFoundException e) {
            throw new RegistryStartException("the registry image " + settings.image() + " is not on this Docker host,"
                    + " and kindserver never pulls: docker pull " + settings.image()
                    + ", or name an image the host has with --registry-image");
        }
    }

    private void requireOurs(InspectContainerResponse container) {
        Map<String, String> labels = container.getConfig().getLabels();
        if (labels == null || !labels.containsKey(LABEL)) {
            throw new RegistryStartException("a container named " + settings.containerName()
                    + " exists and is not kindserver's registry (it has no label " + LABEL
                    + "); kindserver leaves it alone: remove or rename it, or choose another name with"
                    + " --registry-container");
        }
    }

    /** Docker cannot move a container's published port; a registry on another one is the operator's to resolve. */
    private void requirePublishedAsAsked(InspectContainerResponse container) {
        Ports.Binding[] bindings = Optional.ofNullable(container.getHostConfig().getPortBindings())
                .map(Ports::getBindings)
                .map(all -> all.get(REGISTRY_PORT))
                .orElse(new Ports.Binding[0]);
        boolean asAsked = Arrays.stream(bindings)
                .anyMatch(b -> settings.published().host().equals(b.getHostIp())
                        && String.valueOf(settings.published().port()).equals(b.getHostPortSpec()));
        if (!asAsked) {
            String published = Arrays.stream(bindings)
                    .map(b -> b.getHostIp() + ":" + b.getHostPortSpec())
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("nothing");
            throw new RegistryStartException("kindserver's registry container " + settings.containerName()
                    + " publishes " + published + ", not " + settings.hostAddress() + " as --registry says: give"
                    + " --registry " + published + ", or remove it (docker rm -f " + settings.containerName()
                    + "; the images pushed to it go with it)");
        }
    }

    private void start(InspectContainerResponse container) {
        if (Boolean.TRUE.equals(container.getState().getRunning())) {
            return;
        }
        try {
            docker.startContainerCmd(container.getId()).exec();
        } catch (NotModifiedException e) {
            // started meanwhile (its restart policy, or another kindserver)
        }
    }

    private void connectToKindNetwork(InspectContainerResponse container) {
        var networks = container.getNetworkSettings().getNetworks();
        if (networks != null && networks.containsKey(KindNetwork.NAME)) {
            return;
        }
        new KindNetwork(docker).ensureGateway();
        try {
            docker.connectToNetworkCmd()
                    .withNetworkId(KindNetwork.NAME)
                    .withContainerId(container.getId())
                    .exec();
        } catch (ConflictException e) {
            // already connected: what was asked for
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
