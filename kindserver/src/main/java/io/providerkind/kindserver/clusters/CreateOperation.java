package io.providerkind.kindserver.clusters;

import io.micrometer.core.instrument.Timer;
import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.kindserver.docker.NodeContainer;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.CreateProcess;
import io.providerkind.kindserver.kind.KindCommandException;
import io.providerkind.kindserver.kind.KindConfig;
import io.providerkind.kindserver.kind.KindCreateResult;
import io.providerkind.kindserver.kind.Kubeconfigs;
import io.providerkind.kindserver.net.AddressUnavailableException;
import io.providerkind.kindserver.net.ApiServerAddressing;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.Progress;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One create, in the background: wait for a create slot, remove what a failed earlier attempt left,
 * run {@code kind create cluster} with kindserver's API server address and port, follow its progress,
 * then record Ready (with both kubeconfigs) or Failed (with kind's own error text). A delete or a
 * shutdown may cancel it at any point; it then leaves the record to whoever cancelled it.
 */
final class CreateOperation implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CreateOperation.class);
    /** kind's role label of the container in front of several control planes; it runs no containerd. */
    private static final String EXTERNAL_LOAD_BALANCER = "external-load-balancer";

    private final ClusterEngine engine;
    private final ClusterName name;
    private final KindConfig config;
    private final boolean removeLeftoversFirst;
    private final Operation operation;
    private final Timer.Sample timing;

    CreateOperation(
            ClusterEngine engine,
            ClusterName name,
            KindConfig config,
            boolean removeLeftoversFirst,
            Operation operation) {
        this.engine = engine;
        this.name = name;
        this.config = config;
        this.removeLeftoversFirst = removeLeftoversFirst;
        this.operation = operation;
        this.timing = engine.metrics().start();
    }

    @Override
    public void run() {
        String outcome = "cancelled";
        try {
            if (awaitSlot()) {
                try {
                    outcome = create();
                } finally {
                    engine.createSlots().release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("create of cluster {} failed unexpectedly", name, e);
            outcome = fail("kindserver failed while creating the cluster: " + e.getMessage());
        } finally {
            engine.metrics().createEnded(timing, outcome);
        }
    }

    /** Waits (as "Creating, waiting") until fewer than the configured number of creates run. */
    private boolean awaitSlot() throws InterruptedException {
        while (!operation.cancelled()) {
            if (engine.createSlots().tryAcquire(200, TimeUnit.MILLISECONDS)) {
                if (operation.cancelled()) {
                    engine.createSlots().release();
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    private String create() throws InterruptedException {
        progress(new Progress(0, config.expectedSteps(), "starting kind"), false);
        if (removeLeftoversFirst) {
            try {
                engine.kind().deleteCluster(name, engine.config().timeouts().command());
            } catch (KindCommandException e) {
                return fail("could not remove what the failed attempt left before retrying: " + e.getMessage());
            }
        }
        String address;
        int port;
        try {
            address = engine.addressing().address();
            port = portFreeOnHost();
        } catch (AddressUnavailableException | IllegalStateException e) {
            return fail(e.getMessage());
        }
        if (operation.cancelled()) {
            return "cancelled";
        }
        KindCreateResult result;
        try (CreateProcess process = engine.kind()
                .startCreate(
                        name,
                        config.render(address, port, engine.registry().isPresent()),
                        config.expectedSteps(),
                        this::progress)) {
            process.startedAt()
                    .ifPresent(started -> engine.table()
                            .update(
                                    name.value(),
                                    ClusterTable.inPhase(ClusterPhase.Creating),
                                    r -> r.withProcess(process.pid(), started, engine.now())));
            operation.attach(process);
            result = process.await(engine.config().timeouts().create());
        } catch (IOException e) {
            return fail(e.getMessage());
        }
        if (result instanceof KindCreateResult.Failed failed) {
            return fail(failed.message());
        }
        if (result instanceof KindCreateResult.Created created) {
            Optional<String> unwired = wireRegistry();
            if (unwired.isPresent()) {
                return fail(unwired.get());
            }
            return ready(ApiServerAddressing.endpoint(address, port), created.writtenKubeconfig());
        }
        return "cancelled";
    }

    /**
     * Wires the cluster kind made to the local registry (hosts.toml in each node, the ConfigMap) before it is Ready:
     * a cluster reported Ready pulls from the registry. Answers why that failed, if it did: the create then fails as
     * kind's own failures do (Failed with the message; a create asked again first removes what is left).
     */
    private Optional<String> wireRegistry() throws InterruptedException {
        if (engine.registry().isEmpty() || operation.cancelled()) {
            return Optional.empty();
        }
        DockerSnapshot snapshot = engine.watcher().refreshNow();
        List<String> nodes = snapshot.nodes(name.value()).stream()
                .filter(node -> !EXTERNAL_LOAD_BALANCER.equals(node.role()))
                .map(NodeContainer::name)
                .toList();
        Optional<NodeContainer> controlPlane = snapshot.controlPlane(name.value());
        if (controlPlane.isEmpty()) {
            return Optional.of("kind created the cluster but Docker shows no control-plane node to wire the local "
                    + "registry in");
        }
        try {
            engine.registry()
                    .get()
                    .wire(
                            nodes,
                            controlPlane.get().name(),
                            config.registryTranslation().hosts());
            return Optional.empty();
        } catch (KindCommandException e) {
            return Optional.of(
                    "kind created the cluster but wiring it to the local registry failed: " + e.getMessage());
        }
    }

    /** The allocated port, or a fresh one when something else took it on the host since it was allocated. */
    private int portFreeOnHost() {
        int port = engine.table()
                .record(name.value())
                .map(ClusterRecord::apiServerPort)
                .orElseThrow(() -> new IllegalStateException("the record of cluster " + name + " is gone"));
        if (!engine.addressing().inUseOnHost(port)) {
            return port;
        }
        engine.addressing().release(name.value());
        OptionalInt fresh = engine.addressing()
                .allocate(name.value(), engine.watcher().current().publishedPorts());
        if (fresh.isEmpty()) {
            throw new IllegalStateException(
                    "no free API server port left in " + engine.addressing().range());
        }
        LOG.info("port {} of cluster {} is taken on the host; using {}", port, name, fresh.getAsInt());
        engine.table()
                .update(
                        name.value(),
                        ClusterTable.inPhase(ClusterPhase.Creating),
                        r -> r.withPort(fresh.getAsInt(), engine.now()));
        return fresh.getAsInt();
    }

    /**
     * Records Ready with the kubeconfig kind wrote during the create; only when that is unusable is kind asked
     * again ({@code kind get kubeconfig} reads the node's admin.conf through docker exec: a quarter second on a
     * quiet host that every create would otherwise wait for).
     */
    private String ready(String endpoint, Optional<String> written) throws InterruptedException {
        Kubeconfigs kubeconfigs;
        try {
            if (written.isPresent()) {
                kubeconfigs = KubeconfigFetcher.from(name, written.get(), Optional.of(endpoint));
            } else {
                LOG.info("kind wrote no usable kubeconfig for cluster {}; asking kind get kubeconfig", name);
                kubeconfigs = fetchKubeconfigs(endpoint);
            }
        } catch (KindCommandException e) {
            return fail("kind created the cluster but its kubeconfig cannot be read: " + e.getMessage());
        }
        DockerSnapshot snapshot = engine.watcher().refreshNow();
        String controlPlaneId =
                snapshot.controlPlane(name.value()).map(n -> n.id()).orElse("");
        synchronized (engine.table().lock(name.value())) {
            Optional<ClusterRecord> record =
                    engine.table().record(name.value()).filter(ClusterTable.inPhase(ClusterPhase.Creating));
            if (record.isEmpty() || operation.cancelled()) {
                return "cancelled";
            }
            engine.table()
                    .putKubeconfigs(name.value(), new ClusterTable.FetchedKubeconfigs(controlPlaneId, kubeconfigs));
            engine.table().put(record.get().ready(config.apiServerOverrideNote().orElse(null), engine.now()));
            engine.table().settled(name.value(), snapshot.generation());
        }
        LOG.info("cluster {} is ready at {}", name, endpoint);
        return "ready";
    }

    /** kind has just written the kubeconfig; a short retry covers a control-plane still settling. */
    private Kubeconfigs fetchKubeconfigs(String endpoint) throws KindCommandException, InterruptedException {
        KindCommandException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return engine.kubeconfigs().fetch(name, Optional.of(endpoint));
            } catch (KindCommandException e) {
                last = e;
                Thread.sleep(500L * (attempt + 1));
            }
        }
        throw last;
    }

    private void progress(Progress progress, boolean allStepsDone) {
        try {
            engine.table()
                    .update(
                            name.value(),
                            ClusterTable.inPhase(ClusterPhase.Creating),
                            r -> r.withProgress(progress, allStepsDone, engine.now()));
        } catch (RuntimeException e) {
            LOG.warn("cannot record the progress of cluster {}: {}", name, e.getMessage());
        }
    }

    private String fail(String message) {
        if (operation.cancelled()) {
            return "cancelled";
        }
        Optional<ClusterRecord> failed = engine.table()
                .update(
                        name.value(),
                        ClusterTable.inPhase(ClusterPhase.Creating),
                        r -> r.failed(message, engine.now()));
        if (failed.isPresent()) {
            LOG.warn("create of cluster {} failed: {}", name, message);
            return "failed";
        }
        return "cancelled";
    }
}
