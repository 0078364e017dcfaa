package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.kindserver.docker.NodeContainer;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.InvalidRequestException;
import io.providerkind.kindserver.kind.KindCommandException;
import io.providerkind.kindserver.kind.KindConfig;
import io.providerkind.kindserver.kind.Kubeconfigs;
import io.providerkind.kindserver.kind.ProcessTree;
import io.providerkind.kindserver.net.ApiServerAddressing;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the records of a previous kindserver in line with what Docker shows, once, at start:
 * <ul>
 *   <li>a create that was running when kindserver stopped: its orphaned kind process is stopped, then the
 *   cluster is Ready if kind had ended its last step and every node runs, else Failed with a message (a
 *   create again retries it, removing the leftovers first), so nothing is ever created twice;</li>
 *   <li>a delete that was running is resumed;</li>
 *   <li>a Ready cluster whose nodes are all gone was deleted behind kindserver's back and is forgotten.</li>
 * </ul>
 * Containers without a record stay visible as clusters made by hand, so none is left untracked.
 *
 * <p>Every decision needs a listing Docker answered: the snapshot of an engine that does not answer shows no
 * node at all, and would make a finished create Failed (and its retry delete a working cluster). So when
 * Docker does not answer at start, only the orphans are stopped and the records wait, unpublished, for the
 * first listing it answers; until then {@link #done()} is false and the cluster API answers 503.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final Duration ORPHAN_STOP = Duration.ofSeconds(10);

    private final ClusterEngine engine;
    private final Consumer<ClusterName> resumeDelete;
    private final AtomicReference<List<ClusterRecord>> pending = new AtomicReference<>();
    private volatile boolean done;

    /** @param resumeDelete starts the delete of a cluster whose record says Deleting (called under its lock) */
    Recovery(ClusterEngine engine, Consumer<ClusterName> resumeDelete) {
        this.engine = engine;
        this.resumeDelete = resumeDelete;
    }

    /** Stops the kind processes a crashed kindserver left running; the records wait for {@link #complete}. */
    void begin(List<ClusterRecord> records) {
        records.stream().filter(r -> r.phase() == ClusterPhase.Creating).forEach(this::stopOrphan);
        pending.set(List.copyOf(records));
    }

    /** True once the records are reconciled with a listing Docker answered, and published. */
    boolean done() {
        return done;
    }

    /**
     * Reconciles the records with {@code docker} if they still wait and Docker answered this listing, then
     * resumes the deletes. A failure leaves them waiting for the next listing, and is thrown.
     */
    void complete(DockerSnapshot docker) {
        if (!docker.reachable()) {
            return;
        }
        List<ClusterRecord> records = pending.getAndSet(null);
        if (records == null) {
            return;
        }
        List<ClusterName> deletes;
        try {
            deletes = reconcile(records, docker);
        } catch (RuntimeException e) {
            pending.compareAndSet(null, records);
            throw e;
        }
        done = true;
        deletes.forEach(name -> {
            synchronized (engine.table().lock(name.value())) {
                resumeDelete.accept(name);
            }
        });
        LOG.info(
                "kindserver recovered {} cluster record(s) against Docker's listing",
                engine.table().records().size());
    }

    /** {@link #complete} for a snapshot the watcher made; a failure is retried with the next one. */
    void onSnapshot(DockerSnapshot docker) {
        try {
            complete(docker);
        } catch (RuntimeException e) {
            LOG.error("cannot recover the cluster records yet ({}); retrying at Docker's next listing", e.toString());
        }
    }

    private List<ClusterName> reconcile(List<ClusterRecord> records, DockerSnapshot docker) {
        records.forEach(this::reservePort);
        List<ClusterName> deletes = new ArrayList<>();
        for (ClusterRecord record : records) {
            ClusterName name;
            try {
                name = new ClusterName(record.name());
            } catch (InvalidRequestException e) {
                LOG.error("ignoring the record of '{}': {}", record.name(), e.getMessage());
                continue;
            }
            synchronized (engine.table().lock(record.name())) {
                switch (record.phase()) {
                    case Creating -> engine.table().put(interruptedCreate(record, docker));
                    case Deleting -> {
                        engine.table().restore(record);
                        deletes.add(name);
                    }
                    case Ready, Stopped -> keepOrForget(record, docker);
                    case Failed -> engine.table().restore(record);
                    default -> throw new IllegalStateException("unknown phase " + record.phase());
                }
            }
        }
        return deletes;
    }

    private void reservePort(ClusterRecord record) {
        if (record.apiServerPort() != null && !engine.addressing().reserve(record.name(), record.apiServerPort())) {
            LOG.error(
                    "cluster {} claims port {}, which another cluster holds; it gets a new one if created again",
                    record.name(),
                    record.apiServerPort());
        }
    }

    /** Stops the kind process a crashed kindserver left running, if it is still the same process. */
    private void stopOrphan(ClusterRecord record) {
        if (record.kindPid() == null || record.kindStartedAt() == null) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(record.kindPid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .startInstant()
                        .map(start -> sameInstant(start, record.kindStartedAt()))
                        .orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn(
                "stopping kind process {} that a previous kindserver left creating cluster {}",
                record.kindPid(),
                record.name());
        ProcessTree.destroy(orphan.get(), ORPHAN_STOP);
    }

    private ClusterRecord interruptedCreate(ClusterRecord record, DockerSnapshot docker) {
        Instant now = engine.now();
        if (record.allStepsDone() && allNodesRun(record, docker)) {
            Optional<Kubeconfigs> kubeconfigs = kubeconfigs(record);
            if (kubeconfigs.isPresent()) {
                String controlPlaneId = docker.controlPlane(record.name())
                        .map(NodeContainer::id)
                        .orElse("");
                engine.table()
                        .putKubeconfigs(
                                record.name(), new ClusterTable.FetchedKubeconfigs(controlPlaneId, kubeconfigs.get()));
                engine.table().settled(record.name(), docker.generation());
                LOG.info("cluster {}: kind had finished when kindserver stopped; the cluster is Ready", record.name());
                return record.ready(
                        "kindserver restarted while recording this create; kind had finished it and "
                                + "every node runs",
                        now);
            }
        }
        Progress at = record.progress();
        String where = at == null || at.step() == 0
                ? "before kind started"
                : "at step " + at.step() + " of " + at.total() + " (" + at.text() + ")";
        LOG.warn("cluster {}: kindserver stopped during its create {}; marking it Failed", record.name(), where);
        return record.failed(
                "kindserver stopped during create, " + where + "; create it again to retry "
                        + "(leftover nodes are removed first) or delete it",
                now);
    }

    private void keepOrForget(ClusterRecord record, DockerSnapshot docker) {
        if (docker.reachable() && docker.nodes(record.name()).isEmpty()) {
            LOG.warn(
                    "cluster {} was deleted while kindserver was not running (no node left); forgetting it",
                    record.name());
            engine.forget(record.name());
            return;
        }
        engine.table().restore(record);
        engine.table().settled(record.name(), docker.generation());
    }

    private boolean allNodesRun(ClusterRecord record, DockerSnapshot docker) {
        List<NodeContainer> nodes = docker.nodes(record.name());
        int expected;
        try {
            expected = KindConfig.parse(record.kindConfig()).nodes().containers();
        } catch (InvalidRequestException e) {
            return false;
        }
        return docker.reachable() && nodes.size() >= expected && nodes.stream().allMatch(NodeContainer::running);
    }

    private Optional<Kubeconfigs> kubeconfigs(ClusterRecord record) {
        try {
            String endpoint = ApiServerAddressing.endpoint(engine.addressing().address(), record.apiServerPort());
            return Optional.of(engine.kubeconfigs().fetch(new ClusterName(record.name()), Optional.of(endpoint)));
        } catch (KindCommandException | RuntimeException e) {
            LOG.warn("cluster {}: kubeconfig not readable after restart: {}", record.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean sameInstant(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(Duration.ofSeconds(1)) <= 0;
    }
}
