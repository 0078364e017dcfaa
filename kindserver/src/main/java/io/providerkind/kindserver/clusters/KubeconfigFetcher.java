package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.kindserver.docker.NodeContainer;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.InvalidRequestException;
import io.providerkind.kindserver.kind.KindCli;
import io.providerkind.kindserver.kind.KindCommandException;
import io.providerkind.kindserver.kind.Kubeconfigs;
import io.providerkind.kindserver.net.ApiServerAddressing;
import io.providerkind.sdk.ClusterPhase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets clusters' kubeconfigs with {@code kind get kubeconfig} wherever kindserver has none from a create of its own
 * (clusters made by hand, recovery after a restart, a create whose written kubeconfig was unusable), in the background,
 * so that reads only ever look into memory. Clusters made by hand, and clusters known from before a
 * restart, get theirs once their control-plane runs; a failed attempt is retried after a pause.
 */
final class KubeconfigFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(KubeconfigFetcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final KindCli kind;
    private final ClusterTable table;
    private final Executor executor;
    private final Duration timeout;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

    KubeconfigFetcher(KindCli kind, ClusterTable table, Executor executor, Duration timeout) {
        this.kind = kind;
        this.table = table;
        this.executor = executor;
        this.timeout = timeout;
    }

    /**
     * Both kubeconfigs of a cluster; the external one's server is set to {@code endpoint} when given
     * (kindserver's clusters), else left as kind wrote it (clusters made by hand).
     */
    Kubeconfigs fetch(ClusterName name, Optional<String> endpoint) throws KindCommandException {
        // kind's --internal kubeconfig is the same admin.conf with another server: one run of kind gives both, and
        // a create is Ready that much sooner (each run reads the node's admin.conf through docker exec)
        return from(name, kind.kubeconfig(name, timeout), endpoint);
    }

    /**
     * Both kubeconfigs from the one kind made for the host, as {@link #fetch} makes them. {@code kind get kubeconfig}
     * prints the file kind writes plus a newline; without it, a cluster's kubeconfig is the same text whichever way
     * kindserver got it (a create, or a fetch after a restart), and clients see no change where there is none.
     */
    static Kubeconfigs from(ClusterName name, String kubeconfig, Optional<String> endpoint) {
        String external = kubeconfig.stripTrailing() + "\n";
        return Kubeconfigs.of(
                endpoint.map(e -> Kubeconfigs.withServer(external, e)).orElse(external),
                Kubeconfigs.withServer(external, ApiServerAddressing.internalServer(name.controlPlaneNode())));
    }

    /** Starts fetches for running clusters whose kubeconfigs are missing or belong to an older control-plane. */
    void fetchMissing(DockerSnapshot snapshot, Optional<String> address) {
        snapshot.clusters().keySet().forEach(name -> {
            Optional<NodeContainer> controlPlane = snapshot.controlPlane(name).filter(NodeContainer::running);
            Optional<ClusterRecord> record = table.record(name);
            boolean wanted = record.map(r -> r.phase() == ClusterPhase.Ready).orElse(true);
            if (controlPlane.isEmpty()
                    || !wanted
                    || current(name, controlPlane.get().id())
                    || recentlyTried(name)) {
                return;
            }
            Optional<String> endpoint = record.flatMap(r -> Optional.ofNullable(r.apiServerPort()))
                    .flatMap(port -> address.map(a -> ApiServerAddressing.endpoint(a, port)));
            attempts.merge(
                    name,
                    new Attempt(1, System.nanoTime()),
                    (last, first) -> new Attempt(last.count() + 1, first.atNanos()));
            try {
                executor.execute(
                        () -> fetchInBackground(name, controlPlane.get().id(), endpoint));
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        });
    }

    void forget(String name) {
        attempts.remove(name);
    }

    private void fetchInBackground(String name, String controlPlaneId, Optional<String> endpoint) {
        ClusterName cluster;
        try {
            cluster = new ClusterName(name);
        } catch (InvalidRequestException e) {
            return; // a container labelled with a name kind itself would refuse; nothing to fetch
        }
        try {
            Kubeconfigs fetched = fetch(cluster, endpoint);
            synchronized (table.lock(name)) {
                boolean stillWanted = table.record(name)
                        .map(r -> r.phase() == ClusterPhase.Ready)
                        .orElse(true);
                if (stillWanted) {
                    table.putKubeconfigs(name, new ClusterTable.FetchedKubeconfigs(controlPlaneId, fetched));
                }
            }
            attempts.remove(name);
        } catch (KindCommandException e) {
            LOG.debug("kubeconfig of cluster {} not available yet: {}", name, e.getMessage());
        }
    }

    private boolean current(String name, String controlPlaneId) {
        return table.kubeconfigs(name)
                .map(k -> k.controlPlaneId().equals(controlPlaneId))
                .orElse(false);
    }

    /** A cluster kind is still creating has no kubeconfig yet: retry soon, then less and less often. */
    private boolean recentlyTried(String name) {
        Attempt last = attempts.get(name);
        if (last == null) {
            return false;
        }
        long backoff = Math.min(MAX_RETRY.toNanos(), FIRST_RETRY.toNanos() << Math.min(last.count() - 1, 10));
        return System.nanoTime() - last.atNanos() < backoff;
    }

    private record Attempt(int count, long atNanos) {}
}
