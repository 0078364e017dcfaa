package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.sdk.ClusterPhase;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on each new Docker snapshot: a Ready cluster whose nodes are all gone was deleted outside
 * kindserver ({@code kind delete}, {@code docker rm}) and is forgotten, releasing its port; clusters
 * whose kubeconfigs are missing get them fetched. Runs on the thread that made the snapshot.
 */
final class SnapshotReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReconciler.class);

    private final BooleanSupplier active;
    private volatile ClusterEngine engine;

    /** @param active false before the service has started and after it closed: snapshots are then ignored */
    SnapshotReconciler(BooleanSupplier active) {
        this.active = active;
    }

    /** The engine is built after the watcher that calls this; it is attached once both exist. */
    void attach(ClusterEngine clusters) {
        this.engine = clusters;
    }

    void accept(DockerSnapshot snapshot) {
        ClusterEngine clusters = engine;
        if (clusters == null || !active.getAsBoolean() || !snapshot.reachable()) {
            return;
        }
        for (ClusterRecord record : List.copyOf(clusters.table().records())) {
            if (record.phase() == ClusterPhase.Ready && vanished(clusters, record.name(), snapshot)) {
                forget(clusters, record.name(), snapshot);
            }
        }
        clusters.kubeconfigs().fetchMissing(snapshot, clusters.addressing().knownAddress());
    }

    /** Only a snapshot listed after the one that showed the cluster Ready may report it gone. */
    private static boolean vanished(ClusterEngine clusters, String name, DockerSnapshot snapshot) {
        return snapshot.nodes(name).isEmpty()
                && snapshot.generation() > clusters.table().settledGeneration(name);
    }

    private static void forget(ClusterEngine clusters, String name, DockerSnapshot snapshot) {
        synchronized (clusters.table().lock(name)) {
            boolean stillReady = clusters.table()
                    .record(name)
                    .filter(ClusterTable.inPhase(ClusterPhase.Ready))
                    .isPresent();
            if (stillReady && !clusters.operations().containsKey(name) && vanished(clusters, name, snapshot)) {
                LOG.warn("cluster {} vanished (its nodes were removed outside kindserver); forgetting it", name);
                clusters.forget(name);
            }
        }
    }
}
