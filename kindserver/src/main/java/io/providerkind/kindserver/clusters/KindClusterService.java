package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.kindserver.docker.KindNetwork;
import io.providerkind.kindserver.docker.NodeInspector;
import io.providerkind.kindserver.docker.NodeWatcher;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.KindCli;
import io.providerkind.kindserver.kind.KindConfig;
import io.providerkind.kindserver.net.ApiServerAddressing;
import io.providerkind.kindserver.net.PortProbe;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterService} on the kind CLI and Docker. Each cluster has at most one operation running; a
 * create or delete decides under the cluster's lock, records its decision, and runs in the background.
 * Reads are answered from memory (records, a Docker snapshot kept fresh by events, fetched kubeconfigs).
 * Call {@link #start()} once before serving: it reconciles the state dir with Docker.
 */
public final class KindClusterService implements ClusterService {

    private static final Logger LOG = LoggerFactory.getLogger(KindClusterService.class);
    private static final Duration READY_MAX_AGE = Duration.ofSeconds(15);

    private final ClusterEngine engine;
    private final ClusterStore store;
    private final ExecutorService workers;
    private final OperationStarter starter;
    private volatile boolean started;
    private volatile boolean closed;

    public KindClusterService(ClusterServiceConfig config) {
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "kindserver-op-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        NodeInspector inspector = new NodeInspector(config.docker());
        ApiServerAddressing addressing = new ApiServerAddressing(
                config.advertiseAddress(),
                new KindNetwork(config.docker())::ensureGateway,
                config.apiPorts(),
                PortProbe.bindProbe());
        KindCli kind = new KindCli(config.kindBinary(), config.stateDir().resolve("tmp"));
        this.store = new ClusterStore(config.stateDir());
        ClusterTable table = new ClusterTable(store);
        SnapshotReconciler reconciler = new SnapshotReconciler(() -> started && !closed);
        NodeWatcher watcher = new NodeWatcher(inspector, config.timeouts().resync(), reconciler::accept);
        this.engine = new ClusterEngine(
                config,
                kind,
                watcher,
                addressing,
                table,
                new KubeconfigFetcher(kind, table, workers, config.timeouts().command()),
                new ClusterMetrics(config.meters(), this::list),
                new ConcurrentHashMap<>(),
                new Semaphore(config.maxParallelCreates(), true));
        this.starter = new OperationStarter(engine, workers);
        reconciler.attach(engine);
    }

    /** Reconciles the state dir with Docker (see {@link Recovery}), then follows Docker's events. */
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
        DockerSnapshot docker = engine.watcher().refreshNow();
        if (!docker.reachable()) {
            LOG.warn("Docker does not answer at start; clusters are reconciled against nothing");
        } else {
            resolveAddress();
        }
        List<ClusterName> resumeDeletes = new Recovery(engine).reconcile(records);
        started = true;
        resumeDeletes.forEach(name -> {
            synchronized (engine.table().lock(name.value())) {
                starter.startDelete(name, null);
            }
        });
        engine.watcher().start();
        engine.kubeconfigs().fetchMissing(docker, engine.addressing().knownAddress());
        LOG.info(
                "kindserver knows {} cluster(s) ({} with a record)",
                list().size(),
                engine.table().records().size());
    }

    /** Every cluster as {@link #get} describes it, without the kubeconfigs: the two never disagree otherwise. */
    @Override
    public List<ClusterInfo> list() {
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
        return describe(name, engine.watcher().current(), engine.addressing().knownAddress());
    }

    /** The one place a ClusterInfo is made: from the cluster's record if it has one, else from its containers. */
    private Optional<ClusterInfo> describe(String name, DockerSnapshot docker, Optional<String> address) {
        Optional<ClusterRecord> record = engine.table().record(name);
        var kubeconfigs = engine.table().kubeconfigs(name).map(ClusterTable.FetchedKubeconfigs::kubeconfigs);
        if (record.isPresent()) {
            return Optional.of(ClusterInfos.of(record.get(), docker, kubeconfigs, address));
        }
        if (docker.clusters().containsKey(name)) {
            return Optional.of(ClusterInfos.discovered(name, docker, kubeconfigs));
        }
        return Optional.empty();
    }

    @Override
    public CreateOutcome create(String rawName, String kindConfig) {
        return create(new ClusterName(rawName), KindConfig.parse(kindConfig));
    }

    @Override
    public CreateOutcome create(ClusterName name, KindConfig config) {
        acceptingWork();
        synchronized (engine.table().lock(name.value())) {
            Optional<ClusterRecord> existing = engine.table().record(name.value());
            if (existing.isPresent()) {
                return onExisting(name, config, existing.get());
            }
            if (!engine.watcher().current().nodes(name.value()).isEmpty()) {
                throw new ClusterConflictException("cluster " + name + " exists but was not created by kindserver"
                        + " (made with kind directly), so its config is unknown; import it instead of creating it");
            }
            OptionalInt port = engine.addressing()
                    .allocate(name.value(), engine.watcher().current().publishedPorts());
            Progress waiting = waiting(config);
            String note = config.apiServerOverrideNote().orElse(null);
            ClusterRecord record = ClusterRecord.creating(
                    name.value(),
                    config.original(),
                    config.configHash(),
                    port.isPresent() ? port.getAsInt() : null,
                    waiting,
                    note,
                    engine.now());
            if (port.isEmpty()) {
                record = record.failed(
                        "no free API server port left in " + engine.addressing().range()
                                + "; delete a cluster or widen --api-port-range",
                        engine.now());
            }
            putOrRelease(record);
            if (port.isPresent()) {
                startCreate(name, config, false);
            }
            return new CreateOutcome.Accepted(info(name.value()));
        }
    }

    private CreateOutcome onExisting(ClusterName name, KindConfig config, ClusterRecord record) {
        boolean sameConfig = config.configHash().equals(record.configHash());
        switch (record.phase()) {
            case Creating -> {
                if (sameConfig) {
                    return new CreateOutcome.Accepted(info(name.value()));
                }
                throw new ClusterConflictException("cluster " + name + " is being created with another config");
            }
            case Ready, Stopped -> {
                if (sameConfig) {
                    return new CreateOutcome.Exists(info(name.value()));
                }
                throw new ClusterConflictException("cluster " + name + " exists with another config (configHash "
                        + record.configHash() + "); kindserver never replaces a cluster, delete it first");
            }
            case Deleting ->
                throw new ClusterConflictException(
                        "cluster " + name + " is being deleted; create it " + "again once it is gone");
            case Failed -> {
                if (!record.managed()) {
                    throw new ClusterConflictException("cluster " + name + " was not created by kindserver and its "
                            + "delete failed (" + record.message() + "); delete it again");
                }
                if (!sameConfig) {
                    throw new ClusterConflictException("cluster " + name + " failed with another config; delete it"
                            + " before creating it with a new one");
                }
                OptionalInt port = engine.addressing()
                        .allocate(name.value(), engine.watcher().current().publishedPorts());
                if (port.isEmpty()) {
                    throw new ClusterConflictException("no free API server port left in "
                            + engine.addressing().range() + " to retry cluster " + name);
                }
                engine.table()
                        .put(record.withPort(port.getAsInt(), engine.now())
                                .retrying(
                                        waiting(config),
                                        config.apiServerOverrideNote().orElse(null),
                                        engine.now()));
                startCreate(name, config, true);
                return new CreateOutcome.Accepted(info(name.value()));
            }
            default -> throw new IllegalStateException("unknown phase " + record.phase());
        }
    }

    @Override
    public DeleteOutcome delete(String rawName) {
        ClusterName name = new ClusterName(rawName);
        acceptingWork();
        synchronized (engine.table().lock(name.value())) {
            Optional<ClusterRecord> record = engine.table().record(name.value());
            if (record.isEmpty()
                    && engine.watcher().current().nodes(name.value()).isEmpty()) {
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
            if (running != null) {
                LOG.info("cluster {} is deleted while being created; stopping kind first", name);
            }
            // the delete stops the create on its own thread: stopping kind may take seconds, too long for a lock
            starter.startDelete(name, running);
            return new DeleteOutcome.Deleting(info(name.value()));
        }
    }

    @Override
    public boolean ready() {
        return started && !closed && engine.watcher().healthy(READY_MAX_AGE);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        new Shutdown(engine, workers).run();
    }

    /** A create that lost the race with close() must not stay Creating. Caller holds the cluster's lock. */
    private void startCreate(ClusterName name, KindConfig config, boolean removeLeftoversFirst) {
        try {
            starter.startCreate(name, config, removeLeftoversFirst);
        } catch (ServiceUnavailableException e) {
            engine.table()
                    .record(name.value())
                    .ifPresent(r -> engine.table().put(r.failed(Shutdown.STOPPED_DURING_CREATE, engine.now())));
            throw e;
        }
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

    private void putOrRelease(ClusterRecord record) {
        try {
            engine.table().put(record);
        } catch (RuntimeException e) {
            engine.addressing().release(record.name());
            throw e;
        }
    }

    private Progress waiting(KindConfig config) {
        return new Progress(0, config.expectedSteps(), "waiting for a free create slot");
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
    }
}
