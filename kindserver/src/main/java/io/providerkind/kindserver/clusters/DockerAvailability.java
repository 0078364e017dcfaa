package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.docker.DockerSnapshot;

/**
 * What {@link KindClusterService} may do, given whether Docker answers. Until Docker has answered once, nothing:
 * the records wait for {@link Recovery} and the clusters made by hand are unknown, so a read would answer 404 for
 * a cluster that exists. While Docker's latest listing failed, reads answer from the last listing it answered,
 * and no create or delete is accepted: kind cannot work, and the decision would rest on a stale snapshot.
 * {@code /readyz} ({@link #ready}) is false in both cases. Each listing also drives recovery, the outage guard
 * and the reconciler, in that order.
 */
final class DockerAvailability {

    private final ClusterEngine engine;
    private final Recovery recovery;
    private final DockerOutageGuard outages;
    private final SnapshotReconciler reconciler;

    DockerAvailability(ClusterEngine engine, Recovery recovery, SnapshotReconciler reconciler) {
        this.engine = engine;
        this.recovery = recovery;
        this.outages = new DockerOutageGuard(engine);
        this.reconciler = reconciler;
    }

    /** A listing the watcher made after the service started: the waiting records first, then the rest. */
    void onSnapshot(DockerSnapshot snapshot) {
        recovery.onSnapshot(snapshot);
        if (recovery.done()) {
            outages.accept(snapshot);
            reconciler.accept(snapshot);
        }
    }

    /** True once the records are reconciled and while Docker answers listings. */
    boolean ready() {
        return recovery.done()
                && engine.watcher().healthy(engine.config().timeouts().readyMaxAge());
    }

    /** For reads (and before every write): Docker has answered once and the records are reconciled. */
    void requireKnown() {
        if (!recovery.done()) {
            DockerSnapshot docker = engine.watcher().current();
            throw new ServiceUnavailableException(
                    docker.reachable()
                            ? "kindserver is still reconciling its cluster records with Docker; retry shortly"
                            : "Docker has not answered kindserver yet (" + docker.failure()
                                    + "); no cluster is known until it does");
        }
    }

    /** The snapshot a create or delete decides on, if Docker answered it. Caller holds the cluster's lock. */
    DockerSnapshot requireAnswering() {
        DockerSnapshot docker = engine.watcher().current();
        if (!docker.reachable()) {
            throw new ServiceUnavailableException("Docker does not answer kindserver (" + docker.failure()
                    + "); no cluster is created or deleted until it does");
        }
        return docker;
    }
}
