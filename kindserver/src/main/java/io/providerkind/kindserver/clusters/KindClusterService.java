package io.providerkind.kindserver.clusters;

import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.kindserver.docker.KindNetwork;
import io.providerkind.kindserver.docker.NodeInspector;
import io.providerkind.kindserver.docker.NodeWatcher;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.KindCli;
import io.providerkind.kindserver.kind.KindConfig;
import io.providerkind.kindserver.kind.NodeCommands;
import io.providerkind.kindserver.net.ApiServerAddressing;
import io.providerkind.kindserver.net.PortProbe;
import io.providerkind.kindserver.registry.RegistryWiring;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.ImageLoad;
import io.providerkind.sdk.LocalRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterService} on the kind CLI and Docker. Each cluster has at most one operation running; a
 * create or delete decides under the cluster's lock, records its decision, and runs in the background.
 * Reads are answered from memory (records, a Docker snapshot kept fresh by events, fetched kubeconfigs).
 * Call {@link #start()} once before serving: it reconciles the state dir with Docker. Until Docker has
 * answered once, every call but {@link #ready()} is refused (503): the records are not reconciled and the
 * clusters made by hand unknown. Creates and deletes are also refused while Docker's latest listing failed.
 */
public final class KindClusterService implements ClusterService {

    private static final Logger LOG = LoggerFactory.getLogger(KindClusterService.class);

    private final ClusterEngine engine;
    private final ClusterStore store;
    private final ExecutorService workers;
    private final OperationStarter starter;
    private final Recovery recovery;
    private final DockerAvailability availability;
    private final CreateDecision creates;
    private final ChangeBroadcast changes = new ChangeBroadcast();
    private volatile boolean started;
    private volatile boolean closed;

    public KindClusterService(ClusterServiceConfig config) {
        this.workers = Executors.newCachedThreadPool(new NamedThreadFactory("kindserver-op"));
        NodeInspector inspector = new NodeInspector(config.docker(), config.dockerEvents());
        ApiServerAddressing addressing = new ApiServerAddressing(
                config.advertiseAddress(),
                new KindNetwork(config.docker())::ensureGateway,
                config.apiPorts(),
                PortProbe.bindProbe());
        KindCli kind = new KindCli(config.kindBinary(), config.stateDir().resolve("tmp"));
        this.store = new ClusterStore(config.stateDir());
        ClusterTable table = new ClusterTable(store, changes);
        SnapshotReconciler reconciler = new SnapshotReconciler(() -> started && !closed);
        NodeWatcher watcher = new NodeWatcher(
                inspector, config.timeouts().resync(), config.timeouts().docker(), this::onSnapshot);
        ClusterMetrics metrics = new ClusterMetrics(config.meters(), this::list);
        this.engine = new ClusterEngine(
                config,
                kind,
                watcher,
                addressing,
                table,
                new KubeconfigFetcher(kind, table, workers, config.timeouts().command()),
                metrics,
                new ConcurrentHashMap<>(),
                new Semaphore(config.maxParallelCreates(), true),
                config.registry()
                        .map(registry -> new RegistryWiring(
                                registry,
                                NodeCommands.onPath(),
                                config.timeouts().command())),
                new ImageLoads(
                        kind, changes, metrics, workers, config.timeouts().command()));
        this.starter = new OperationStarter(engine, workers);
        this.recovery = new Recovery(engine, name -> starter.startDelete(name, null));
        this.availability = new DockerAvailability(engine, recovery, reconciler);
        this.creates = new CreateDecision(engine, starter, this::info);
        reconciler.attach(engine);
    }

    /**
     * Reconciles the state dir with Docker (see {@link Recovery}), then follows Docker's events. When Docker does
     * not answer, the start goes on (each call to Docker is bounded) and the records wait for its first answer.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        List<ClusterRecord> records;
        try {
            store.open();
            engine.kind().cleanScratch();
            records = store.loadAll();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the state dir " + engine.config().stateDir(), e);
        }
        recovery.begin(records);
        DockerSnapshot first = engine.watcher().refreshNow();
        if (first.reachable()) {
            resolveAddress();
            recovery.complete(first);
            engine.kubeconfigs().fetchMissing(first, engine.addressing().knownAddress());
        } else {
            LOG.warn(
                    "Docker does not answer ({}); the cluster API answers 503 until it does, {} record(s) wait for it",
                    first.failure(),
                    records.size());
        }
        started = true;
        engine.watcher().start();
    }

    /** The first listing is start()'s own; a failed recovery there fails the start instead. */
    private void onSnapshot(DockerSnapshot snapshot) {
        if (started && !closed) {
            availability.onSnapshot(snapshot);
        }
        changes.snapshotChanged();
    }

    /** Every cluster as {@link #get} describes it, without the kubeconfigs: the two never disagree otherwise. */
    @Override
    public List<ClusterInfo> list() {
        availability.requireKnown();
        DockerSnapshot docker = engine.watcher().current();
        Optional<String> address = engine.addressing().knownAddress();
        Set<String> names = new TreeSet<>(docker.clusters().keySet());
        engine.table().records().forEach(record -> names.add(record.name()));
        List<ClusterInfo> clusters = new ArrayList<>();
        for (String name : names) {
            describe(name, docker, address).map(ClusterInfo::withoutKubeconfigs).ifPresent(clusters::add);
        }
        return clusters;
    }

    @Override
    public Optional<ClusterInfo> get(String name) {
        availability.requireKnown();
        return describe(name, engine.watcher().current(), engine.addressing().knownAddress());
    }

    /** The one place a ClusterInfo is made: from the cluster's record if it has one, else from its containers. */
    private Optional<ClusterInfo> describe(String name, DockerSnapshot docker, Optional<String> address) {
        Optional<ClusterRecord> record = engine.table().record(name);
        var kubeconfigs = engine.table().kubeconfigs(name).map(ClusterTable.FetchedKubeconfigs::kubeconfigs);
        List<ImageLoad> images = engine.images().of(name);
        if (record.isPresent()) {
            return Optional.of(
                    ClusterInfos.of(record.get(), docker, kubeconfigs, address).withImages(images));
        }
        if (docker.clusters().containsKey(name)) {
            return Optional.of(
                    ClusterInfos.discovered(name, docker, kubeconfigs).withImages(images));
        }
        return Optional.empty();
    }

    @Override
    public CreateOutcome create(String rawName, String kindConfig) {
        return create(new ClusterName(rawName), KindConfig.parse(kindConfig));
    }

    @Override
    public CreateOutcome create(ClusterName name, KindConfig config, String owner) {
        acceptingWork();
        synchronized (engine.table().lock(name.value())) {
            DockerSnapshot docker = availability.requireAnswering();
            return creates.decide(name, config, owner, docker);
        }
    }

    @Override
    public LoadOutcome loadImages(ClusterName name, List<String> images) {
        acceptingWork();
        synchronized (engine.table().lock(name.value())) {
            Optional<ClusterInfo> cluster = get(name.value());
            if (cluster.isEmpty()) {
                return new LoadOutcome.NotFound(name.value());
            }
            if (cluster.get().phase() != ClusterPhase.Ready) {
                throw new ClusterConflictException("cluster " + name + " is "
                        + cluster.get().phase() + "; images are loaded into a Ready cluster only");
            }
            List<ImageLoad> queued = engine.images().request(name.value(), images);
            // the answer shows the loads as queued: the first may already be under way, which the next GET shows
            return new LoadOutcome.Accepted(info(name.value()).withImages(queued));
        }
    }

    @Override
    public Optional<LocalRegistry> registry() {
        return engine.config().registry();
    }

    @Override
    public DeleteOutcome delete(String rawName) {
        ClusterName name = new ClusterName(rawName);
        acceptingWork();
        synchronized (engine.table().lock(name.value())) {
            DockerSnapshot docker = availability.requireAnswering();
            Optional<ClusterRecord> record = engine.table().record(name.value());
            if (record.isEmpty() && docker.nodes(name.value()).isEmpty()) {
                return new DeleteOutcome.NotFound(name.value());
            }
            if (record.isPresent() && record.get().phase() == ClusterPhase.Deleting) {
                return new DeleteOutcome.Deleting(info(name.value()));
            }
            Operation running = engine.operations().get(name.value());
            engine.table()
                    .put(record.map(r -> r.deleting(engine.now()))
                            .orElseGet(() -> ClusterRecord.deletingUnmanaged(name.value(), engine.now())));
            engine.table().dropKubeconfigs(name.value());
            engine.images().cancel(name.value());
            if (running != null) {
                LOG.info("cluster {} is deleted while being created; stopping kind first", name);
            }
            // the delete stops the create on its own thread: stopping kind may take seconds, too long for a lock
            starter.startDelete(name, running);
            return new DeleteOutcome.Deleting(info(name.value()));
        }
    }

    @Override
    public void subscribe(ClusterChanges listener) {
        changes.add(listener);
    }

    @Override
    public boolean ready() {
        return started && !closed && availability.ready();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        new Shutdown(engine, workers).run();
    }

    /** Endpoints of known clusters need the address before the first create would look it up. */
    private void resolveAddress() {
        try {
            LOG.info(
                    "clusters' API servers listen on {} (ports {})",
                    engine.addressing().address(),
                    engine.addressing().range());
        } catch (RuntimeException e) {
            LOG.warn("the advertise address is not known yet: {}", e.getMessage());
        }
    }

    private ClusterInfo info(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("cluster " + name + " vanished while answering"));
    }

    private void acceptingWork() {
        if (closed) {
            throw new ServiceUnavailableException("kindserver is shutting down");
        }
        if (!started) {
            throw new ServiceUnavailableException("kindserver has not started yet");
        }
        availability.requireKnown();
    }
}
