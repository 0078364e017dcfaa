package io.providerkind.kindserver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Docker knows of kind's nodes, through docker-java: containers carrying kind's labels, their state
 * and address on the {@code kind} network, and the Kubernetes version a node runs.
 * Every method calls Docker; reads of kindserver use {@link NodeWatcher}'s snapshot instead.
 */
public final class NodeInspector {

    private static final Logger LOG = LoggerFactory.getLogger(NodeInspector.class);

    public static final String CLUSTER_LABEL = "io.x-k8s.kind.cluster";
    public static final String ROLE_LABEL = "io.x-k8s.kind.role";

    /**
     * The container events after which a listing can differ. kind runs dozens of {@code docker exec}s into its nodes
     * while it makes a cluster, and kindserver reads {@code /kind/version} by copying it out: their events
     * ({@code exec_*}, {@code archive-path}) change nothing a listing shows, and a listing after each would only
     * compete with kind for the engine.
     */
    static final List<String> LISTING_CHANGES = List.of(
            "create", "start", "restart", "stop", "die", "kill", "pause", "unpause", "rename", "update", "destroy");

    private final DockerClient docker;
    private final Optional<DockerClient> events;

    /** For calls only: {@link #followEvents} needs the client of {@link #NodeInspector(DockerClient, DockerClient)}. */
    public NodeInspector(DockerClient docker) {
        this.docker = docker;
        this.events = Optional.empty();
    }

    /**
     * @param docker for calls ({@link DockerClients#connect})
     * @param events for the event stream, without a response timeout ({@link DockerClients#connectForEvents})
     */
    public NodeInspector(DockerClient docker, DockerClient events) {
        this.docker = docker;
        this.events = Optional.of(events);
    }

    /** Every container with kind's cluster label, running or not. */
    public List<NodeContainer> listNodes() {
        List<Container> containers = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(CLUSTER_LABEL))
                .exec();
        List<NodeContainer> nodes = new ArrayList<>();
        for (Container c : containers) {
            Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
            String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0];
            nodes.add(new NodeContainer(
                    c.getId(),
                    name.startsWith("/") ? name.substring(1) : name,
                    labels.get(CLUSTER_LABEL),
                    labels.getOrDefault(ROLE_LABEL, ""),
                    c.getState(),
                    kindNetworkIp(c),
                    c.getImage(),
                    publishedPorts(c),
                    c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated())));
        }
        return nodes;
    }

    /** The Kubernetes version a node runs: {@code /kind/version} in the node, else its image's tag. */
    public Optional<String> kubernetesVersion(NodeContainer node) {
        try (InputStream archive = docker.copyArchiveFromContainerCmd(node.id(), "/kind/version")
                        .exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            if (tar.getNextEntry() != null) {
                String version = new String(tar.readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!version.isEmpty()) {
                    return Optional.of(version);
                }
            }
        } catch (NotFoundException | IOException e) {
            // not a kind node image, or the file is gone: the image tag is the next best answer
        } catch (DockerException e) {
            // Docker answered, but not with the file: a node being removed or restarted gets a 500 ("remount
            // .../merged/var: invalid argument"). One node's version must not fail the whole listing, which would
            // read as "Docker does not answer" and refuse every call.
            LOG.debug("cannot read /kind/version of node {} ({}); using its image tag", node.name(), e.getMessage());
        }
        return imageTag(node.image());
    }

    /** The {@code kind} network's IPv4 gateway, the network created first when missing (see {@link KindNetwork}). */
    public Optional<String> ensureKindNetworkGateway() {
        return new KindNetwork(docker).ensureGateway();
    }

    /**
     * Follows Docker's container events of kind nodes. {@code onOpen} runs on docker-java's thread once Docker
     * has answered the request (a change between the caller's last listing and that moment sent no event the
     * caller saw), {@code onEvent} for every event, {@code onEnd} when the stream ends or breaks. Closing the
     * answer stops following.
     */
    public Closeable followEvents(Runnable onOpen, Runnable onEvent, Consumer<Throwable> onEnd) {
        return events.orElseThrow(
                        () -> new IllegalStateException("this NodeInspector was made without an events client"))
                .eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(CLUSTER_LABEL)
                .withEventFilter(LISTING_CHANGES.toArray(String[]::new))
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onStart(Closeable stream) {
                        super.onStart(stream);
                        onOpen.run();
                    }

                    @Override
                    public void onNext(Event event) {
                        onEvent.run();
                    }

                    @Override
                    public void onError(Throwable error) {
                        onEnd.accept(error);
                    }

                    @Override
                    public void onComplete() {
                        onEnd.accept(null);
                    }
                });
    }

    private static String kindNetworkIp(Container c) {
        if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) {
            return null;
        }
        ContainerNetwork network = c.getNetworkSettings().getNetworks().get(KindNetwork.NAME);
        return network == null
                        || network.getIpAddress() == null
                        || network.getIpAddress().isBlank()
                ? null
                : network.getIpAddress();
    }

    private static Set<Integer> publishedPorts(Container c) {
        Set<Integer> ports = new HashSet<>();
        if (c.getPorts() != null) {
            for (ContainerPort port : c.getPorts()) {
                if (port.getPublicPort() != null) {
                    ports.add(port.getPublicPort());
                }
            }
        }
        return ports;
    }

    /** {@code kindest/node:v1.31.0@sha256:...} has the tag {@code v1.31.0}; an image id has none. */
    static Optional<String> imageTag(String image) {
        if (image == null) {
            return Optional.empty();
        }
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        if (colon < 0 || colon < withoutDigest.lastIndexOf('/') || withoutDigest.startsWith("sha256:")) {
            return Optional.empty();
        }
        return Optional.of(withoutDigest.substring(colon + 1));
    }
}
