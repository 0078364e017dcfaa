package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.kind.Kubeconfigs;
import io.providerkind.sdk.ClusterPhase;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * kindserver's memory of its clusters: the records (persisted through {@link ClusterStore} before they
 * are published), the kubeconfigs (memory only: they are credentials), and a lock per cluster name.
 * Reads take no lock; every change of a record happens under its cluster's lock.
 */
final class ClusterTable {

    private final ClusterStore store;
    private final ClusterChanges changes;
    private final Map<String, ClusterRecord> records = new ConcurrentHashMap<>();
    private final Map<String, FetchedKubeconfigs> kubeconfigs = new ConcurrentHashMap<>();
    private final Map<String, Long> settledGeneration = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** @param changes told of every change of a record or of kubeconfigs, after it is published */
    ClusterTable(ClusterStore store, ClusterChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    /** The lock to hold while deciding on and changing one cluster. */
    Object lock(String name) {
        return locks.computeIfAbsent(name, key -> new Object());
    }

    Optional<ClusterRecord> record(String name) {
        return Optional.ofNullable(records.get(name));
    }

    Collection<ClusterRecord> records() {
        return records.values();
    }

    /** Persists, then publishes. Caller holds the cluster's lock. */
    void put(ClusterRecord record) {
        store.save(record);
        records.put(record.name(), record);
        changes.changed(record.name());
    }

    /** Takes a record read from disk into memory as it is. Caller holds the cluster's lock. */
    void restore(ClusterRecord record) {
        records.put(record.name(), record);
        changes.changed(record.name());
    }

    /** Changes the record only while {@code when} holds (an update must not undo a delete that overtook it). */
    Optional<ClusterRecord> update(String name, Predicate<ClusterRecord> when, UnaryOperator<ClusterRecord> change) {
        synchronized (lock(name)) {
            ClusterRecord current = records.get(name);
            if (current == null || !when.test(current)) {
                return Optional.empty();
            }
            ClusterRecord changed = change.apply(current);
            put(changed);
            return Optional.of(changed);
        }
    }

    static Predicate<ClusterRecord> inPhase(ClusterPhase phase) {
        return record -> record.phase() == phase;
    }

    /** Forgets a cluster entirely. Caller holds the cluster's lock. */
    void remove(String name) {
        store.delete(name);
        records.remove(name);
        kubeconfigs.remove(name);
        settledGeneration.remove(name);
        changes.changed(name);
    }

    Optional<FetchedKubeconfigs> kubeconfigs(String name) {
        return Optional.ofNullable(kubeconfigs.get(name));
    }

    void putKubeconfigs(String name, FetchedKubeconfigs fetched) {
        kubeconfigs.put(name, fetched);
        changes.changed(name);
    }

    void dropKubeconfigs(String name) {
        kubeconfigs.remove(name);
        changes.changed(name);
    }

    /** Which Docker snapshot showed the cluster Ready; only a later one may report it gone. */
    void settled(String name, long generation) {
        settledGeneration.put(name, generation);
    }

    long settledGeneration(String name) {
        return settledGeneration.getOrDefault(name, Long.MAX_VALUE);
    }

    /** Kubeconfigs as fetched for one control-plane container (a new container means new credentials). */
    record FetchedKubeconfigs(String controlPlaneId, Kubeconfigs kubeconfigs) {}
}
