package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.docker.NodeWatcher;
import io.providerkind.kindserver.kind.KindCli;
import io.providerkind.kindserver.net.ApiServerAddressing;
import io.providerkind.kindserver.registry.RegistryWiring;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The parts operations on clusters share; one per {@link KindClusterService}.
 *
 * @param operations  the running operation of each busy cluster
 * @param createSlots permits for creates that may run at once
 * @param registry    wires each cluster made to the local registry; empty when kindserver runs none
 * @param images      the image loads asked for each cluster
 */
record ClusterEngine(
        ClusterServiceConfig config,
        KindCli kind,
        NodeWatcher watcher,
        ApiServerAddressing addressing,
        ClusterTable table,
        KubeconfigFetcher kubeconfigs,
        ClusterMetrics metrics,
        Map<String, Operation> operations,
        Semaphore createSlots,
        Optional<RegistryWiring> registry,
        ImageLoads images) {

    Instant now() {
        return config.clock().instant();
    }

    /** Drops everything kindserver knows of a cluster that is gone: its record, its port, its kubeconfig fetches. */
    void forget(String name) {
        synchronized (table.lock(name)) {
            table.remove(name);
            addressing.release(name);
            kubeconfigs.forget(name);
            images.cancel(name);
        }
    }
}
